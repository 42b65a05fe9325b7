-- Large blobs live in the content-addressed store on disk (data-dir/artifacts); the database keeps
-- what they are and who stored them. The hash is the key, so a blob is recorded once.
CREATE TABLE artifact (
    sha256      VARCHAR(64)  NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    media_type  VARCHAR(100) NOT NULL,
    kind        VARCHAR(64)  NOT NULL,
    description VARCHAR(500),
    created_by  VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_artifact PRIMARY KEY (sha256)
);
