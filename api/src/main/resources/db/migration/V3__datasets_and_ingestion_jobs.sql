-- Trajectory datasets: immutable once recorded. The id is the SHA-256 of the dataset's canonical binary
-- form, which lives in the artifact store; the same content ingested twice is one dataset.
CREATE TABLE dataset (
    id                  VARCHAR(64)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    cohort_id           VARCHAR(100),
    cohort_version      VARCHAR(50),
    state_type          VARCHAR(20)   NOT NULL,
    action_type         VARCHAR(20)   NOT NULL,
    episodes            INTEGER       NOT NULL,
    steps               INTEGER       NOT NULL,
    feature_names       VARCHAR(4000) NOT NULL,
    action_names        VARCHAR(4000) NOT NULL,
    content_sha256      VARCHAR(64)   NOT NULL,
    report_sha256       VARCHAR(64),
    error_count         BIGINT        NOT NULL,
    informational_count BIGINT        NOT NULL,
    source              VARCHAR(1000) NOT NULL,
    created_by          VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dataset PRIMARY KEY (id),
    CONSTRAINT fk_dataset_content FOREIGN KEY (content_sha256) REFERENCES artifact (sha256),
    CONSTRAINT fk_dataset_report FOREIGN KEY (report_sha256) REFERENCES artifact (sha256)
);

-- Ingestion jobs started from the API or the UI. Progress while running is kept in memory; the row
-- records the outcome. A job found RUNNING at start-up was interrupted and is marked FAILED.
CREATE TABLE ingestion_job (
    id          VARCHAR(36)   NOT NULL,
    state       VARCHAR(20)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    cohort_id   VARCHAR(100)  NOT NULL,
    source      VARCHAR(1000) NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    dataset_id  VARCHAR(64),
    error       VARCHAR(2000),
    CONSTRAINT pk_ingestion_job PRIMARY KEY (id),
    CONSTRAINT fk_ingestion_job_dataset FOREIGN KEY (dataset_id) REFERENCES dataset (id)
);
CREATE INDEX ix_ingestion_job_created_at ON ingestion_job (created_at);
