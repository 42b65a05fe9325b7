package dev.vigil.offlinerl.safetyreport;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.dynamics.DynamicsData;
import dev.vigil.offlinerl.dynamics.ScaledEpisode;
import dev.vigil.safety.constraint.SupportJudge;
import dev.vigil.safety.guardian.Calibration;
import dev.vigil.safety.guardian.CalibrationConfig;
import dev.vigil.safety.guardian.GaussianKdeGuardian;
import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.GuardianCalibrator;
import dev.vigil.safety.guardian.KdeConfig;
import dev.vigil.safety.guardian.OodGuardian;

/**
 * OGSRL's guardian (Gaussian KDE over min-max scaled (state, action), sigma 0.535, 5th-percentile threshold)
 * fitted on a dataset with a fifth of its episodes held out to measure coverage, judging points in dataset
 * units.
 */
public final class DatasetGuardian implements SupportJudge {

    private final DynamicsData scaling;
    private final OodGuardian guardian;
    private final Calibration calibration;

    private DatasetGuardian(DynamicsData scaling, OodGuardian guardian, Calibration calibration) {
        this.scaling = scaling;
        this.guardian = guardian;
        this.calibration = calibration;
    }

    /**
     * @throws IllegalArgumentException for discrete data, fewer than 2 episodes, or a feature never measured
     */
    public static DatasetGuardian fit(TrajectoryDataset data, long seed) {
        DynamicsData scaling = DynamicsData.fit(data);
        double[][][] points = new double[scaling.episodes().size()][][];
        for (int e = 0; e < points.length; e++) {
            ScaledEpisode episode = scaling.episodes().get(e);
            points[e] = new double[episode.states().length][];
            for (int t = 0; t < episode.states().length; t++) {
                double[] s = episode.states()[t];
                double[] a = episode.actions()[t];
                double[] row = new double[s.length + a.length];
                System.arraycopy(s, 0, row, 0, s.length);
                System.arraycopy(a, 0, row, s.length, a.length);
                points[e][t] = row;
            }
        }
        KdeConfig config = KdeConfig.ogsrl();
        GuardianCalibrator.Calibrated calibrated = new GuardianCalibrator(new CalibrationConfig(0.2, seed))
                .calibrate(points, training -> GaussianKdeGuardian.fit(training, config), config.thresholdPercentile());
        return new DatasetGuardian(scaling, calibrated.guardian(), calibrated.calibration());
    }

    @Override
    public GuardVerdict judge(double[] state, double[] action) {
        return guardian.judge(scaling.scaledPoint(state, action));
    }

    /** Coverage measured on the held-out episodes. */
    public Calibration calibration() {
        return calibration;
    }
}
