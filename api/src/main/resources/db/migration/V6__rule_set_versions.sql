-- Safety rule sets, one row per published version. Append-only: an edit is a new row with who, when and
-- why; the service never updates or deletes a row, so an old version reads the same forever.
CREATE TABLE rule_set_version (
    rule_set_id  VARCHAR(100)  NOT NULL,
    version      VARCHAR(40)   NOT NULL,
    content_hash VARCHAR(64)   NOT NULL,
    yaml         TEXT          NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_rule_set_version PRIMARY KEY (rule_set_id, version)
);
CREATE INDEX ix_rule_set_version_created ON rule_set_version (rule_set_id, created_at);
