package dev.vigil.offlinerl.ope;

/**
 * One logged episode as the estimators need it. Like every record holding arrays, {@code equals} compares
 * by identity.
 *
 * @param id the episode's id
 * @param states shape (T): tabular state ids, or -1 at every step when states are not tabular
 * @param actions shape (T): the logged action ids
 * @param rewards shape (T)
 * @param behaviourProbabilities shape (T): pi_b(a_t | s_t) of the logged action, in (0, 1]
 * @param evaluationProbabilities shape (T, A): pi_e(. | s_t), each row summing to 1
 * @param truncated whether the episode was cut off (by a horizon or the end of the record) rather than ended
 *     by a terminal transition; only fitted-Q evaluation uses it
 */
public record LoggedEpisode(String id, int[] states, int[] actions, double[] rewards, double[] behaviourProbabilities,
        double[][] evaluationProbabilities, boolean truncated) {

    private static final double TOLERANCE = 1e-9;

    public LoggedEpisode {
        if (id == null || states == null || actions == null || rewards == null || behaviourProbabilities == null
                || evaluationProbabilities == null) {
            throw new IllegalArgumentException("A logged episode needs an id, states, actions, rewards, behaviour and "
                    + "evaluation probabilities");
        }
        int steps = actions.length;
        if (steps == 0) {
            throw new IllegalArgumentException("Episode " + id + " has no steps");
        }
        if (states.length != steps || rewards.length != steps || behaviourProbabilities.length != steps
                || evaluationProbabilities.length != steps) {
            throw new IllegalArgumentException("Episode " + id + " has " + steps + " actions but " + states.length
                    + " states, " + rewards.length + " rewards, " + behaviourProbabilities.length + " behaviour and "
                    + evaluationProbabilities.length + " evaluation probabilities; give one of each per step");
        }
        states = states.clone();
        actions = actions.clone();
        rewards = rewards.clone();
        behaviourProbabilities = behaviourProbabilities.clone();
        double[][] copy = new double[steps][];
        for (int t = 0; t < steps; t++) {
            String where = "Episode " + id + ", step " + t;
            copy[t] = evaluationProbabilities[t].clone();
            if (copy[t].length != copy[0].length) {
                throw new IllegalArgumentException(where + " has " + copy[t].length + " evaluation probabilities, step 0 "
                        + "has " + copy[0].length + "; every step needs one per action");
            }
            if (actions[t] < 0 || actions[t] >= copy[t].length) {
                throw new IllegalArgumentException(where + " logs action " + actions[t] + ", but the evaluation policy "
                        + "has " + copy[t].length + " actions");
            }
            if (!Double.isFinite(rewards[t])) {
                throw new IllegalArgumentException(where + " has a reward that is not finite");
            }
            double b = behaviourProbabilities[t];
            if (b == 0) {
                throw new IllegalArgumentException(where + ": the behaviour policy gives the logged action probability 0,"
                        + " which makes its importance ratio infinite; soften the behaviour policy with an epsilon "
                        + "floor (BehaviourPolicyEstimator) or TabularPolicy.soften");
            }
            if (!(b > 0 && b <= 1 + TOLERANCE)) {
                throw new IllegalArgumentException(where + " has behaviour probability " + b + "; it must be in (0, 1]");
            }
            double sum = 0;
            for (double p : copy[t]) {
                if (!(p >= 0 && p <= 1 + TOLERANCE)) {
                    throw new IllegalArgumentException(where + " has evaluation probability " + p + "; probabilities "
                            + "must be in [0, 1]");
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > TOLERANCE) {
                throw new IllegalArgumentException(where + ": evaluation probabilities sum to " + sum + ", not 1");
            }
        }
        evaluationProbabilities = copy;
    }

    /** Number of actions A. */
    public int actionCount() {
        return evaluationProbabilities[0].length;
    }

    /** Number of steps T. */
    public int steps() {
        return actions.length;
    }

    public int state(int t) {
        return states[t];
    }

    public int action(int t) {
        return actions[t];
    }

    public double reward(int t) {
        return rewards[t];
    }

    /** pi_e(a_t | s_t) / pi_b(a_t | s_t). */
    public double ratio(int t) {
        return evaluationProbabilities[t][actions[t]] / behaviourProbabilities[t];
    }

    /** pi_e(a | s_t). */
    public double evaluationProbability(int t, int a) {
        return evaluationProbabilities[t][a];
    }

    @Override
    public int[] states() {
        return states.clone();
    }

    @Override
    public int[] actions() {
        return actions.clone();
    }

    @Override
    public double[] rewards() {
        return rewards.clone();
    }

    @Override
    public double[] behaviourProbabilities() {
        return behaviourProbabilities.clone();
    }

    @Override
    public double[][] evaluationProbabilities() {
        double[][] copy = new double[evaluationProbabilities.length][];
        for (int t = 0; t < copy.length; t++) {
            copy[t] = evaluationProbabilities[t].clone();
        }
        return copy;
    }
}
