package dev.vigil.offlinerl.dynamics;

import java.util.ArrayList;
import java.util.List;

/**
 * OGSRL's dynamics (methods.md section 1): the next state is the logged next state of the training step
 * whose scaled (state, action) is nearest (Euclidean) to the query.
 *
 * <p>Keys are the (state, action) of every <em>non-terminal</em> step; each key carries an explicit
 * {@link KeyRow} naming its episode and step, and its value is row {@code step + 1} of that same episode.
 * The last step of an episode has no next state and is never a key. (The released code indexed next
 * states by a global row offset that shifted by one at every trajectory end; an explicit map cannot.)
 *
 * <p>Search is exact brute force: {@code O(n (s + a))} per query for {@code n} keys, no index to go
 * stale. Ties go to the lowest key index (dataset order), so results are deterministic. Markov:
 * {@link #historyLength()} is 1. Immutable and thread-safe.
 */
public final class NearestNeighbourModel implements EnvironmentModel {

    /**
     * Where a key came from.
     *
     * @param episodeId the episode's id
     * @param episodeIndex the episode's position in the list the model was built from
     * @param step the step whose (state, action) is the key; its next state is row {@code step + 1}
     */
    public record KeyRow(String episodeId, int episodeIndex, int step) {}

    private final int stateDimension;
    private final int actionDimension;
    private final double[][] keys;
    private final double[][] nextStates;
    private final boolean[] nextIsTerminal;
    private final KeyRow[] rows;

    private NearestNeighbourModel(int s, int a, List<double[]> keys, List<double[]> next, List<Boolean> terminal,
            List<KeyRow> rows) {
        this.stateDimension = s;
        this.actionDimension = a;
        this.keys = keys.toArray(new double[0][]);
        this.nextStates = next.toArray(new double[0][]);
        this.nextIsTerminal = new boolean[terminal.size()];
        for (int i = 0; i < nextIsTerminal.length; i++) {
            nextIsTerminal[i] = terminal.get(i);
        }
        this.rows = rows.toArray(new KeyRow[0]);
    }

    /**
     * Builds the key table.
     *
     * @param episodes scaled training episodes (see {@link DynamicsData}), all of the same dimensions
     * @throws IllegalArgumentException if no episode has two steps (no key at all) or dimensions differ
     */
    public static NearestNeighbourModel fit(List<ScaledEpisode> episodes) {
        if (episodes == null || episodes.isEmpty()) {
            throw new IllegalArgumentException("The nearest-neighbour model needs at least one episode");
        }
        int s = episodes.get(0).stateDimension();
        int a = episodes.get(0).actionDimension();
        List<double[]> keys = new ArrayList<>();
        List<double[]> next = new ArrayList<>();
        List<Boolean> terminal = new ArrayList<>();
        List<KeyRow> rows = new ArrayList<>();
        for (int e = 0; e < episodes.size(); e++) {
            ScaledEpisode episode = episodes.get(e);
            if (episode.stateDimension() != s || episode.actionDimension() != a) {
                throw new IllegalArgumentException("Episode " + episode.id() + " has " + episode.stateDimension()
                        + " features and " + episode.actionDimension() + " actions; the first has " + s + " and " + a
                        + ": build all episodes with one DynamicsData");
            }
            // The last step (steps - 1) is terminal: it has no next row, so it is not a key.
            for (int t = 0; t + 1 < episode.steps(); t++) {
                keys.add(Matrices.concat(episode.state(t), episode.action(t)));
                next.add(episode.state(t + 1));
                terminal.add(t + 1 == episode.steps() - 1);
                rows.add(new KeyRow(episode.id(), e, t));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No episode has two steps, so there is no transition to look up;"
                    + " the nearest-neighbour model needs episodes of at least two steps");
        }
        return new NearestNeighbourModel(s, a, keys, next, terminal, rows);
    }

    @Override
    public Transition step(double[][] history, double[] action) {
        double[] state = Matrices.window(history, 1, stateDimension, action, actionDimension)[0];
        int key = nearestKey(state, action);
        return new Transition(nextStates[key], nextIsTerminal[key]);
    }

    /**
     * The index of the key nearest to the scaled (state, action); ties go to the lowest index.
     *
     * @param state {@code double[s]}
     * @param action {@code double[a]}
     */
    public int nearestKey(double[] state, double[] action) {
        Matrices.requireVector(state, stateDimension, "State");
        Matrices.requireVector(action, actionDimension, "Action");
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < keys.length; i++) {
            double[] key = keys[i];
            double d = 0;
            for (int j = 0; j < stateDimension && d < bestDistance; j++) {
                double diff = key[j] - state[j];
                d += diff * diff;
            }
            for (int j = 0; j < actionDimension && d < bestDistance; j++) {
                double diff = key[stateDimension + j] - action[j];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** Number of keys: the non-terminal steps of the training episodes. */
    public int keyCount() {
        return keys.length;
    }

    /** Where key {@code i} came from. */
    public KeyRow keyRow(int i) {
        return rows[i];
    }

    /** The scaled (state, action) of key {@code i}, {@code double[s + a]} (a copy). */
    public double[] key(int i) {
        return keys[i].clone();
    }

    @Override
    public int historyLength() {
        return 1;
    }

    @Override
    public int stateDimension() {
        return stateDimension;
    }

    @Override
    public int actionDimension() {
        return actionDimension;
    }
}
