package dev.vigil.offlinerl.discretise;

import java.util.Arrays;

/**
 * The dose bins of one continuous action. Bin 0 is "none" (dose 0); bins 1.. are the quartiles of the non-zero
 * training doses, bin b (b >= 1) holding doses in {@code (edges[b-2], edges[b-1]]} (open below for b = 1, open above
 * for the last bin). Each bin's dose is the median of its training doses.
 *
 * <p>The quartile edges are the inverted empirical CDF (the smallest training dose with at least 25, 50, 75 % of the
 * non-zero doses at or below it), so every edge is a logged dose and every bin below it holds at least that dose.
 * Equal edges (fewer than 4 distinct non-zero doses) are merged, and an edge equal to the largest dose is dropped
 * (the bin above it would be empty): such an action gets fewer than 5 bins rather than empty ones. An action never
 * given gets only bin 0.
 *
 * @param name the action's name in the schema
 * @param edges upper bounds of bins 1..n-2, strictly increasing
 * @param doses the representative dose of each bin, {@code doses[0] = 0}; length edges + 2, or 1 for an action
 *     never given
 */
public record ActionBins(String name, double[] edges, double[] doses) {

    public ActionBins {
        if (name == null || edges == null || doses == null || doses.length == 0 || doses[0] != 0) {
            throw new IllegalArgumentException("Action bins need a name, edges and doses starting with bin 0 = 0");
        }
        if (!(doses.length == 1 && edges.length == 0) && doses.length != edges.length + 2) {
            throw new IllegalArgumentException("Action " + name + ": " + edges.length + " edges need "
                    + (edges.length + 2) + " doses; got " + doses.length);
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("Action " + name + ": edges must be strictly increasing");
            }
        }
        edges = edges.clone();
        doses = doses.clone();
    }

    /**
     * Bins from the training doses of one action.
     *
     * @param values the logged doses; {@code <= 0} or NaN (not recorded) count as none
     */
    public static ActionBins fit(String name, double[] values) {
        double[] given = Arrays.stream(values).filter(v -> v > 0).sorted().toArray();
        if (given.length == 0) {
            return new ActionBins(name, new double[0], new double[] {0});
        }
        double[] edges = Arrays.stream(new double[] {0.25, 0.5, 0.75})
                .map(p -> given[Math.max(0, (int) Math.ceil(p * given.length) - 1)])
                .distinct()
                .filter(e -> e < given[given.length - 1])
                .toArray();
        double[] doses = new double[edges.length + 2];
        int from = 0;
        for (int b = 1; b < doses.length; b++) {
            int to = from;
            while (to < given.length && (b - 1 >= edges.length || given[to] <= edges[b - 1])) {
                to++;
            }
            doses[b] = median(given, from, to);
            from = to;
        }
        return new ActionBins(name, edges, doses);
    }

    /** Number of bins, bin 0 included. */
    public int count() {
        return doses.length;
    }

    /** The bin of a dose: 0 for {@code <= 0} or NaN, else 1 + the number of edges below it. */
    public int bin(double dose) {
        if (!(dose > 0)) {
            return 0;
        }
        if (doses.length == 1) {
            // Never given in training: the nearest bin we have is "none".
            return 0;
        }
        int b = 1;
        for (double e : edges) {
            if (e < dose) {
                b++;
            }
        }
        return b;
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public double[] doses() {
        return doses.clone();
    }

    /** The representative dose of bin {@code b}. */
    public double dose(int b) {
        return doses[b];
    }

    private static double median(double[] sorted, int from, int to) {
        int n = to - from;
        int mid = from + n / 2;
        return n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
