package dev.vigil.api.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One generated report of a run. Immutable once written. */
@Entity
@Immutable
@Table(name = "run_report")
public class RunReport {

    /** What the report is. */
    public enum Kind { EVALUATION, SAFETY }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "run_id", nullable = false, length = 36)
    private String runId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(name = "json_sha256", nullable = false, length = 64)
    private String jsonSha256;

    @Column(name = "html_sha256", nullable = false, length = 64)
    private String htmlSha256;

    @Column(name = "pdf_sha256", length = 64)
    private String pdfSha256;

    @Column(length = 10)
    private String verdict;

    @Column(nullable = false, length = 2000)
    private String summary;

    @Column(name = "rule_set_id", length = 100)
    private String ruleSetId;

    @Column(name = "rule_set_version", length = 40)
    private String ruleSetVersion;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RunReport() {
    }

    RunReport(String id, String runId, Kind kind, String jsonSha256, String htmlSha256, String pdfSha256,
            String verdict, String summary, String ruleSetId, String ruleSetVersion, String createdBy,
            Instant createdAt) {
        this.id = id;
        this.runId = runId;
        this.kind = kind;
        this.jsonSha256 = jsonSha256;
        this.htmlSha256 = htmlSha256;
        this.pdfSha256 = pdfSha256;
        this.verdict = verdict;
        this.summary = summary;
        this.ruleSetId = ruleSetId;
        this.ruleSetVersion = ruleSetVersion;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getRunId() {
        return runId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getJsonSha256() {
        return jsonSha256;
    }

    public String getHtmlSha256() {
        return htmlSha256;
    }

    public String getPdfSha256() {
        return pdfSha256;
    }

    public String getVerdict() {
        return verdict;
    }

    public String getSummary() {
        return summary;
    }

    public String getRuleSetId() {
        return ruleSetId;
    }

    public String getRuleSetVersion() {
        return ruleSetVersion;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
