package dev.vigil.worldmodel.survival.deep;

import dev.vigil.worldmodel.survival.SurvivalData;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Proportional-hazards data with a known log relative hazard g(x): covariates uniform on [-1.5, 1.5], event time
 * exponential with rate exp(g(x)), independent exponential censoring with rate 0.3 (about a quarter censored).
 */
final class SimulatedCohort {

    private SimulatedCohort() {}

    static SurvivalData generate(int n, int covariates, long seed, ToDoubleFunction<double[]> logHazard) {
        Random random = new Random(seed);
        double[] times = new double[n];
        int[] events = new int[n];
        double[][] x = new double[n][covariates];
        List<String> names = java.util.stream.IntStream.rangeClosed(1, covariates).mapToObj(j -> "x" + j).toList();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < covariates; j++) {
                x[i][j] = 3 * random.nextDouble() - 1.5;
            }
            double event = -Math.log(1 - random.nextDouble()) / Math.exp(logHazard.applyAsDouble(x[i]));
            double censoring = -Math.log(1 - random.nextDouble()) / 0.3;
            times[i] = Math.min(event, censoring);
            events[i] = event <= censoring ? 1 : 0;
        }
        return new SurvivalData(times, events, x, names, "simulated(seed=" + seed + ")");
    }
}
