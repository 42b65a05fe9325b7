package dev.vigil.ingestion.synth.sepsis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrueValueEvaluatorTest {

    private static final int EPISODES = 800;
    private final TrueValueEvaluator evaluator = new TrueValueEvaluator();

    @Test
    void treatmentMattersNoTreatmentHasHigherMortalityThanTheClinician() {
        PolicyValue clinician = evaluator.estimatePolicyValue(SepsisPolicies.clinician(0.10), EPISODES, 18, 3);
        PolicyValue none = evaluator.estimatePolicyValue(SepsisPolicies.noTreatment(), EPISODES, 18, 3);

        assertThat(none.mortalityCi95().lower()).isGreaterThan(clinician.mortalityCi95().upper());
        assertThat(none.meanReturn()).isLessThan(clinician.meanReturn());
    }

    @Test
    void aSensiblePolicyBeatsRandomDosing() {
        PolicyValue sensible = evaluator.estimatePolicyValue(SepsisPolicies.clinician(0), EPISODES, 18, 4);
        PolicyValue random = evaluator.estimatePolicyValue(SepsisPolicies.uniformRandom(2000, 1.0), EPISODES, 18, 4);

        assertThat(sensible.returnCi95().lower()).isGreaterThan(random.returnCi95().upper());
        assertThat(sensible.mortalityCi95().upper()).isLessThan(random.mortalityCi95().lower());
    }

    @Test
    void unsafeChoicesCostLives() {
        PolicyValue safe = evaluator.estimatePolicyValue(SepsisPolicies.clinician(0), EPISODES, 18, 5);
        PolicyValue unsafe = evaluator.estimatePolicyValue(SepsisPolicies.clinician(0.3), EPISODES, 18, 5);

        assertThat(unsafe.mortality()).isGreaterThan(safe.mortality());
        assertThat(unsafe.meanReturn()).isLessThan(safe.meanReturn());
    }

    @Test
    void theSameSeedGivesTheSameValue() {
        SepsisPolicy policy = SepsisPolicies.uniformRandom(1000, 0.3);

        PolicyValue first = evaluator.estimatePolicyValue(policy, 50, 18, 99);
        PolicyValue second = evaluator.estimatePolicyValue(policy, 50, 18, 99);
        PolicyValue other = evaluator.estimatePolicyValue(policy, 50, 18, 100);

        assertThat(second).isEqualTo(first);
        assertThat(other.meanReturn()).isNotEqualTo(first.meanReturn());
    }

    @Test
    void aShorterHorizonTreatsFewerBlocs() {
        PolicyValue value = evaluator.estimatePolicyValue(SepsisPolicies.noTreatment(), 20, 6, 1);

        assertThat(value.decisions()).isLessThanOrEqualTo(20L * 6);
        assertThat(value.horizon()).isEqualTo(6);
    }

    @Test
    void onlyTheClinicianLabelsUnsafeDecisions() {
        assertThat(evaluator.estimatePolicyValue(SepsisPolicies.uniformRandom(3000, 1), 20, 18, 1).unsafeDecisions())
                .isZero();
        assertThat(evaluator.estimatePolicyValue(SepsisPolicies.clinician(0.5), 20, 18, 1).unsafeDecisions())
                .isPositive();
    }

    @Test
    void wilsonIntervalMatchesHandComputedValues() {
        Interval none = TrueValueEvaluator.wilson(0, 10);
        Interval half = TrueValueEvaluator.wilson(5, 10);

        assertThat(none.lower()).isEqualTo(0.0);
        assertThat(none.upper()).isCloseTo(0.27753, within(1e-5));
        assertThat(half.lower()).isCloseTo(0.23659, within(1e-5));
        assertThat(half.upper()).isCloseTo(0.76341, within(1e-5));
    }

    @Test
    void rejectsArgumentsThatCannotGiveAnEstimate() {
        SepsisPolicy none = SepsisPolicies.noTreatment();
        assertThatThrownBy(() -> evaluator.estimatePolicyValue(none, 10, 19, 1)).hasMessageContaining("use 1..18");
        assertThatThrownBy(() -> evaluator.estimatePolicyValue(none, 10, 0, 1)).hasMessageContaining("use 1..18");
        assertThatThrownBy(() -> evaluator.estimatePolicyValue(none, 1, 18, 1)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> evaluator.estimatePolicyValue(none, 10, 18, 1, 0)).hasMessageContaining("(0, 1]");
    }
}
