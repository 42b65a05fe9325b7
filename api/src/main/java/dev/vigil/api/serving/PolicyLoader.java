package dev.vigil.api.serving;

import dev.vigil.api.dataset.DatasetRecord;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.api.run.RunService;
import dev.vigil.api.run.TrainingRun;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.offlinerl.serving.BedsideConfig;
import dev.vigil.offlinerl.serving.BedsidePolicy;
import dev.vigil.safety.cost.RuleSet;
import dev.vigil.safety.cost.RuleSets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Loads a run's policy with its dataset, rule set and cohort specification into a {@link ServedModel}. */
@ApplicationScoped
public class PolicyLoader {

    @Inject
    RunService runs;

    @Inject
    DatasetService datasets;

    Clock clock = Clock.systemUTC();

    /**
     * @throws IllegalArgumentException when the run has no policy, or its policy cannot act on patients' states
     */
    public ServedModel load(String runIdOrPrefix) {
        RunService.RunPolicy stored = runs.policyOf(runIdOrPrefix, "serve");
        TrainingRun run = stored.run();
        if (!stored.discretised()) {
            throw new IllegalArgumentException("Run " + run.getId() + " learned a policy over discrete state ids, "
                    + "which cannot read a patient's vital signs: serve a policy trained on continuous ICU data "
                    + "(e.g. ogsrl on an icu-sepsis dataset)");
        }
        DiscretisedPolicy policy = DiscretisedPolicy.fromJson(new String(stored.stored(), StandardCharsets.UTF_8));
        DatasetRecord record = datasets.find(run.getDatasetId()).orElseThrow(() -> new IllegalArgumentException(
                "Run " + run.getId() + " was trained on dataset " + run.getDatasetId() + ", which is not recorded"));
        RuleSet ruleSet = RuleSets.shipped(ruleSetId(policy.provenance().ruleSetVersion()));
        BedsidePolicy bedside = BedsidePolicy.load(policy, datasets.load(record), ruleSet, BedsideConfig.defaults());
        String cohortId = bedside.schema().cohortSpecId();
        CohortSpec cohort = CohortSpecs.shippedIds().contains(cohortId) ? CohortSpecs.shipped(cohortId) : null;
        return new ServedModel(null, run.getId(), run.getAlgorithm(), run.getConfigSha256(), run.getCodeVersion(),
                record.getId(), record.getName(), ruleSet.ref(), null, bedside, cohort, clock.instant());
    }

    /** {@code sepsis-bedside@1.0.0} -> {@code sepsis-bedside}; a policy trained without costs: sepsis-bedside. */
    static String ruleSetId(String version) {
        if (version == null || version.isBlank() || "none".equals(version)) {
            return "sepsis-bedside";
        }
        int at = version.indexOf('@');
        return at < 0 ? version : version.substring(0, at);
    }
}
