package dev.vigil.api.serving;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A basic safety report of a run's policy, as stored; the summary is the report as JSON. */
@Entity
@Table(name = "safety_report")
public class SafetyReportRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "run_id", nullable = false, length = 36)
    private String runId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(nullable = false, length = 20)
    private String verdict;

    @Column(name = "rule_set_version", nullable = false, length = 200)
    private String ruleSetVersion;

    @Column(name = "summary_json", nullable = false, length = 1000000)
    private String summaryJson;

    protected SafetyReportRecord() {
        // for Hibernate
    }

    SafetyReportRecord(String id, String runId, Instant createdAt, String createdBy, String verdict,
            String ruleSetVersion, String summaryJson) {
        this.id = id;
        this.runId = runId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.verdict = verdict;
        this.ruleSetVersion = ruleSetVersion;
        this.summaryJson = summaryJson;
    }

    public String getId() {
        return id;
    }

    public String getRunId() {
        return runId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getVerdict() {
        return verdict;
    }

    public String getRuleSetVersion() {
        return ruleSetVersion;
    }

    public String getSummaryJson() {
        return summaryJson;
    }
}
