package dev.vigil.offlinerl.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.synth.sepsis.PolicyValue;
import dev.vigil.ingestion.synth.sepsis.SepsisFeature;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.discretise.DiscretisedOgsrl;
import dev.vigil.offlinerl.discretise.DiscretisedOgsrlConfig;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.offlinerl.experiment.IcuSepsisExperiment.PolicyResult;
import dev.vigil.offlinerl.experiment.IcuSepsisExperiment.SeedResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ICU sepsis true-value experiment end to end on a tiny cohort: structure, not the targets. */
class IcuSepsisExperimentTest {

    private static SeedResult result;

    @BeforeAll
    static void run() throws Exception {
        result = IcuSepsisExperiment.runSeed(60, 1, 60, 0);
    }

    @Test
    void everyPolicyHasFiniteTrueValuesAndRatesInRange() {
        assertThat(result.policies()).extracting(PolicyResult::name).containsExactly(IcuSepsisExperiment.CLINICIAN,
                IcuSepsisExperiment.BC, IcuSepsisExperiment.GUARDED, IcuSepsisExperiment.GUARDED_P20,
                IcuSepsisExperiment.UNGUARDED);
        for (PolicyResult p : result.policies()) {
            PolicyValue v = p.value();
            assertThat(v.episodes()).isEqualTo(60);
            assertThat(v.meanReturn()).isFinite();
            assertThat(v.returnCi95().lower()).isFinite().isLessThanOrEqualTo(v.meanReturn());
            assertThat(v.mortality()).isBetween(0.0, 1.0);
            assertThat(v.mortalityCi95().lower()).isBetween(0.0, v.mortality());
            assertThat(p.oodRate()).as(p.name()).isBetween(0.0, 1.0);
            assertThat(p.oodPairShare()).as(p.name()).isBetween(0.0, 1.0);
            assertThat(p.kdeOodRate()).as(p.name()).isBetween(0.0, 1.0);
            assertThat(p.meanCost()).as(p.name()).isFinite().isNotNegative();
            assertThat(p.meanCostOgsrlRules()).as(p.name()).isFinite().isNotNegative();
            assertThat(p.withinBudgetShare()).isBetween(0.0, 1.0);
            assertThat(p.decisions()).isEqualTo(v.decisions());
        }
        // The KDE flags about the 5 % least typical logged pairs; the clinicians, with their unsafe choices, reach some.
        assertThat(result.policy(IcuSepsisExperiment.CLINICIAN).kdeOodRate()).isPositive();
        assertThat(result.supportThreshold()).isGreaterThanOrEqualTo(6);
        assertThat(result.steps()).isGreaterThan(60 * 5);
    }

    @Test
    void theGuardedPolicyLeavesTheSupportNoMoreOftenThanTheUnguardedOne() {
        assertThat(result.policy(IcuSepsisExperiment.GUARDED).oodRate())
                .isLessThanOrEqualTo(result.policy(IcuSepsisExperiment.UNGUARDED).oodRate());
        assertThat(result.policy(IcuSepsisExperiment.GUARDED_P20).oodRate())
                .isLessThanOrEqualTo(result.policy(IcuSepsisExperiment.UNGUARDED).oodRate());
    }

    @Test
    void theDatasetFeaturesAreTheSimulatorsByName() throws Exception {
        TrajectoryDataset data = IcuSepsisExperiment.ingest(20, 3);
        IcuSepsisExperiment.Schema schema = IcuSepsisExperiment.Schema.of(data);
        assertThat(schema.simIndex()).hasSize(SepsisFeature.COUNT);
        double[] obs = new double[SepsisFeature.COUNT];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = i;
        }
        double[] mapped = schema.state(obs);
        List<String> names = data.schema().features().stream().map(v -> v.name()).toList();
        for (int f = 0; f < mapped.length; f++) {
            assertThat(SepsisFeature.values()[(int) mapped[f]].featureName()).isEqualTo(names.get(f));
        }
    }

    @Test
    void theSofaRewardIsComputedBeforeDiscretising() throws Exception {
        TrajectoryDataset data = IcuSepsisExperiment.ingest(30, 2);
        DiscretisedOgsrlConfig base = DiscretisedOgsrlConfig.forData(IcuSepsisExperiment.guarded(2), data.totalSteps())
                .withSeed(2);
        DiscretisedPolicy outcome = fit(data, base.withObjective("outcome", "ogsrl-sepsis"));
        DiscretisedPolicy sofa = fit(data, base.withObjective("sofa", "ogsrl-sepsis"));
        // Terminal +-1 only: the empirical model's return lies in [-1, 1]. SOFA: every bloc pays -2.5 to -12.5, so
        // an episode of the cohort's 5 or more blocs returns well below -10.
        assertThat(outcome.report().summary().get("empiricalReturn")).isBetween(-1.0, 1.0);
        assertThat(outcome.report().summary().get("sofaRewards")).isZero();
        assertThat(sofa.report().summary().get("empiricalReturn")).isLessThan(-10.0);
        assertThat(sofa.report().summary().get("sofaRewards")).isEqualTo(1.0);
        assertThat(sofa.discretisation().rewardDefinition()).contains("SOFA");
    }

    private static DiscretisedPolicy fit(TrajectoryDataset data, DiscretisedOgsrlConfig config) {
        return (DiscretisedPolicy) new DiscretisedOgsrl().fit(data, config, TrainingListener.NONE);
    }

    @Test
    void seedListsParse() {
        assertThat(IcuSepsisExperiment.parseSeeds("1..3")).containsExactly(1, 2, 3);
        assertThat(IcuSepsisExperiment.parseSeeds("4, 7")).containsExactly(4, 7);
    }
}
