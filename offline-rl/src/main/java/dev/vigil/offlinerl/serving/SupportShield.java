package dev.vigil.offlinerl.serving;

import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.OodGuardian;
import java.util.Arrays;

/**
 * The guardian at the bedside for a continuous policy: a proposed dose the guardian accepts is kept; a dose it flags
 * is replaced by the nearest dose that is in support for this patient, taken from what the clinicians gave the most
 * similar logged patients. The training guardian keeps the policy's own rollouts in support, but it can only judge
 * the states the model produced; the patient in front of the clinician may be somewhere else, and this is the last
 * line (the continuous counterpart of {@link BedsidePolicy}'s conservative fallback).
 *
 * <p>All points are on the guardian's scale (the training min-max scaling of (state, dose)). For a flagged dose:
 * <ol>
 *   <li>candidates: the logged doses of the {@code neighbours} logged states nearest the patient's state (Euclidean,
 *       exact scan, ties to the lower row);</li>
 *   <li>if some candidates are in support at the patient's state, take the one nearest the proposed dose, then move
 *       it back toward the proposal by bisection on the segment between them ({@code bisections} halvings), keeping
 *       only points the guardian accepts: the answer is in support and as close to the proposal as the search
 *       finds;</li>
 *   <li>if none is, no similar patient's dose is in support here either: take the candidate with the highest
 *       guardian score (the least unusual), and say so.</li>
 * </ol>
 * Deterministic, immutable and safe to call from several threads. The scan over logged states runs only for flagged
 * doses.
 */
public final class SupportShield {

    /** What the shield did with a proposed dose. */
    public enum Outcome {
        /** The guardian accepted the proposal. */
        KEPT,
        /** The proposal was flagged and replaced by an in-support dose. */
        MOVED_INTO_SUPPORT,
        /** The proposal was flagged and no similar patient's dose is in support here: the least unusual one. */
        BEST_AVAILABLE
    }

    /**
     * A shielded dose.
     *
     * @param action the dose to give, on the guardian's scale
     * @param outcome what the shield did
     * @param verdict the guardian's verdict on (state, action)
     */
    public record Shielded(double[] action, Outcome outcome, GuardVerdict verdict) {
    }

    /**
     * How hard the shield searches.
     *
     * @param neighbours how many nearest logged states supply candidate doses, at least 1
     * @param bisections halvings of the segment from the chosen candidate toward the proposal, 0 to 30
     */
    public record Config(int neighbours, int bisections) {

        public Config {
            if (neighbours < 1) {
                throw new IllegalArgumentException("SupportShield neighbours must be at least 1, got " + neighbours);
            }
            if (bisections < 0 || bisections > 30) {
                throw new IllegalArgumentException("SupportShield bisections must be in [0, 30], got " + bisections);
            }
        }

        /** 25 neighbours, 8 halvings (the answer within 1/256 of the segment from the proposal's side). */
        public static Config defaults() {
            return new Config(25, 8);
        }
    }

    private final OodGuardian guardian;
    private final double[][] states;
    private final double[][] actions;
    private final int stateDim;
    private final int actionDim;
    private final Config config;

    private SupportShield(OodGuardian guardian, double[][] states, double[][] actions, Config config) {
        this.guardian = guardian;
        this.states = states;
        this.actions = actions;
        this.stateDim = states[0].length;
        this.actionDim = actions[0].length;
        this.config = config;
    }

    /**
     * Builds the shield over logged (state, dose) rows.
     *
     * @param guardian judges {@code (state, dose)} points of dimension {@code stateDim + actionDim}
     * @param loggedStates {@code double[n][stateDim]}, on the guardian's scale, finite; copied
     * @param loggedActions {@code double[n][actionDim]}, row for row with the states; copied
     */
    public static SupportShield of(OodGuardian guardian, double[][] loggedStates, double[][] loggedActions,
            Config config) {
        if (guardian == null || config == null) {
            throw new IllegalArgumentException("SupportShield needs a guardian and a config");
        }
        if (loggedStates == null || loggedActions == null || loggedStates.length == 0) {
            throw new IllegalArgumentException("SupportShield needs at least one logged (state, dose) row");
        }
        if (loggedStates.length != loggedActions.length) {
            throw new IllegalArgumentException("SupportShield got " + loggedStates.length + " logged states but "
                    + loggedActions.length + " logged doses; they must match row for row");
        }
        double[][] states = copyRectangular(loggedStates, "logged state");
        double[][] actions = copyRectangular(loggedActions, "logged dose");
        if (states[0].length + actions[0].length != guardian.dimension()) {
            throw new IllegalArgumentException("SupportShield: the guardian judges " + guardian.dimension()
                    + "-dimensional points but a logged state has " + states[0].length + " features and a dose "
                    + actions[0].length + " components");
        }
        return new SupportShield(guardian, states, actions, config);
    }

    /**
     * Shields one proposed dose.
     *
     * @param state {@code double[stateDim]} on the guardian's scale, finite
     * @param proposed {@code double[actionDim]} on the guardian's scale, finite
     */
    public Shielded shield(double[] state, double[] proposed) {
        requireFinite(state, stateDim, "state");
        requireFinite(proposed, actionDim, "proposed dose");
        double[] point = concat(state, proposed);
        GuardVerdict verdict = guardian.judge(point);
        if (verdict.inSupport()) {
            return new Shielded(proposed.clone(), Outcome.KEPT, verdict);
        }
        int[] rows = nearestRows(state);
        double[] bestInSupport = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        double[] leastUnusual = null;
        GuardVerdict leastUnusualVerdict = null;
        for (int row : rows) {
            double[] candidate = actions[row];
            GuardVerdict v = guardian.judge(concat(state, candidate));
            if (v.inSupport()) {
                double d = squaredDistance(candidate, proposed);
                if (d < bestDistance) {
                    bestDistance = d;
                    bestInSupport = candidate;
                }
            } else if (leastUnusualVerdict == null || v.score() > leastUnusualVerdict.score()) {
                leastUnusual = candidate;
                leastUnusualVerdict = v;
            }
        }
        if (bestInSupport == null) {
            return new Shielded(leastUnusual.clone(), Outcome.BEST_AVAILABLE, leastUnusualVerdict);
        }
        // Bisection on [inside, outside]: the inside end is always a point the guardian accepted.
        double[] inside = bestInSupport.clone();
        double[] outside = proposed.clone();
        GuardVerdict insideVerdict = guardian.judge(concat(state, inside));
        for (int i = 0; i < config.bisections(); i++) {
            double[] middle = new double[actionDim];
            for (int j = 0; j < actionDim; j++) {
                middle[j] = 0.5 * (inside[j] + outside[j]);
            }
            GuardVerdict v = guardian.judge(concat(state, middle));
            if (v.inSupport()) {
                inside = middle;
                insideVerdict = v;
            } else {
                outside = middle;
            }
        }
        return new Shielded(inside, Outcome.MOVED_INTO_SUPPORT, insideVerdict);
    }

    /** The rows of the {@code neighbours} logged states nearest {@code state}, nearest first, ties to the lower row. */
    int[] nearestRows(double[] state) {
        int k = Math.min(config.neighbours(), states.length);
        int[] rows = new int[k];
        double[] dist = new double[k];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int filled = 0;
        for (int i = 0; i < states.length; i++) {
            double d = squaredDistance(states[i], state);
            if (filled < k || d < dist[k - 1]) {
                // Insertion into the sorted top-k; strict comparison keeps earlier rows ahead on ties.
                int at = Math.min(filled, k - 1);
                while (at > 0 && dist[at - 1] > d) {
                    dist[at] = dist[at - 1];
                    rows[at] = rows[at - 1];
                    at--;
                }
                dist[at] = d;
                rows[at] = i;
                filled = Math.min(filled + 1, k);
            }
        }
        return rows;
    }

    private double[] concat(double[] state, double[] action) {
        double[] point = Arrays.copyOf(state, stateDim + actionDim);
        System.arraycopy(action, 0, point, stateDim, actionDim);
        return point;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            s += diff * diff;
        }
        return s;
    }

    private static double[][] copyRectangular(double[][] rows, String what) {
        int width = rows[0] == null ? 0 : rows[0].length;
        if (width == 0) {
            throw new IllegalArgumentException("SupportShield: the first " + what + " is empty");
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            requireFinite(rows[i], width, what + " " + i);
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    private static void requireFinite(double[] row, int width, String what) {
        if (row == null || row.length != width) {
            throw new IllegalArgumentException("SupportShield: the " + what + " has "
                    + (row == null ? "no values" : row.length + " values") + ", expected " + width);
        }
        for (int j = 0; j < width; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException("SupportShield: the " + what + " has a non-finite value "
                        + row[j] + " at index " + j);
            }
        }
    }
}
