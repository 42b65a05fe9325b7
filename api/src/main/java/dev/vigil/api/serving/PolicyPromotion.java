package dev.vigil.api.serving;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One promotion of a run's policy to a use case: who, when, why, which run it replaced, and the safety-constraint
 * report ({@code run_report}) it relied on. Never changed.
 */
@Entity
@Table(name = "policy_promotion")
public class PolicyPromotion {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "use_case", nullable = false, length = 100)
    private String useCase;

    @Column(name = "run_id", nullable = false, length = 36)
    private String runId;

    @Column(name = "previous_run_id", length = 36)
    private String previousRunId;

    @Column(name = "safety_report_id", nullable = false, length = 36)
    private String safetyReportId;

    @Column(name = "promoted_by", nullable = false, length = 64)
    private String promotedBy;

    @Column(name = "promoted_at", nullable = false)
    private Instant promotedAt;

    @Column(nullable = false, length = 2000)
    private String reason;

    protected PolicyPromotion() {
        // for Hibernate
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    PolicyPromotion(String id, String useCase, String runId, String previousRunId, String safetyReportId,
            String promotedBy, Instant promotedAt, String reason) {
        this.id = id;
        this.useCase = useCase;
        this.runId = runId;
        this.previousRunId = previousRunId;
        this.safetyReportId = safetyReportId;
        this.promotedBy = promotedBy;
        this.promotedAt = promotedAt;
        this.reason = reason;
    }

    public String getId() {
        return id;
    }

    public String getUseCase() {
        return useCase;
    }

    public String getRunId() {
        return runId;
    }

    public String getPreviousRunId() {
        return previousRunId;
    }

    public String getSafetyReportId() {
        return safetyReportId;
    }

    public String getPromotedBy() {
        return promotedBy;
    }

    public Instant getPromotedAt() {
        return promotedAt;
    }

    public String getReason() {
        return reason;
    }
}
