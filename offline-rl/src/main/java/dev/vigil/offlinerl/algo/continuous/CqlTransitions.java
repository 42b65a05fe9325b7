package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.discretise.DoseBins;
import dev.vigil.offlinerl.objective.TrainingRewards;

/**
 * The logged transitions a continuous CQL learner trains on, scaled to [-1, 1] with the training minimum and
 * maximum of every state feature and action (a constant column maps to {@code x - min}, as the guardians'
 * {@code MinMaxScaler}), after validating the dataset.
 *
 * <p>Rewards: the dataset's reward column when it has one; otherwise the config's {@code reward}
 * ({@link TrainingRewards}: OGSRL's SOFA step reward plus the outcome when the data has the SOFA columns, else the
 * terminal outcome reward, {@code survivalReward} / {@code deathReward} on an episode's last step). Every episode's last step is terminal (no bootstrap).
 *
 * @param stateDimension S
 * @param actionDimension A
 * @param states scaled, row-major (N, S)
 * @param actions scaled, row-major (N, A)
 * @param rewards (N)
 * @param nextStates scaled, row-major (N, S); the state itself on terminal steps (never used there)
 * @param terminal 1 on an episode's last step, else 0, (N)
 * @param binIds the joint 5x5 dose-bin id of every logged action (N)
 * @param episodes per episode, the scaled (state, action) points, for the guardian's calibration split
 * @param scaling the state and action scaling
 * @param filledValues state values that were missing and replaced by the training mean
 * @param rewardsInData whether the rewards came from the data (else from outcomes)
 * @param rewardSource {@code data}, {@code outcome} or {@code sofa} ({@link TrainingRewards})
 */
record CqlTransitions(int stateDimension, int actionDimension, float[] states, float[] actions, float[] rewards,
        float[] nextStates, float[] terminal, int[] binIds, double[][][] episodes, CqlScaling scaling,
        long filledValues, boolean rewardsInData, String rewardSource) {

    int size() {
        return rewards.length;
    }

    /** Scaled (state, action) of transition i, for the guardian. */
    double[] point(int i) {
        double[] p = new double[stateDimension + actionDimension];
        for (int j = 0; j < stateDimension; j++) {
            p[j] = states[i * stateDimension + j];
        }
        for (int j = 0; j < actionDimension; j++) {
            p[stateDimension + j] = actions[i * actionDimension + j];
        }
        return p;
    }

    /**
     * Validates {@code data} for a continuous learner and builds its scaled transitions.
     *
     * @throws IllegalArgumentException naming the dataset, field, episode and step at fault
     */
    static CqlTransitions of(TrajectoryDataset data, CqlContinuousConfig config, String algorithm) {
        if (config == null) {
            throw new IllegalArgumentException("'" + algorithm + "' needs a config; use CqlContinuousConfig.cql()");
        }
        if (data == null) {
            throw new IllegalArgumentException("'" + algorithm + "' needs a dataset; got null");
        }
        String name = data.schema().name();
        if (data.schema().actionType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + name + " has discrete actions (field 'actionType' = "
                    + data.schema().actionType() + "); '" + algorithm + "' learns continuous doses and needs "
                    + "continuous actions: import with --action-type continuous, or use the tabular 'cql'");
        }
        if (data.schema().stateType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + name + " has discrete states (field 'stateType' = "
                    + data.schema().stateType() + "); '" + algorithm + "' needs continuous state features: import "
                    + "with --state-type continuous, or use the tabular 'cql'");
        }
        if (data.episodes().isEmpty()) {
            throw new IllegalArgumentException("Dataset " + name + " is empty (no episodes); '" + algorithm
                    + "' needs at least one logged step: check the import filters or the cohort specification");
        }
        int s = data.schema().features().size();
        int a = data.schema().actions().size();
        double[] sum = new double[s];
        long[] count = new long[s];
        for (Episode e : data.episodes()) {
            if (!(e.states() instanceof ContinuousStates states) || !(e.actions() instanceof ContinuousActions acts)) {
                throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ": states and actions "
                        + "must be continuous vectors as the schema says");
            }
            if (states.width() != s || acts.width() != a) {
                throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ": field 'states' has "
                        + states.width() + " features and field 'actions' " + acts.width() + " values per step, the "
                        + "schema " + s + " and " + a + "; fix the dataset so every step matches the schema");
            }
            for (int t = 0; t < e.steps(); t++) {
                for (int f = 0; f < s; f++) {
                    double v = states.value(t, f);
                    if (Double.isNaN(v)) {
                        if (!config.fillMissingStates()) {
                            throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                                    + ": state feature '" + data.schema().features().get(f).name() + "' is NaN "
                                    + "(missing); set fillMissingStates to true to replace it by the training mean, "
                                    + "or impute it before training");
                        }
                    } else if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                                + ": state feature '" + data.schema().features().get(f).name() + "' is " + v
                                + "; state values must be finite");
                    } else {
                        sum[f] += v;
                        count[f]++;
                    }
                }
                for (int j = 0; j < a; j++) {
                    if (!Double.isFinite(acts.value(t, j))) {
                        throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                                + ": action '" + data.schema().actions().get(j).name() + "' is " + acts.value(t, j)
                                + "; doses must be finite");
                    }
                }
                if (data.schema().hasRewards() && !Double.isFinite(e.reward(t))) {
                    throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                            + ": field 'reward' is " + e.reward(t) + "; rewards must be finite numbers");
                }
            }
        }
        double[] fill = new double[s];
        for (int f = 0; f < s; f++) {
            // A feature never measured has no mean: 0 is as good as any value, it is constant after filling.
            fill[f] = count[f] == 0 ? 0 : sum[f] / count[f];
        }
        int n = Math.toIntExact(data.totalSteps());
        double[][] rawStates = new double[n][];
        double[][] rawActions = new double[n][];
        double[] rewards = new double[n];
        boolean[] last = new boolean[n];
        long filled = 0;
        int i = 0;
        TrainingRewards.Rewards training = TrainingRewards.of(data, config.reward(), config.survivalReward(),
                config.deathReward());
        int k0 = 0;
        for (Episode e : data.episodes()) {
            ContinuousStates states = (ContinuousStates) e.states();
            ContinuousActions acts = (ContinuousActions) e.actions();
            double[] r = training.perEpisode().get(k0++);
            for (int t = 0; t < e.steps(); t++, i++) {
                double[] x = new double[s];
                for (int f = 0; f < s; f++) {
                    double v = states.value(t, f);
                    if (Double.isNaN(v)) {
                        v = fill[f];
                        filled++;
                    }
                    x[f] = v;
                }
                rawStates[i] = x;
                rawActions[i] = acts.values()[t];
                rewards[i] = r[t];
                last[i] = e.terminal(t);
            }
        }
        CqlScaling scaling = CqlScaling.fit(rawStates, rawActions, fill);
        DoseBins bins = DoseBins.fit(data);
        float[] fs = new float[n * s];
        float[] fa = new float[n * a];
        float[] fr = new float[n];
        float[] fn = new float[n * s];
        float[] fd = new float[n];
        int[] binIds = new int[n];
        double[][][] episodes = new double[data.episodes().size()][][];
        int from = 0;
        for (int k = 0; k < episodes.length; k++) {
            int steps = data.episodes().get(k).steps();
            episodes[k] = new double[steps][];
            for (int t = 0; t < steps; t++) {
                int row = from + t;
                double[] xs = scaling.scaleState(rawStates[row]);
                double[] xa = scaling.scaleAction(rawActions[row]);
                double[] xn = last[row] ? xs : scaling.scaleState(rawStates[row + 1]);
                double[] point = new double[s + a];
                for (int f = 0; f < s; f++) {
                    fs[row * s + f] = (float) xs[f];
                    fn[row * s + f] = (float) xn[f];
                    point[f] = xs[f];
                }
                for (int j = 0; j < a; j++) {
                    fa[row * a + j] = (float) xa[j];
                    point[s + j] = xa[j];
                }
                fr[row] = (float) rewards[row];
                fd[row] = last[row] ? 1 : 0;
                binIds[row] = bins.id(rawActions[row]);
                episodes[k][t] = point;
            }
            from += steps;
        }
        return new CqlTransitions(s, a, fs, fa, fr, fn, fd, binIds, episodes, scaling, filled,
                data.schema().hasRewards(), training.source());
    }
}
