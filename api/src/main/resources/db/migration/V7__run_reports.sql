-- Reports generated for a run: the evaluation report (OPE, figures) and safety-constraint reports. The files
-- live in the artifact store; a row says which run, which kind, what it concluded and which rule version
-- it used. Rows are never updated: a new report is a new row.
CREATE TABLE run_report (
    id               VARCHAR(36)   NOT NULL,
    run_id           VARCHAR(36)   NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    json_sha256      VARCHAR(64)   NOT NULL,
    html_sha256      VARCHAR(64)   NOT NULL,
    pdf_sha256       VARCHAR(64),
    verdict          VARCHAR(10),
    summary          VARCHAR(2000) NOT NULL,
    rule_set_id      VARCHAR(100),
    rule_set_version VARCHAR(40),
    created_by       VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_run_report PRIMARY KEY (id),
    CONSTRAINT fk_run_report_run FOREIGN KEY (run_id) REFERENCES training_run (id),
    CONSTRAINT fk_run_report_json FOREIGN KEY (json_sha256) REFERENCES artifact (sha256),
    CONSTRAINT fk_run_report_html FOREIGN KEY (html_sha256) REFERENCES artifact (sha256),
    CONSTRAINT fk_run_report_pdf FOREIGN KEY (pdf_sha256) REFERENCES artifact (sha256)
);
CREATE INDEX ix_run_report_run ON run_report (run_id, created_at);
