-- Training runs: which algorithm, on which dataset, with which config and seed, by whom; the trained
-- policy lives in the artifact store. Metrics per iteration are the learning curves.
CREATE TABLE training_run (
    id            VARCHAR(36)   NOT NULL,
    algorithm     VARCHAR(50)   NOT NULL,
    dataset_id    VARCHAR(64)   NOT NULL,
    config_json   VARCHAR(8000) NOT NULL,
    config_sha256 VARCHAR(64)   NOT NULL,
    seed          BIGINT        NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    code_version  VARCHAR(100)  NOT NULL,
    policy_sha256 VARCHAR(64),
    error         VARCHAR(2000),
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_training_run PRIMARY KEY (id),
    CONSTRAINT fk_training_run_dataset FOREIGN KEY (dataset_id) REFERENCES dataset (id),
    CONSTRAINT fk_training_run_policy FOREIGN KEY (policy_sha256) REFERENCES artifact (sha256)
);
CREATE INDEX ix_training_run_created_at ON training_run (created_at);

CREATE TABLE run_metric (
    run_id       VARCHAR(36)  NOT NULL,
    iteration    INTEGER      NOT NULL,
    name         VARCHAR(100) NOT NULL,
    metric_value DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_run_metric PRIMARY KEY (run_id, iteration, name),
    CONSTRAINT fk_run_metric_run FOREIGN KEY (run_id) REFERENCES training_run (id) ON DELETE CASCADE
);
