-- Trained TACE world models (issue 5): the bundle folder lives under <data-dir>/world-models/<id>/, this row
-- says which dataset it was trained on, where its images are read from, its manifest and who made it. The
-- newest row is the one that plan and the REST endpoints use by default. Rows are never updated.
CREATE TABLE world_model (
    id            VARCHAR(100)    NOT NULL,
    dataset_id    VARCHAR(64)     NOT NULL,
    images_dir    VARCHAR(1000)   NOT NULL,
    path          VARCHAR(1000)   NOT NULL,
    manifest_json VARCHAR(100000) NOT NULL,
    created_by    VARCHAR(64)     NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_world_model PRIMARY KEY (id),
    CONSTRAINT fk_world_model_dataset FOREIGN KEY (dataset_id) REFERENCES dataset (id)
);
CREATE INDEX ix_world_model_created_at ON world_model (created_at);
