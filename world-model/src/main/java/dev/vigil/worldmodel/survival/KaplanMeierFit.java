package dev.vigil.worldmodel.survival;

import java.util.OptionalDouble;

/**
 * A Kaplan-Meier estimate, one entry per distinct observed time (events or censorings), as R's {@code survfit}.
 *
 * @param times distinct observed times, increasing
 * @param atRisk subjects with time &gt;= times[k]
 * @param eventCounts events at times[k]
 * @param censoredCounts censorings at times[k]
 * @param survival S(times[k]) = prod over event times u &lt;= times[k] of (1 - d_u / n_u)
 * @param cumulativeGreenwood sum over event times u &lt;= times[k] of d_u / (n_u (n_u - d_u)): Greenwood's
 *     variance of log S (R's {@code survfit} {@code std.err} is its square root)
 */
public record KaplanMeierFit(double[] times, int[] atRisk, int[] eventCounts, int[] censoredCounts,
        double[] survival, double[] cumulativeGreenwood) {

    /** S(t) (1 before the first time). */
    public double survivalAt(double t) {
        int k = SurvivalCurve.lastIndexAtOrBefore(times, t);
        return k < 0 ? 1 : survival[k];
    }

    /**
     * Greenwood standard error of S(t) on the survival scale, S(t) sqrt(sum d/(n(n-d))), which is what R's
     * {@code summary(survfit(...), times = t)} prints as {@code std.err}.
     */
    public double standardErrorAt(double t) {
        int k = SurvivalCurve.lastIndexAtOrBefore(times, t);
        return k < 0 ? 0 : survival[k] * Math.sqrt(cumulativeGreenwood[k]);
    }

    /** Subjects still at risk at t: follow-up time &gt;= t (R's {@code n.risk} in {@code summary(fit, times = t)}). */
    public int atRiskAt(double t) {
        int k = SurvivalCurve.lastIndexBefore(times, t) + 1;
        if (k >= times.length) {
            return 0;
        }
        return atRisk[k];
    }

    /**
     * R's median: the first time where S &lt;= 0.5; if S equals 0.5 (within sqrt(machine epsilon)) on an interval,
     * the midpoint between its start and the next time S drops. Empty if S never reaches 0.5.
     */
    public OptionalDouble median() {
        double tolerance = Math.sqrt(Math.ulp(1.0));
        for (int k = 0; k < times.length; k++) {
            if (survival[k] < 0.5 + tolerance) {
                if (Math.abs(survival[k] - 0.5) < tolerance) {
                    for (int m = k + 1; m < times.length; m++) {
                        if (survival[m] < survival[k]) {
                            return OptionalDouble.of((times[k] + times[m]) / 2);
                        }
                    }
                }
                return OptionalDouble.of(times[k]);
            }
        }
        return OptionalDouble.empty();
    }

    /** The estimate as a step function. */
    public SurvivalCurve curve() {
        return new SurvivalCurve(times.clone(), survival.clone());
    }
}
