-- Bedside serving (issue 6): promotions and the served version per use case, CDS Hooks
-- feedback, and the hash-chained audit trail (docs/bedside.md). Portable SQL for H2 2.x and PostgreSQL 15.

-- Every promotion, never changed: who promoted which run to which use case, when, why, replacing what
-- (the safety-constraint report it relied on is added by V9, after run_report exists).
CREATE TABLE policy_promotion (
    id               VARCHAR(36)   NOT NULL,
    use_case         VARCHAR(100)  NOT NULL,
    run_id           VARCHAR(36)   NOT NULL,
    previous_run_id  VARCHAR(36),
    promoted_by      VARCHAR(64)   NOT NULL,
    promoted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_policy_promotion PRIMARY KEY (id),
    CONSTRAINT fk_policy_promotion_run FOREIGN KEY (run_id) REFERENCES training_run (id)
);
CREATE INDEX ix_policy_promotion_use_case ON policy_promotion (use_case, promoted_at);

-- The active version per use case: the primary key makes "one active version per use case" a constraint.
CREATE TABLE served_policy (
    use_case     VARCHAR(100) NOT NULL,
    run_id       VARCHAR(36)  NOT NULL,
    promotion_id VARCHAR(36)  NOT NULL,
    CONSTRAINT pk_served_policy PRIMARY KEY (use_case),
    CONSTRAINT fk_served_policy_run FOREIGN KEY (run_id) REFERENCES training_run (id),
    CONSTRAINT fk_served_policy_promotion FOREIGN KEY (promotion_id) REFERENCES policy_promotion (id)
);

-- CDS Hooks feedback: accepted or overridden cards, with the override reason.
CREATE TABLE cds_feedback (
    id                     VARCHAR(36)   NOT NULL,
    service_id             VARCHAR(100)  NOT NULL,
    card_uuid              VARCHAR(100)  NOT NULL,
    outcome                VARCHAR(20)   NOT NULL,
    outcome_timestamp      TIMESTAMP WITH TIME ZONE NOT NULL,
    override_reason_code   VARCHAR(200),
    override_reason_system VARCHAR(500),
    override_reason_text   VARCHAR(1000),
    user_comment           VARCHAR(2000),
    accepted_suggestions   VARCHAR(4000),
    caller                 VARCHAR(300)  NOT NULL,
    recorded_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cds_feedback PRIMARY KEY (id)
);
CREATE INDEX ix_cds_feedback_card ON cds_feedback (card_uuid);

-- The audit trail: append-only, each entry chained to the previous one by hash (docs/bedside.md gives the
-- canonical serialisation). Appends lock the single row of audit_head, so concurrent appends never fork.
CREATE TABLE audit_entry (
    seq            BIGINT          NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    kind           VARCHAR(40)     NOT NULL,
    caller         VARCHAR(300)    NOT NULL,
    patient_id     VARCHAR(256),
    request_sha256 VARCHAR(64)     NOT NULL,
    response_json  VARCHAR(1000000) NOT NULL,
    model_version  VARCHAR(300)    NOT NULL,
    data_version   VARCHAR(100)    NOT NULL,
    rule_version   VARCHAR(300)    NOT NULL,
    previous_hash  VARCHAR(64)     NOT NULL,
    entry_hash     VARCHAR(64)     NOT NULL,
    CONSTRAINT pk_audit_entry PRIMARY KEY (seq)
);
CREATE INDEX ix_audit_entry_patient ON audit_entry (patient_id);

CREATE TABLE audit_head (
    id        INTEGER     NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
);
INSERT INTO audit_head (id, last_seq, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
