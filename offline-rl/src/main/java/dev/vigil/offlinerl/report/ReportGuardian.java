package dev.vigil.offlinerl.report;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.dynamics.DynamicsData;
import dev.vigil.offlinerl.dynamics.ScaledEpisode;
import dev.vigil.safety.guardian.Calibration;
import dev.vigil.safety.guardian.CalibrationConfig;
import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.GuardianCalibrator;
import dev.vigil.safety.guardian.KnnConfig;
import dev.vigil.safety.guardian.KnnDistanceGuardian;
import dev.vigil.safety.guardian.MinMaxScaler;
import dev.vigil.safety.guardian.OodGuardian;
import java.util.Locale;

/**
 * An OOD guardian with what it needs to judge a raw (state, doses) pair: the training means that fill missing
 * features and the scaler of (state, action) rows, plus its name and calibrated coverage for the report.
 *
 * @param name e.g. {@code k-NN distance (k=10, p5)}
 * @param guardian judges scaled (state, action) points
 * @param scaler fitted on the training rows, dimension features + actions
 * @param fill per feature, the value that replaces NaN (missing) in raw units
 * @param calibration measured coverage on held-out episodes, or null when not measured
 */
public record ReportGuardian(String name, OodGuardian guardian, MinMaxScaler scaler, double[] fill,
        Calibration calibration) {

    public ReportGuardian {
        if (name == null || guardian == null || scaler == null || fill == null) {
            throw new IllegalArgumentException("A report guardian needs a name, the guardian, its scaler and fill "
                    + "values");
        }
        if (scaler.dimension() != guardian.dimension() || fill.length >= scaler.dimension()) {
            throw new IllegalArgumentException("Guardian " + name + ": scaler dimension " + scaler.dimension()
                    + ", guardian dimension " + guardian.dimension() + " and " + fill.length + " features disagree");
        }
        fill = fill.clone();
    }

    /**
     * A k-NN distance guardian fitted on a continuous dataset's imputed, scaled (state, action) rows, with its
     * coverage measured on held-out episodes ({@link GuardianCalibrator}, split by episode with {@code seed}).
     *
     * @param heldOutFraction share of episodes held out for calibration, e.g. 0.2
     */
    public static ReportGuardian fitKnn(TrajectoryDataset data, KnnConfig config, double heldOutFraction,
            long seed) {
        DynamicsData prepared = DynamicsData.fit(data);
        double[][][] episodes = new double[prepared.episodes().size()][][];
        for (int i = 0; i < episodes.length; i++) {
            ScaledEpisode e = prepared.episodes().get(i);
            episodes[i] = new double[e.steps()][];
            for (int t = 0; t < e.steps(); t++) {
                episodes[i][t] = concat(e.state(t), e.action(t));
            }
        }
        GuardianCalibrator.Calibrated calibrated = new GuardianCalibrator(new CalibrationConfig(heldOutFraction, seed))
                .calibrate(episodes, points -> KnnDistanceGuardian.fit(points, config), config.thresholdPercentile());
        String name = String.format(Locale.ROOT, "k-NN distance (k=%d, p%s)", config.k(),
                trim(config.thresholdPercentile()));
        return new ReportGuardian(name, calibrated.guardian(), prepared.scaler(), prepared.featureMeans(),
                calibrated.calibration());
    }

    /** Judges raw state features (NaN filled) and doses. */
    public GuardVerdict judge(double[] state, double[] doses) {
        if (state == null || state.length != fill.length || doses == null
                || state.length + doses.length != scaler.dimension()) {
            throw new IllegalArgumentException("Guardian " + name + " judges " + fill.length + " features and "
                    + (scaler.dimension() - fill.length) + " doses");
        }
        double[] row = new double[scaler.dimension()];
        for (int f = 0; f < state.length; f++) {
            row[f] = Double.isNaN(state[f]) ? fill[f] : state[f];
        }
        for (int a = 0; a < doses.length; a++) {
            // A dose never recorded counts as none, as the dose bins treat it.
            row[state.length + a] = Double.isNaN(doses[a]) ? 0 : doses[a];
        }
        return guardian.judge(scaler.transform(row));
    }

    /** The threshold the guardian compares scores with. */
    public double threshold() {
        return guardian.judge(scaler.transform(new double[scaler.dimension()])).threshold();
    }

    @Override
    public double[] fill() {
        return fill.clone();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
