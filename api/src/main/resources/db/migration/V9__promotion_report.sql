-- A promotion names the safety-constraint report (run_report, kind SAFETY) it relied on: the gate for serving a
-- policy is that report (docs/bedside.md). policy_promotion has no rows before this migration (V5 was never
-- released with promotions in it), so the column can be required at once.
ALTER TABLE policy_promotion ADD COLUMN safety_report_id VARCHAR(36) NOT NULL;
ALTER TABLE policy_promotion ADD CONSTRAINT fk_policy_promotion_report
    FOREIGN KEY (safety_report_id) REFERENCES run_report (id);
