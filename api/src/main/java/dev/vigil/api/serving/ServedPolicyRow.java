package dev.vigil.api.serving;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The active version of a use case: one row per use case. */
@Entity
@Table(name = "served_policy")
public class ServedPolicyRow {

    @Id
    @Column(name = "use_case", length = 100)
    private String useCase;

    @Column(name = "run_id", nullable = false, length = 36)
    private String runId;

    @Column(name = "promotion_id", nullable = false, length = 36)
    private String promotionId;

    protected ServedPolicyRow() {
        // for Hibernate
    }

    ServedPolicyRow(String useCase, String runId, String promotionId) {
        this.useCase = useCase;
        this.runId = runId;
        this.promotionId = promotionId;
    }

    void replace(String runId, String promotionId) {
        this.runId = runId;
        this.promotionId = promotionId;
    }

    public String getUseCase() {
        return useCase;
    }

    public String getRunId() {
        return runId;
    }

    public String getPromotionId() {
        return promotionId;
    }
}
