package dev.vigil.safety.contraindication;

/**
 * What one rule says about a patient, when it says anything: violated, or unknown because a covariate it reads
 * is missing. Rules that hold give no finding.
 *
 * @param ruleId e.g. {@code tace.bilirubin-above-3}
 * @param status violated or unknown
 * @param reason the values compared and the rule's rationale, e.g. {@code bilirubin = 3.4 mg/dL > 3: A total
 *     bilirubin ...}, or {@code unknown: bilirubin is missing}
 */
public record ContraindicationFinding(String ruleId, Status status, String reason) {

    /** A finding's status. */
    public enum Status {
        /** The covariates meet the contraindication: do not perform TACE. */
        VIOLATED,
        /** A covariate the rule reads is missing, so it can neither be excluded nor confirmed. */
        UNKNOWN
    }
}
