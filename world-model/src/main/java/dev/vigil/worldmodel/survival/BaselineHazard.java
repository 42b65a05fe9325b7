package dev.vigil.worldmodel.survival;

/**
 * A baseline cumulative hazard H0(t) at a reference covariate vector, with the survival curve it implies for a
 * subject whose linear predictor relative to the reference is {@code eta}: S(t|x) = exp(-H0(t) exp(eta)).
 *
 * @param times increasing event times where H0 jumps
 * @param cumulativeHazard H0 after each jump
 */
public record BaselineHazard(double[] times, double[] cumulativeHazard) {

    /**
     * Breslow's estimator (and its Efron variant, as R's {@code survfit.coxph} uses for an Efron fit): at each
     * event time with d events, risk-set sum S0 = sum_{t_j >= t} exp(eta_j) and event sum D0, the hazard jumps by
     * d / S0 (Breslow) or sum_{r<d} 1 / (S0 - r/d D0) (Efron).
     *
     * @param eta linear predictors relative to the reference, one per subject
     */
    public static BaselineHazard estimate(double[] times, int[] events, double[] eta, Ties ties) {
        int n = times.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, (a, b) -> Double.compare(times[b], times[a]));
        double[] jumpTimes = new double[n];
        double[] jumps = new double[n];
        int count = 0;
        double s0 = 0;
        int k = 0;
        while (k < n) {
            double t = times[boxed[k]];
            int deaths = 0;
            double d0 = 0;
            while (k < n && times[boxed[k]] == t) {
                double w = Math.exp(eta[boxed[k]]);
                s0 += w;
                if (events[boxed[k]] == 1) {
                    deaths++;
                    d0 += w;
                }
                k++;
            }
            if (deaths > 0) {
                double jump = 0;
                if (ties == Ties.EFRON) {
                    for (int r = 0; r < deaths; r++) {
                        jump += 1.0 / (s0 - (double) r / deaths * d0);
                    }
                } else {
                    jump = deaths / s0;
                }
                jumpTimes[count] = t;
                jumps[count] = jump;
                count++;
            }
        }
        // Collected from the last time backwards: reverse and accumulate.
        double[] outTimes = new double[count];
        double[] cumulative = new double[count];
        double sum = 0;
        for (int m = 0; m < count; m++) {
            outTimes[m] = jumpTimes[count - 1 - m];
            sum += jumps[count - 1 - m];
            cumulative[m] = sum;
        }
        return new BaselineHazard(outTimes, cumulative);
    }

    /** H0(t). */
    public double at(double t) {
        int k = SurvivalCurve.lastIndexAtOrBefore(times, t);
        return k < 0 ? 0 : cumulativeHazard[k];
    }

    /** S(t|eta) at the jump times. */
    public SurvivalCurve survival(double eta) {
        double scale = Math.exp(eta);
        double[] s = new double[times.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.exp(-cumulativeHazard[k] * scale);
        }
        return new SurvivalCurve(times.clone(), s);
    }
}
