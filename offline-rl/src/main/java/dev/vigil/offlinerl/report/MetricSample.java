package dev.vigil.offlinerl.report;

import dev.vigil.offlinerl.algo.TrainingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One value of one metric at one training iteration, as the run registry stores them.
 *
 * @param iteration 1-based
 * @param metric the metric's name, e.g. {@code empiricalReturn}
 * @param value the value (NaN and infinities are dropped from learning curves)
 */
public record MetricSample(int iteration, String metric, double value) {

    public MetricSample {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("Metric sample at iteration " + iteration + " has no metric name");
        }
    }

    /** Collects the samples an algorithm reports while it trains. Not thread-safe (fits call it on one thread). */
    public static final class Recorder implements TrainingListener {

        private final List<MetricSample> samples = new ArrayList<>();

        @Override
        public void onIteration(int iteration, Map<String, Double> metrics) {
            new TreeMap<>(metrics).forEach((name, value) -> samples.add(new MetricSample(iteration, name, value)));
        }

        /** The samples so far, in the order reported. */
        public List<MetricSample> samples() {
            return Collections.unmodifiableList(new ArrayList<>(samples));
        }
    }
}
