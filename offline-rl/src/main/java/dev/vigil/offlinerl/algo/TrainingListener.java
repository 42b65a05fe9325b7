package dev.vigil.offlinerl.algo;

import java.util.Map;

/**
 * Receives an algorithm's metrics once per iteration, e.g. so that a run registry can store learning curves.
 * Metric names are stable per algorithm and listed in {@code docs/algorithms.md}.
 */
@FunctionalInterface
public interface TrainingListener {

    /** Ignores every metric. */
    TrainingListener NONE = (iteration, metrics) -> { };

    /**
     * @param iteration 1-based, increasing by one per call within a fit
     * @param metrics an unmodifiable map from metric name to value
     */
    void onIteration(int iteration, Map<String, Double> metrics);
}
