package dev.vigil.worldmodel.survival;

import java.util.Arrays;
import java.util.List;

/**
 * Right-censored survival data: one row per subject with a follow-up time, whether the event was observed
 * at that time (1) or the subject was censored (0), and covariates.
 *
 * @param times follow-up times, shape (n), non-negative and finite
 * @param events 1 = event observed at {@code times[i]}, 0 = censored; shape (n)
 * @param covariates shape (n, p), row-major; may have p = 0
 * @param covariateNames the p column names, in the order of the columns of {@code covariates}
 * @param source where the data came from (a file name), for messages
 */
public record SurvivalData(
        double[] times, int[] events, double[][] covariates, List<String> covariateNames, String source) {

    public SurvivalData {
        covariateNames = List.copyOf(covariateNames);
        int n = times.length;
        if (events.length != n || covariates.length != n) {
            throw new IllegalArgumentException(source + ": " + n + " times, " + events.length + " events and "
                    + covariates.length + " covariate rows; they must be equal");
        }
        int p = covariateNames.size();
        for (int i = 0; i < n; i++) {
            if (!(times[i] >= 0) || Double.isInfinite(times[i])) {
                throw new IllegalArgumentException(source + ": row " + i + ": time " + times[i]
                        + " is not a finite non-negative number");
            }
            if (events[i] != 0 && events[i] != 1) {
                throw new IllegalArgumentException(source + ": row " + i + ": event " + events[i] + " is not 0 or 1");
            }
            if (covariates[i].length != p) {
                throw new IllegalArgumentException(source + ": row " + i + " has " + covariates[i].length
                        + " covariates, expected " + p + " " + covariateNames);
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(covariates[i][j])) {
                    throw new IllegalArgumentException(source + ": row " + i + ", covariate " + covariateNames.get(j)
                            + ": " + covariates[i][j] + " is not finite");
                }
            }
        }
    }

    /** Data without covariates (for Kaplan-Meier or metrics). */
    public static SurvivalData of(double[] times, int[] events) {
        return new SurvivalData(times, events, new double[times.length][0], List.of(), "arrays");
    }

    /** Number of subjects. */
    public int size() {
        return times.length;
    }

    /** Number of covariates. */
    public int covariateCount() {
        return covariateNames.size();
    }

    /** Number of observed events. */
    public int eventCount() {
        return Arrays.stream(events).sum();
    }

    /** Column {@code j} of the covariates, copied. */
    public double[] column(int j) {
        double[] column = new double[times.length];
        for (int i = 0; i < column.length; i++) {
            column[i] = covariates[i][j];
        }
        return column;
    }

    /** The rows at {@code indices}, in that order (for train/validation splits). */
    public SurvivalData subset(int[] indices) {
        double[] t = new double[indices.length];
        int[] e = new int[indices.length];
        double[][] x = new double[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            t[k] = times[indices[k]];
            e[k] = events[indices[k]];
            x[k] = covariates[indices[k]].clone();
        }
        return new SurvivalData(t, e, x, covariateNames, source);
    }
}
