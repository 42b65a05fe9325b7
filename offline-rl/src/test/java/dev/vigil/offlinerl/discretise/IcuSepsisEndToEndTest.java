package dev.vigil.offlinerl.discretise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.fhir.BulkNdjsonSource;
import dev.vigil.ingestion.pipeline.IngestionPipeline;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import dev.vigil.ingestion.units.UnitConverter;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.algo.tabular.OgsrlConfig;
import dev.vigil.safety.cost.RuleSets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ogsrl} on an ingested synthetic icu-sepsis cohort: continuous states and doses, no rewards or costs. */
class IcuSepsisEndToEndTest {

    private static TrajectoryDataset data;

    @BeforeAll
    static void ingest() throws Exception {
        Path dir = Files.createTempDirectory("vigil-discretise");
        new SepsisCohortGenerator(2).generate(SepsisCohortConfig.of(200, 5), dir);
        data = new IngestionPipeline(UnitConverter.load()).run(new BulkNdjsonSource(dir),
                CohortSpecs.shipped("icu-sepsis"), IngestionListener.NONE, "t");
    }

    private static DiscretisedOgsrlConfig config(long seed) {
        return DiscretisedOgsrlConfig.of(OgsrlConfig.defaults()).withClusters(20).withSeed(seed);
    }

    private static DiscretisedPolicy fit(long seed) {
        return (DiscretisedPolicy) new DiscretisedOgsrl().fit(data, config(seed), TrainingListener.NONE);
    }

    @Test
    void trainsOnContinuousDataWithRuleSetCostsAndOutcomeRewards() {
        assertThat(data.schema().stateType().isDiscrete()).isFalse();
        assertThat(data.schema().hasCosts()).isFalse();
        assertThat(data.schema().hasRewards()).isFalse();

        DiscretisedPolicy policy = fit(3);

        assertThat(policy.stateCount()).isEqualTo(20);
        assertThat(policy.actionCount()).isEqualTo(policy.bins().size());
        assertThat(policy.discretisation().binsPerAction()).allSatisfy(n -> assertThat(n).isBetween(1, 5));
        for (int s = 0; s < policy.stateCount(); s++) {
            double[] row = policy.actionProbabilities(s);
            for (double p : row) {
                assertThat(p).isBetween(0.0, 1.0);
            }
            assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-9));
        }
        assertThat(policy.discretisation().costSource()).isEqualTo(CostSource.RULE_SET);
        assertThat(policy.discretisation().costRuleSet()).isEqualTo(RuleSets.sepsisBedside().ref());
        assertThat(policy.report().summary()).containsEntry("costsFromRuleSet", 1.0).containsEntry("costsInData", 0.0)
                .containsEntry("rewardsInData", 0.0);
        assertThat(policy.provenance().ruleSetVersion()).startsWith("sepsis-bedside@");
        assertThat(policy.provenance().datasetSha256()).isEqualTo(data.contentHash());
    }

    @Test
    void sameSeedGivesTheSamePolicyAndItActsOnRawStates() {
        DiscretisedPolicy first = fit(8);
        DiscretisedPolicy second = fit(8);

        assertThat(second.probabilities()).isDeepEqualTo(first.probabilities());
        assertThat(second.clusters().centroids()).isDeepEqualTo(first.clusters().centroids());
        assertThat(second.provenance()).isEqualTo(first.provenance());

        double[] state = ((ContinuousStates) data.episodes().get(0).states()).values()[0];
        double[] doses = first.actionFor(state);
        assertThat(doses).hasSize(data.schema().actions().size());
        assertThat(doses).containsExactly(first.bins().doses(first.actionIdFor(state)));
    }

    @Test
    void thePolicyRoundTripsThroughJson() {
        DiscretisedPolicy policy = fit(3);

        DiscretisedPolicy read = DiscretisedPolicy.fromJson(policy.toJson());

        assertThat(read.probabilities()).isDeepEqualTo(policy.probabilities());
        assertThat(read.provenance()).isEqualTo(policy.provenance());
        assertThat(read.report()).isEqualTo(policy.report());
        double[] state = ((ContinuousStates) data.episodes().get(1).states()).values()[2];
        assertThat(read.actionFor(state)).containsExactly(policy.actionFor(state));
    }

    @Test
    void theRegistryEntryDispatchesContinuousData() {
        TrainedPolicy policy = DiscretisedOgsrl.registered().algorithm().fit(data,
                new OgsrlConfig(6, 5, OgsrlConfig.defaults().mode(), 1, 0.05, 0.5, 0.99, 20, true, 20, 1024, 10,
                        "unspecified", 1), TrainingListener.NONE);

        assertThat(policy).isInstanceOf(DiscretisedPolicy.class);
        // The registry's config files carry only OgsrlConfig's fields: k is chosen for the data, 100 steps a cluster.
        assertThat(policy.stateCount()).isEqualTo((int) (data.totalSteps() / 100));
        assertThat(policy.provenance().configJson()).contains("\"clusters\":" + data.totalSteps() / 100)
                .contains("\"seed\":1");
        assertThat(policy.report().fallbackStates().size()).isLessThan(policy.stateCount() / 2);
    }

    @Test
    void theDataInThePolicysOwnTabularSpaceCanBeEvaluatedOffline() {
        DiscretisedPolicy policy = fit(3);
        TrajectoryDataset tabular = policy.discretise(data);
        assertThat(tabular.schema().stateType().isDiscrete()).isTrue();
        assertThat(tabular.schema().actionType().size()).isEqualTo(policy.actionCount());
        assertThat(tabular.episodes()).hasSameSizeAs(data.episodes());
        // Every step of the data lands on the cluster the policy would assign to its raw state.
        var first = data.episodes().get(0);
        double[] raw = ((dev.vigil.ingestion.dataset.ContinuousStates) first.states()).values()[0];
        assertThat(((dev.vigil.ingestion.dataset.DiscreteStates) tabular.episodes().get(0).states()).id(0))
                .isEqualTo(policy.stateId(raw));
        var summary = new dev.vigil.offlinerl.ope.DiscretePolicyEvaluation(0.01, 1.0,
                new dev.vigil.offlinerl.ope.BootstrapConfig(50, 0.95, 1))
                .evaluate(tabular, new dev.vigil.offlinerl.tabular.TabularPolicy(policy.probabilities()));
        assertThat(summary.estimates()).hasSize(5).allSatisfy(row -> assertThat(row.estimator()).isNotBlank());
        assertThat(summary.episodes()).isEqualTo(data.episodes().size());
    }
}
