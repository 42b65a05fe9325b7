package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.Aggregation;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.FeatureSpec;
import java.util.Arrays;

/**
 * The measured features of an episode: per bloc, the aggregate of the values measured in it; where there
 * are none, the latest earlier value if it is no older than the feature's maximum hold at the end of the
 * bloc (sample-and-hold), else NaN. Held and NaN values are flagged missing (not measured in that bloc).
 *
 * <p>The value held is the latest single measurement (not a bloc aggregate), and may come from before the
 * window (a weight from admission). Values after the episode's end (death, end of the stay) are not used.
 *
 * @see TrajectoryBuilder for where an episode ends
 */
final class StateAssembler {

    /**
     * @param values shape (blocs, width): the features' columns filled, the rest left for derived features
     * @param missing shape (blocs, width)
     * @param measured shape (blocs, features): the bloc's own aggregate, NaN when nothing was measured
     * @param inWindow number of observations that fell into the episode's blocs
     */
    record States(double[][] values, boolean[][] missing, double[][] measured, int inWindow) {
    }

    private final CohortSpec spec;

    StateAssembler(CohortSpec spec) {
        this.spec = spec;
    }

    States assemble(PatientFacts patient, Integer[] order, BlocGrid grid, long endLimit, int width,
            StepProvenance provenance) {
        int features = spec.features().size();
        double[][] values = new double[grid.blocs()][width];
        boolean[][] missing = new boolean[grid.blocs()][width];
        double[][] measured = new double[grid.blocs()][features];
        double[] heldValue = new double[features];
        long[] heldTime = new long[features];
        int[] heldRef = new int[features];
        Arrays.fill(heldTime, FhirTimes.NONE);
        Accumulator accumulator = new Accumulator(features);
        int next = 0;
        int inWindow = 0;
        for (int b = 0; b < grid.blocs(); b++) {
            long blocStart = grid.blocStart(b);
            long blocEnd = grid.blocEnd(b);
            while (next < order.length && patient.obsTime(order[next]) < blocStart) {
                hold(patient, order[next++], heldValue, heldTime, heldRef);
            }
            double[] heldValueBefore = heldValue.clone();
            long[] heldTimeBefore = heldTime.clone();
            int[] heldRefBefore = heldRef.clone();
            accumulator.reset();
            while (next < order.length && patient.obsTime(order[next]) < blocEnd) {
                int fact = order[next++];
                if (patient.obsTime(fact) >= endLimit) {
                    continue;
                }
                accumulator.add(patient.obsFeature(fact), patient.obsValue(fact));
                provenance.add(b, patient.obsRef(fact));
                hold(patient, fact, heldValue, heldTime, heldRef);
                inWindow++;
            }
            for (int f = 0; f < features; f++) {
                FeatureSpec feature = spec.features().get(f);
                if (accumulator.count[f] > 0) {
                    values[b][f] = accumulator.result(f, feature.aggregation());
                    measured[b][f] = values[b][f];
                    continue;
                }
                measured[b][f] = Double.NaN;
                missing[b][f] = true;
                long age = heldTimeBefore[f] == FhirTimes.NONE ? -1 : blocEnd - heldTimeBefore[f];
                if (age >= 0 && feature.maxHold().allows(Math.floorDiv(age + 999, 1000))) {
                    values[b][f] = heldValueBefore[f];
                    provenance.add(b, heldRefBefore[f]);
                } else {
                    values[b][f] = Double.NaN;
                }
            }
        }
        return new States(values, missing, measured, inWindow);
    }

    private static void hold(PatientFacts patient, int fact, double[] value, long[] time, int[] ref) {
        int feature = patient.obsFeature(fact);
        value[feature] = patient.obsValue(fact);
        time[feature] = patient.obsTime(fact);
        ref[feature] = patient.obsRef(fact);
    }

    /** Per-feature running aggregates of one bloc, fed in (time, resource) order. */
    private static final class Accumulator {
        final int[] count;
        final double[] sum;
        final double[] min;
        final double[] max;
        final double[] last;

        Accumulator(int features) {
            count = new int[features];
            sum = new double[features];
            min = new double[features];
            max = new double[features];
            last = new double[features];
        }

        void reset() {
            Arrays.fill(count, 0);
            Arrays.fill(sum, 0.0);
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        void add(int feature, double value) {
            count[feature]++;
            sum[feature] += value;
            min[feature] = Math.min(min[feature], value);
            max[feature] = Math.max(max[feature], value);
            last[feature] = value;
        }

        double result(int feature, Aggregation aggregation) {
            return switch (aggregation) {
                case MEAN -> sum[feature] / count[feature];
                case LAST -> last[feature];
                case MIN -> min[feature];
                case MAX -> max[feature];
                case SUM -> sum[feature];
            };
        }
    }
}
