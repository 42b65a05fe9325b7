package dev.vigil.offlinerl.report;

import dev.vigil.offlinerl.report.EvaluationReport.DoseExcessBin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mortality against dose excess (given minus recommended), the AI Clinician's U-curve: patients whose clinicians gave
 * about what the policy recommends should die least. Bins are symmetric about 0 so that one bin is centred on "as
 * recommended": with range {@code m} (the {@code clipPercentile}-th percentile of |excess|, type 7) and {@code n}
 * bins (odd), bin k covers {@code [-m + k w, -m + (k + 1) w)} with {@code w = 2 m / n}; excesses beyond the range go
 * to the end bins, so the end bins hold the tails. With {@code m = 0} (every excess 0) there is one bin [0, 0].
 */
public final class DoseExcess {

    private DoseExcess() {
    }

    /**
     * @param excess per step, given - recommended (finite)
     * @param died per step, whether the step's patient died (the outcome event)
     * @param bins number of bins, odd and at least 1
     * @param clipPercentile in (0, 100]; 100 takes the largest |excess| as the range
     */
    public static List<DoseExcessBin> bin(double[] excess, boolean[] died, int bins, double clipPercentile) {
        if (excess.length != died.length) {
            throw new IllegalArgumentException("Excess and outcomes differ in length: " + excess.length + " and "
                    + died.length);
        }
        if (bins < 1 || bins % 2 == 0) {
            throw new IllegalArgumentException("Dose-excess bins must be an odd number >= 1 (one bin centred on 0), "
                    + "got " + bins);
        }
        if (!(clipPercentile > 0 && clipPercentile <= 100)) {
            throw new IllegalArgumentException("The clip percentile must be in (0, 100], got " + clipPercentile);
        }
        if (excess.length == 0) {
            return List.of();
        }
        double[] magnitudes = new double[excess.length];
        for (int i = 0; i < excess.length; i++) {
            if (!Double.isFinite(excess[i])) {
                throw new IllegalArgumentException("Dose excess " + i + " is " + excess[i] + "; leave such steps out");
            }
            magnitudes[i] = Math.abs(excess[i]);
        }
        Arrays.sort(magnitudes);
        double m = quantile(magnitudes, clipPercentile / 100);
        if (m == 0) {
            long deaths = 0;
            for (boolean d : died) {
                deaths += d ? 1 : 0;
            }
            return List.of(new DoseExcessBin(0, 0, excess.length, deaths, (double) deaths / excess.length));
        }
        double width = 2 * m / bins;
        long[] steps = new long[bins];
        long[] deaths = new long[bins];
        for (int i = 0; i < excess.length; i++) {
            int k = (int) Math.floor((excess[i] + m) / width);
            k = Math.max(0, Math.min(bins - 1, k));
            steps[k]++;
            deaths[k] += died[i] ? 1 : 0;
        }
        List<DoseExcessBin> out = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            out.add(new DoseExcessBin(-m + k * width, -m + (k + 1) * width, steps[k], deaths[k],
                    steps[k] == 0 ? Double.NaN : (double) deaths[k] / steps[k]));
        }
        return out;
    }

    private static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
