package dev.vigil.safety.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GuardianCalibratorTest {

    private static final double[][][] EPISODES = new ClinicalLikePoints(7, 0).sampleEpisodes(600, 10, 71);
    private static final double[][] SHIFTED = new ClinicalLikePoints(7, 0.6).sample(1000, 72);

    @Test
    void kdeCoverageIsNearTargetInDistributionAndLowOnShiftedData() {
        GuardianCalibrator.Calibrated result = new GuardianCalibrator(new CalibrationConfig(0.2, 42))
                .calibrate(EPISODES, t -> GaussianKdeGuardian.fit(t, KdeConfig.ogsrlExact()), 5);

        assertThat(result.calibration().targetCoverage()).isCloseTo(0.95, within(1e-12));
        assertThat(result.calibration().heldOut()).isEqualTo(1200);
        assertThat(result.calibration().measuredCoverage()).isCloseTo(0.95, within(0.04));
        assertThat(Calibration.measure(result.guardian(), SHIFTED, 0.95).measuredCoverage()).isLessThan(0.5);
    }

    @Test
    void knnCoverageIsNearTargetInDistributionAndLowOnShiftedData() {
        GuardianCalibrator.Calibrated result = new GuardianCalibrator(new CalibrationConfig(0.2, 42))
                .calibrate(EPISODES, t -> KnnDistanceGuardian.fit(t, KnnConfig.exact()), 5);

        assertThat(result.calibration().measuredCoverage()).isCloseTo(0.95, within(0.04));
        assertThat(Calibration.measure(result.guardian(), SHIFTED, 0.95).measuredCoverage()).isLessThan(0.5);
    }

    @Test
    void sameSeedGivesSameCalibration() {
        GuardianCalibrator calibrator = new GuardianCalibrator(new CalibrationConfig(0.2, 7));

        Calibration first = calibrator.calibrate(EPISODES, t -> KnnDistanceGuardian.fit(t, KnnConfig.exact()), 5)
                .calibration();
        Calibration second = calibrator.calibrate(EPISODES, t -> KnnDistanceGuardian.fit(t, KnnConfig.exact()), 5)
                .calibration();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void rejectsInvalidSplitAndCoverage() {
        assertThatThrownBy(() -> new CalibrationConfig(1.0, 1)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new Calibration(95, 0.9, 10, 0)).hasMessageContaining("not 95");
    }

    @Test
    void verdictRejectsContradictoryFields() {
        assertThatThrownBy(() -> new GuardVerdict(true, 0.1, 0.5)).hasMessageContaining("GuardVerdict.of");
    }
}
