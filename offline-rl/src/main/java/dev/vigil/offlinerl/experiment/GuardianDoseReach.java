package dev.vigil.offlinerl.experiment;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.continuous.ModelBasedOptimizer;
import dev.vigil.safety.guardian.OodGuardian;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How much a (state, dose) guardian says about the dose: at each of a sample of logged states, the share of a regular
 * grid over the logged dose range that the guardian accepts. A share near 1 everywhere means the verdict hardly
 * depends on the dose, so the OOD rate it gives measures how unusual the patients' states are; a share of 0 means no
 * dose at all is in support at that state, so every policy's decision there counts as OOD.
 *
 * <p>Run: {@code GuardianDoseReach [patients=2000] [seed=1] [states=2000] [gridPerAxis=11]}: the ICU experiment's
 * cohort and KDE guardian (sigma 0.535, 5th percentile), which {@link ContinuousIcuExperiment} measures OOD with.
 */
public final class GuardianDoseReach {

    private GuardianDoseReach() {
    }

    /**
     * Summary over the states.
     *
     * @param meanShare mean accepted share of the dose grid
     * @param allAccepted share of states where the whole grid is accepted
     * @param noneAccepted share of states where no grid dose is accepted
     * @param loggedDoseFlagged share of states whose own logged dose the guardian flags
     */
    public record Reach(int states, int gridPoints, double meanShare, double allAccepted, double noneAccepted,
            double loggedDoseFlagged) {
    }

    /**
     * @param states scaled states, one per row
     * @param loggedDoses the scaled dose logged at each state, same order
     * @param low lowest scaled dose per action dimension (the grid's first value)
     * @param high highest scaled dose per action dimension (the grid's last value)
     * @param gridPerAxis grid values per action dimension, >= 2
     */
    public static Reach measure(OodGuardian guardian, double[][] states, double[][] loggedDoses, double[] low,
            double[] high, int gridPerAxis) {
        if (gridPerAxis < 2) {
            throw new IllegalArgumentException("gridPerAxis is " + gridPerAxis + "; use at least 2");
        }
        if (states.length == 0 || states.length != loggedDoses.length) {
            throw new IllegalArgumentException("need one logged dose per state and at least one state; got "
                    + states.length + " states and " + loggedDoses.length + " doses");
        }
        int a = low.length;
        int points = (int) Math.pow(gridPerAxis, a);
        double sum = 0;
        int all = 0;
        int none = 0;
        int loggedFlagged = 0;
        for (int i = 0; i < states.length; i++) {
            double[] point = Arrays.copyOf(states[i], states[i].length + a);
            int accepted = 0;
            for (int g = 0; g < points; g++) {
                int rest = g;
                for (int j = 0; j < a; j++) {
                    int step = rest % gridPerAxis;
                    rest /= gridPerAxis;
                    point[states[i].length + j] = low[j] + (high[j] - low[j]) * step / (gridPerAxis - 1);
                }
                accepted += guardian.judge(point).inSupport() ? 1 : 0;
            }
            sum += accepted / (double) points;
            all += accepted == points ? 1 : 0;
            none += accepted == 0 ? 1 : 0;
            System.arraycopy(loggedDoses[i], 0, point, states[i].length, a);
            loggedFlagged += guardian.judge(point).inSupport() ? 0 : 1;
        }
        int n = states.length;
        return new Reach(n, points, sum / n, all / (double) n, none / (double) n, loggedFlagged / (double) n);
    }

    public static void main(String[] args) throws IOException {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int grid = args.length > 3 ? Integer.parseInt(args[3]) : 11;
        TrajectoryDataset data = IcuSepsisExperiment.ingest(patients, seed);
        ModelBasedOptimizer.Setup setup = ModelBasedOptimizer.Setup.of(data, ContinuousIcuExperiment.config(1, seed));
        double[][] states = setup.loggedStates;
        double[][] doses = setup.loggedActions;
        int a = doses[0].length;
        double[] low = new double[a];
        double[] high = new double[a];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (double[] d : doses) {
            for (int j = 0; j < a; j++) {
                low[j] = Math.min(low[j], d[j]);
                high[j] = Math.max(high[j], d[j]);
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int n = Math.min(sample, states.length);
        double[][] chosenStates = new double[n][];
        double[][] chosenDoses = new double[n][];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(states.length);
            chosenStates[i] = states[k];
            chosenDoses[i] = doses[k];
        }
        Reach r = measure(setup.guardian, chosenStates, chosenDoses, low, high, grid);
        System.out.printf(Locale.ROOT, "| seed | logged states | grid doses | mean accepted share | states with every dose "
                + "accepted | states with no dose accepted | logged dose flagged |%n|---|---|---|---|---|---|---|%n"
                + "| %d | %d | %d | %.3f | %.3f | %.4f | %.4f |%n", seed, r.states(), r.gridPoints(), r.meanShare(),
                r.allAccepted(), r.noneAccepted(), r.loggedDoseFlagged());
    }
}
