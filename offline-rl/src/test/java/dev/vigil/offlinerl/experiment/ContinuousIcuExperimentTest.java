package dev.vigil.offlinerl.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.offlinerl.experiment.ContinuousIcuExperiment.PolicyResult;
import dev.vigil.offlinerl.experiment.ContinuousIcuExperiment.SeedResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The continuous ICU comparison end to end on a tiny cohort and 2 iterations: structure, not the targets. */
class ContinuousIcuExperimentTest {

    private static SeedResult result;

    @BeforeAll
    static void run() throws Exception {
        result = ContinuousIcuExperiment.runSeed(40, 1, 20, 2);
    }

    @Test
    void trainsOnTheSofaRewardWithOgsrlsTwoRules() {
        assertThat(ContinuousIcuExperiment.config(2, 1).reward()).isEqualTo("sofa");
        assertThat(ContinuousIcuExperiment.config(2, 1).costRuleSet()).isEqualTo("ogsrl-sepsis");
        assertThat(result.policies()).extracting(PolicyResult::name).containsExactly("clinician", "mb-trpo",
                "gmb-trpo", "mb-cpo", "gmb-cpo", "glagrangian");
        for (PolicyResult p : result.policies().subList(1, 6)) {
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
}
