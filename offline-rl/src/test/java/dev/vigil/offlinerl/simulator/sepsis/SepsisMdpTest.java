package dev.vigil.offlinerl.simulator.sepsis;

import static dev.vigil.offlinerl.simulator.sepsis.SepsisState.HIGH;
import static dev.vigil.offlinerl.simulator.sepsis.SepsisState.LOW;
import static dev.vigil.offlinerl.simulator.sepsis.SepsisState.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.offlinerl.tabular.TabularMdp;
import dev.vigil.offlinerl.tabular.TransitionRow;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transition probabilities computed by hand from methods.md section 4, and the sampler against the exact MDP. */
class SepsisMdpTest {

    private static final int GLUCOSE_NORMAL = 2;
    private static final SepsisAction NOTHING = SepsisAction.fromIndex(0);
    private static final SepsisAction ANTIBIOTIC = SepsisAction.fromIndex(4);
    private static final SepsisAction VASOPRESSOR = SepsisAction.fromIndex(1);

    private static TabularMdp mdp;

    @BeforeAll
    static void build() {
        mdp = SepsisMdp.build(SepsisMdp.reportingObjective());
    }

    private static SepsisState state(int hr, int sysbp, int oxygen, int glucose, boolean antibiotic,
            boolean vasopressor, boolean diabetic) {
        return new SepsisState(hr, sysbp, oxygen, glucose, antibiotic, vasopressor, false, diabetic);
    }

    private static double p(SepsisState from, SepsisAction action, int to) {
        return mdp.probability(from.fullIndex(), action.index(), to);
    }

    @Test
    void indexesRoundTripAndFollowTheReferenceOrder() {
        for (int s = 0; s < SepsisState.FULL_COUNT; s++) {
            assertThat(SepsisState.fromFullIndex(s).fullIndex()).isEqualTo(s);
        }
        // Ventilation is the least significant digit, heart rate the most significant of the observed index.
        assertThat(new SepsisState(0, 0, 0, 0, false, false, true, false).observedIndex()).isEqualTo(1);
        assertThat(new SepsisState(1, 0, 0, 0, false, false, false, false).observedIndex()).isEqualTo(240);
        assertThat(new SepsisState(0, 0, 0, 0, false, false, false, true).fullIndex()).isEqualTo(720);
        assertThat(new SepsisAction(true, true, false).index()).isEqualTo(6);
    }

    @Test
    void antibioticsBringHighHeartRateToNormalWithHalfProbabilityAndStopItsFluctuation() {
        SepsisState from = state(HIGH, NORMAL, NORMAL, GLUCOSE_NORMAL, false, false, false);
        SepsisState normalised = state(NORMAL, NORMAL, NORMAL, GLUCOSE_NORMAL, true, false, false);
        SepsisState stillHigh = state(HIGH, NORMAL, NORMAL, GLUCOSE_NORMAL, true, false, false);

        // hr high -> normal 0.5 (no fluctuation), sysbp does not move, SpO2 stays normal 0.9 (down 0.1, up clamps),
        // glucose stays normal 0.8.
        assertThat(p(from, ANTIBIOTIC, normalised.fullIndex())).isCloseTo(0.5 * 0.9 * 0.8, within(1e-12));
        assertThat(p(from, ANTIBIOTIC, stillHigh.fullIndex())).isCloseTo(0.5 * 0.9 * 0.8, within(1e-12));
        // Death needs 3 abnormal: hr still high (0.5), SpO2 low (0.1), glucose abnormal (0.2).
        assertThat(p(from, ANTIBIOTIC, SepsisMdp.DEATH)).isCloseTo(0.5 * 0.1 * 0.2, within(1e-12));
    }

    @Test
    void withdrawingAntibioticsFromANormalPatientDischargesWithoutFluctuationOfHeartRateOrBp() {
        SepsisState from = state(NORMAL, NORMAL, NORMAL, GLUCOSE_NORMAL, true, false, false);

        // hr and sysbp stay normal 0.9 each (withdrawal), SpO2 stays 0.9, glucose stays 0.8.
        assertThat(p(from, NOTHING, SepsisMdp.DISCHARGE)).isCloseTo(0.9 * 0.9 * 0.9 * 0.8, within(1e-12));
        TransitionRow row = mdp.row(from.fullIndex(), NOTHING.index());
        for (int i = 0; i < row.size(); i++) {
            double expected = row.nextState(i) == SepsisMdp.DISCHARGE ? 1 : row.nextState(i) == SepsisMdp.DEATH ? -1 : 0;
            assertThat(row.reward(i)).isEqualTo(expected);
        }
    }

    @Test
    void vasopressorsForADiabeticRaiseLowBpAndGlucoseWithoutFluctuatingThem() {
        SepsisState from = state(NORMAL, LOW, NORMAL, GLUCOSE_NORMAL, false, false, true);
        SepsisState bpNormal = state(NORMAL, NORMAL, NORMAL, GLUCOSE_NORMAL, false, true, true);
        SepsisState bpNormalGlucoseUp = state(NORMAL, NORMAL, NORMAL, GLUCOSE_NORMAL + 1, false, true, true);

        // hr stays normal 0.8 (fluctuates), sysbp low -> normal 0.5, SpO2 stays 0.9, glucose +1 with 0.5.
        assertThat(p(from, VASOPRESSOR, bpNormal.fullIndex())).isCloseTo(0.8 * 0.5 * 0.9 * 0.5, within(1e-12));
        assertThat(p(from, VASOPRESSOR, bpNormalGlucoseUp.fullIndex())).isCloseTo(0.8 * 0.5 * 0.9 * 0.5,
                within(1e-12));
    }

    @Test
    void aNonDiabeticsGlucoseMayRiseToTheTopLevel() {
        SepsisState from = state(NORMAL, NORMAL, NORMAL, 3, false, false, false);
        SepsisState veryHigh = state(NORMAL, NORMAL, NORMAL, 4, true, false, false);
        SepsisState low = state(NORMAL, NORMAL, NORMAL, 1, true, false, false);

        // Antibiotics on: hr and sysbp (normal) do not move; SpO2 stays 0.9; glucose up 0.1 (the corrected rule).
        assertThat(p(from, ANTIBIOTIC, veryHigh.fullIndex())).isCloseTo(0.9 * 0.1, within(1e-12));
        // The reference code's min(1, glucose + 1) would have sent high glucose to "low"; it cannot happen here.
        assertThat(p(from, ANTIBIOTIC, low.fullIndex())).isZero();
    }

    @Test
    void everyRowSumsToOne() {
        for (int s = 0; s < SepsisMdp.STATE_COUNT; s++) {
            for (int a = 0; a < SepsisAction.COUNT; a++) {
                double sum = 0;
                for (double q : mdp.row(s, a).probabilities()) {
                    sum += q;
                }
                assertThat(sum).as("state %d action %d", s, a).isCloseTo(1, within(1e-12));
            }
        }
    }

    @Test
    void initialDistributionIsTheConditionedDrawComputedByHand() {
        // Abnormal probabilities of a fresh patient: hr 0.5, sysbp 0.5, SpO2 0.2, glucose 0.4 (non-diabetic) or
        // 0.85 (diabetic). P(1 or 2 abnormal): non-diabetic 1 - 0.12 - 0.17 = 0.71; diabetic 1 - 0.03 - 0.305 =
        // 0.665. Kept mass Z = 0.8 * 0.71 + 0.2 * 0.665 = 0.701.
        double z = 0.701;
        double diabetic = 0;
        for (int s = 0; s < SepsisMdp.STATE_COUNT; s++) {
            if (s >= SepsisState.OBSERVED_COUNT && s < SepsisState.FULL_COUNT) {
                diabetic += mdp.initialProbability(s);
            }
        }
        assertThat(diabetic).isCloseTo(0.2 * 0.665 / z, within(1e-12));
        SepsisState onlyLowOxygen = state(NORMAL, NORMAL, LOW, GLUCOSE_NORMAL, false, false, false);
        assertThat(mdp.initialProbability(onlyLowOxygen.fullIndex())).isCloseTo(0.8 * 0.5 * 0.5 * 0.2 * 0.6 / z,
                within(1e-12));
        SepsisState treated = state(NORMAL, NORMAL, LOW, GLUCOSE_NORMAL, true, false, false);
        assertThat(mdp.initialProbability(treated.fullIndex())).isZero();
    }

    @Test
    void samplerFrequenciesMatchTheExactRowWithinBinomialTolerance() {
        SepsisSimulator simulator = new SepsisSimulator();
        SepsisState from = state(NORMAL, LOW, NORMAL, GLUCOSE_NORMAL, true, false, true);
        SepsisAction action = new SepsisAction(false, true, true);
        int n = 40_000;
        int[] counts = new int[SepsisMdp.STATE_COUNT];
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            counts[SepsisMdp.stateId(simulator.step(from, action, rng).next())]++;
        }
        TransitionRow row = mdp.row(from.fullIndex(), action.index());
        int listed = 0;
        for (int i = 0; i < row.size(); i++) {
            double q = row.probability(i);
            double sd = Math.sqrt(q * (1 - q) / n);
            assertThat((double) counts[row.nextState(i)] / n).as("next state %d", row.nextState(i))
                    .isCloseTo(q, within(4.5 * sd + 1e-4));
            listed += counts[row.nextState(i)];
        }
        assertThat(listed).as("the sampler reaches no state the exact row leaves out").isEqualTo(n);
    }

    @Test
    void samplerInitialStatesFollowTheExactDistribution() {
        SepsisSimulator simulator = new SepsisSimulator();
        SplittableRandom rng = new SplittableRandom(5);
        int n = 40_000;
        int diabetic = 0;
        for (int i = 0; i < n; i++) {
            SepsisState s = simulator.reset(rng);
            assertThat(s.isTerminal()).isFalse();
            diabetic += s.diabetic() ? 1 : 0;
        }
        double q = 0.2 * 0.665 / 0.701;
        assertThat((double) diabetic / n).isCloseTo(q, within(4.5 * Math.sqrt(q * (1 - q) / n)));
    }
}
