package dev.vigil.offlinerl.dynamics;

/**
 * One episode in model space: scaled states and actions, with a flag on every state value that was
 * imputed because it was never measured (NaN in the dataset). The last step is terminal: it has a state
 * (and a logged action) but no next state.
 *
 * <p>Arrays are copied in and out.
 *
 * @param id the dataset's episode id (an opaque id, never patient data)
 * @param states {@code double[steps][s]}, finite
 * @param actions {@code double[steps][a]}, finite
 * @param imputed {@code boolean[steps][s]}: true where the state value is a training mean standing in
 *     for a value never measured
 */
public record ScaledEpisode(String id, double[][] states, double[][] actions, boolean[][] imputed) {

    public ScaledEpisode {
        if (id == null || states == null || actions == null || imputed == null) {
            throw new IllegalArgumentException("A scaled episode needs an id, states, actions and imputed flags");
        }
        if (states.length == 0 || actions.length != states.length || imputed.length != states.length) {
            throw new IllegalArgumentException("Episode " + id + " has " + states.length + " states, "
                    + actions.length + " actions and " + imputed.length + " imputed rows: give one of each per step,"
                    + " at least one step");
        }
        states = Matrices.copyFinite(states, "Episode " + id + " states");
        actions = Matrices.copyFinite(actions, "Episode " + id + " actions");
        boolean[][] flags = new boolean[imputed.length][];
        for (int t = 0; t < imputed.length; t++) {
            if (imputed[t].length != states[0].length) {
                throw new IllegalArgumentException("Episode " + id + ", step " + t + " has " + imputed[t].length
                        + " imputed flags for " + states[0].length + " features");
            }
            flags[t] = imputed[t].clone();
        }
        imputed = flags;
    }

    /** An episode without imputed values. */
    public static ScaledEpisode of(String id, double[][] states, double[][] actions) {
        return new ScaledEpisode(id, states, actions, new boolean[states.length][states.length == 0 ? 0
                : states[0].length]);
    }

    /** Number of steps. */
    public int steps() {
        return states.length;
    }

    /** The state dimension {@code s}. */
    public int stateDimension() {
        return states[0].length;
    }

    /** The action dimension {@code a}. */
    public int actionDimension() {
        return actions[0].length;
    }

    /** The scaled state at step {@code t}, {@code double[s]} (a copy). */
    public double[] state(int t) {
        return states[t].clone();
    }

    /** The scaled action at step {@code t}, {@code double[a]} (a copy). */
    public double[] action(int t) {
        return actions[t].clone();
    }

    /** Whether any state feature at step {@code t} was imputed. */
    public boolean anyImputed(int t) {
        for (boolean flag : imputed[t]) {
            if (flag) {
                return true;
            }
        }
        return false;
    }

    /**
     * The model-input history ending at step {@code t}: the last {@code k} states, oldest first, with the
     * first state repeated where the episode is shorter.
     *
     * @return {@code double[k][s]}, new arrays
     */
    public double[][] history(int t, int k) {
        double[][] window = new double[k][];
        for (int i = 0; i < k; i++) {
            window[i] = states[Math.max(0, t - k + 1 + i)].clone();
        }
        return window;
    }

    @Override
    public double[][] states() {
        return Matrices.copy(states);
    }

    @Override
    public double[][] actions() {
        return Matrices.copy(actions);
    }

    @Override
    public boolean[][] imputed() {
        boolean[][] copy = new boolean[imputed.length][];
        for (int t = 0; t < imputed.length; t++) {
            copy[t] = imputed[t].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return "ScaledEpisode[" + id + ", " + steps() + " steps]";
    }
}
