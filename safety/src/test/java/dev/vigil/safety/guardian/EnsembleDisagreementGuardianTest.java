package dev.vigil.safety.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EnsembleDisagreementGuardianTest {

    /** Three members that agree at the origin and drift apart linearly with |x|, as extrapolating nets do. */
    private static final EnsemblePredictor FAKE = p -> new double[][] {
        {p[0]}, {p[0] + Math.abs(p[0])}, {p[0] - Math.abs(p[0])}};

    @Test
    void disagreementMeasuresMatchHandValues() {
        double[][] members = {{0, 0}, {3, 4}};

        // One pair at distance 5; per-feature std of {0, 3} is 1.5 and of {0, 4} is 2.
        assertThat(EnsembleDisagreementGuardian.disagreement(members,
                EnsembleConfig.Disagreement.MEAN_PAIRWISE_DISTANCE)).isCloseTo(5, within(1e-12));
        assertThat(EnsembleDisagreementGuardian.disagreement(members, EnsembleConfig.Disagreement.MAX_STD))
                .isCloseTo(2, within(1e-12));
    }

    @Test
    void pointWhereMembersDivergeIsOutOfSupport() {
        double[][] calibration = new double[101][];
        for (int i = 0; i <= 100; i++) {
            calibration[i] = new double[] {-0.5 + i / 100.0};
        }
        EnsembleDisagreementGuardian guardian =
                EnsembleDisagreementGuardian.fit(FAKE, calibration, EnsembleConfig.defaults());

        assertThat(guardian.judge(new double[] {0.1}).inSupport()).isTrue();
        assertThat(guardian.judge(new double[] {3}).inSupport()).isFalse();
    }

    @Test
    void rejectsSingleMemberEnsemble() {
        EnsemblePredictor lonely = p -> new double[][] {p};

        assertThatThrownBy(() -> EnsembleDisagreementGuardian.fit(lonely, new double[][] {{0}},
                EnsembleConfig.defaults())).hasMessageContaining("at least 2 member");
    }
}
