package dev.vigil.safety.guardian;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Fits a guardian on some episodes and measures its coverage on the others. Splitting by episode, not
 * by step, matters: steps of one patient are correlated, and a step-level split would put a patient's
 * neighbouring steps on both sides and overstate coverage.
 */
public final class GuardianCalibrator {

    private final CalibrationConfig config;

    public GuardianCalibrator(CalibrationConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("CalibrationConfig is null; e.g. new CalibrationConfig(0.2, 42)");
        }
        this.config = config;
    }

    /** A fitted guardian and its measured coverage. */
    public record Calibrated(OodGuardian guardian, Calibration calibration) {
    }

    /**
     * Splits episodes with the configured seed, fits on the training part and measures on the rest.
     *
     * @param episodes {@code double[episodes][steps][d]}: scaled points, at least 2 episodes
     * @param fitter fits a guardian on {@code double[n][d]} training points
     * @param thresholdPercentile the percentile the fitter used, so that target coverage =
     *     {@code 1 - thresholdPercentile / 100}
     */
    public Calibrated calibrate(double[][][] episodes, Function<double[][], OodGuardian> fitter,
            double thresholdPercentile) {
        Percentile.requirePercent(thresholdPercentile, "thresholdPercentile");
        if (episodes == null || episodes.length < 2) {
            throw new IllegalArgumentException("Calibration needs at least 2 episodes to split, got "
                    + (episodes == null ? 0 : episodes.length));
        }
        int[] order = shuffledIndices(episodes.length);
        int heldOutCount = Math.max(1, Math.min(episodes.length - 1,
                (int) Math.round(config.heldOutFraction() * episodes.length)));
        List<double[]> heldOut = new ArrayList<>();
        List<double[]> training = new ArrayList<>();
        for (int rank = 0; rank < order.length; rank++) {
            List<double[]> target = rank < heldOutCount ? heldOut : training;
            for (double[] step : episodes[order[rank]]) {
                target.add(step);
            }
        }
        OodGuardian guardian = fitter.apply(training.toArray(double[][]::new));
        Calibration calibration = Calibration.measure(guardian, heldOut.toArray(double[][]::new),
                1 - thresholdPercentile / 100);
        return new Calibrated(guardian, calibration);
    }

    private int[] shuffledIndices(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
