package dev.vigil.offlinerl.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.continuous.ModelBasedConfig;
import dev.vigil.offlinerl.algo.continuous.ModelBasedOptimizer.Setup;
import dev.vigil.offlinerl.experiment.ContinuousIcuExperiment.PolicyResult;
import dev.vigil.offlinerl.experiment.ContinuousIcuExperiment.SeedResult;
import dev.vigil.safety.guardian.GaussianKdeGuardian;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The continuous ICU comparison end to end on a tiny cohort and 2 iterations: structure, not the targets. */
class ContinuousIcuExperimentTest {

    private static SeedResult result;

    @BeforeAll
    static void run() throws Exception {
        System.setProperty("icu.shield", "true");
        try {
            result = ContinuousIcuExperiment.runSeed(40, 1, 20, 2);
        } finally {
            System.clearProperty("icu.shield");
        }
    }

    @Test
    void trainsOnTheSofaRewardWithOgsrlsTwoRules() {
        assertThat(ContinuousIcuExperiment.config(2, 1).reward()).isEqualTo("sofa");
        assertThat(ContinuousIcuExperiment.config(2, 1).costRuleSet()).isEqualTo("ogsrl-sepsis");
        assertThat(result.policies()).extracting(PolicyResult::name).containsExactly("clinician", "mb-trpo",
                "mb-trpo+shield", "gmb-trpo", "gmb-trpo+shield", "mb-cpo", "mb-cpo+shield", "gmb-cpo",
                "gmb-cpo+shield", "glagrangian", "glagrangian+shield");
        for (PolicyResult p : result.policies().subList(1, 11)) {
            assertThat(p.training()).as(p.name()).containsEntry("sofaRewards", 1.0).containsEntry("costsFromRuleSet",
                    1.0);
        }
    }

    @Test
    void everyPolicyHasTrueValuesOpeAndBothCosts() {
        for (PolicyResult p : result.policies()) {
            assertThat(p.value().meanReturn()).as(p.name()).isFinite().isBetween(-18 * 12.5 - 1, -18 * 2.5 + 1);
            assertThat(p.oodRate()).isBetween(0.0, 1.0);
            assertThat(p.withinBudgetShare()).isBetween(0.0, 1.0);
            // OGSRL's two rules are two of sepsis-bedside's six, with the same weights.
            assertThat(p.meanCost()).as(p.name()).isNotNegative().isLessThanOrEqualTo(p.meanCostBedside());
            assertThat(p.ope().wis().estimate()).isFinite();
            assertThat(p.ope().fqe().estimate()).isFinite();
        }
        // The clinicians' estimated policy reproduces the held-out cohort's logged return under WIS.
        assertThat(result.policy("clinician").ope().wis().estimate()).isCloseTo(result.loggedReturn(), within(1e-9));
        assertThat(ContinuousIcuExperiment.summary(List.of(result))).contains("gmb-cpo (vs mb-cpo) | 1 |");
    }

    @Test
    void everyLearnerIsAlsoJudgedByOgsrlsOwnEvaluationAndBehindTheShield() {
        for (PolicyResult p : result.policies().subList(1, 11)) {
            assertThat(p.training().get(ContinuousIcuExperiment.HELD_OUT_MODEL_OOD)).as(p.name()).isBetween(0.0, 1.0);
            assertThat(p.training().get("heldOutModelReturn")).as(p.name()).isFinite().isNegative();
        }
        for (String name : List.of("mb-trpo", "gmb-trpo", "mb-cpo", "gmb-cpo", "glagrangian")) {
            PolicyResult shielded = result.policy(name + "+shield");
            double moved = shielded.training().get("shieldMovedShare");
            double best = shielded.training().get("shieldBestAvailableShare");
            assertThat(moved + best).as(name).isBetween(0.0, 1.0);
            // Kept and moved decisions are in support, best-available ones are not: the shielded OOD rate is the
            // best-available share.
            assertThat(shielded.oodRate()).as(name).isCloseTo(best, within(1e-12));
            // Same network: the fit summary is the unshielded run's.
            assertThat(shielded.training().get("meanReturn")).isEqualTo(result.policy(name).training().get("meanReturn"));
        }
        String summary = ContinuousIcuExperiment.summary(List.of(result));
        assertThat(summary).contains("OGSRL's own evaluation").contains("gmb-cpo+shield (vs mb-cpo) | 1 |");
    }

    @Test
    void theOodRateIsMeasuredWithTheReleasedGuardianWhateverGuardianTrains() throws Exception {
        TrajectoryDataset data = IcuSepsisExperiment.ingest(40, 1);
        ModelBasedConfig released = ContinuousIcuExperiment.config(2, 1);
        ModelBasedConfig strict = released.withKdePercentile(20);
        Setup releasedSetup = Setup.of(data, released);
        Setup strictSetup = Setup.of(data, strict);

        GaussianKdeGuardian measuring = ContinuousIcuExperiment.measuringGuardian(strictSetup, strict);

        assertThat(measuring.threshold()).isEqualTo(releasedSetup.guardian.threshold());
        // The 20th percentile of the logged densities lies above their 5th: the training guardian is stricter.
        assertThat(strictSetup.guardian.threshold()).isGreaterThan(measuring.threshold());
        assertThat(ContinuousIcuExperiment.measuringGuardian(releasedSetup, released))
                .isSameAs(releasedSetup.guardian);
    }
}
