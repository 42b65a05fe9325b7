package dev.vigil.api.serving;

import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.offlinerl.serving.BedsidePolicy;
import dev.vigil.safety.cost.RuleSetRef;
import java.time.Instant;

/**
 * A policy loaded for serving, with what every answer names: model, data and rule versions.
 *
 * @param useCase e.g. {@code sepsis-treatment}, or null for a policy loaded only to compute its safety report
 * @param promotionId the promotion that made it active, or null
 * @param cohort the shipped cohort specification of the policy's dataset (units, codes, max hold), or null
 */
public record ServedModel(String useCase, String runId, String algorithm, String configSha256, String codeVersion,
        String datasetId, String datasetName, RuleSetRef ruleSet, String promotionId, BedsidePolicy policy,
        CohortSpec cohort, Instant loadedAt) {

    /** E.g. {@code run 1b2c... ogsrl config 9f8e...}. */
    public String modelVersion() {
        return "run " + runId + " " + algorithm + " config " + configSha256;
    }

    /** The dataset's content hash. */
    public String dataVersion() {
        return policy.data().contentHash();
    }

    /** E.g. {@code sepsis-bedside@1.0.0 sha256:3f2a...}. */
    public String ruleVersion() {
        return ruleSet.id() + "@" + ruleSet.version() + " sha256:" + ruleSet.sha256();
    }

    /** A short label for people: use case, algorithm and the first 8 characters of the run id. */
    public String label() {
        return "Vigil " + (useCase == null ? "" : useCase + " ") + algorithm + " run " + runId.substring(0, 8);
    }

    ServedModel promoted(String useCase, String promotionId) {
        return new ServedModel(useCase, runId, algorithm, configSha256, codeVersion, datasetId, datasetName, ruleSet,
                promotionId, policy, cohort, loadedAt);
    }
}
