package dev.vigil.offlinerl.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.OodGuardian;
import org.junit.jupiter.api.Test;

class GuardianDoseReachTest {

    /** One state feature, one dose: accepts a dose within 0.5 of the state, and nothing when the state is above 5. */
    private static final OodGuardian BAND = new OodGuardian() {
        @Override
        public GuardVerdict judge(double[] point) {
            boolean in = point[0] <= 5 && Math.abs(point[1] - point[0]) <= 0.5;
            return GuardVerdict.of(in ? 1 : -1, 0);
        }

        @Override
        public int dimension() {
            return 2;
        }
    };

    @Test
    void countsTheGridDosesAcceptedAtEachState() {
        // Grid over [-1, 1] with 5 values: -1, -0.5, 0, 0.5, 1.
        // State 0: accepts -0.5, 0, 0.5 (3 of 5); logged dose 0 accepted.
        // State 1: accepts 0.5, 1 (2 of 5); logged dose -1 flagged.
        // State 9: accepts none; logged dose 9 flagged.
        GuardianDoseReach.Reach r = GuardianDoseReach.measure(BAND, new double[][] {{0}, {1}, {9}},
                new double[][] {{0}, {-1}, {9}}, new double[] {-1}, new double[] {1}, 5);
        assertThat(r.states()).isEqualTo(3);
        assertThat(r.gridPoints()).isEqualTo(5);
        assertThat(r.meanShare()).isCloseTo((3 / 5.0 + 2 / 5.0 + 0) / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.allAccepted()).isZero();
        assertThat(r.noneAccepted()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.loggedDoseFlagged()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aWholeGridAcceptedCountsAsAll() {
        GuardianDoseReach.Reach r = GuardianDoseReach.measure(BAND, new double[][] {{0}}, new double[][] {{0}},
                new double[] {-0.25}, new double[] {0.25}, 3);
        assertThat(r.meanShare()).isEqualTo(1.0);
        assertThat(r.allAccepted()).isEqualTo(1.0);
    }

    @Test
    void refusesATooSmallGridOrMismatchedRows() {
        assertThatThrownBy(() -> GuardianDoseReach.measure(BAND, new double[][] {{0}}, new double[][] {{0}},
                new double[] {-1}, new double[] {1}, 1)).hasMessageContaining("gridPerAxis is 1");
        assertThatThrownBy(() -> GuardianDoseReach.measure(BAND, new double[][] {{0}}, new double[0][],
                new double[] {-1}, new double[] {1}, 3)).hasMessageContaining("one logged dose per state");
    }
}
