package dev.vigil.offlinerl.dynamics;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.safety.guardian.MinMaxScaler;
import java.util.ArrayList;
import java.util.List;

/**
 * The preparation every dynamics model shares, fitted on a training dataset with continuous states and
 * actions.
 *
 * <p><b>Missing values.</b> A value carried forward by sample-and-hold is a real (older) measurement and
 * is used as stored, whatever its missing flag says. A NaN (never measured) is replaced by the training
 * mean of that feature over all its non-NaN values, and the cell is flagged in
 * {@link ScaledEpisode#imputed()}. A feature that is NaN in every training step cannot be imputed and is
 * refused.
 *
 * <p><b>Scaling.</b> One {@link MinMaxScaler} is fitted on the imputed (state, action) rows of every
 * training step, so model states and the points judged by an OOD guardian share one scale: the first
 * {@code s} columns are the state, the last {@code a} the action.
 */
public final class DynamicsData {

    private final double[] featureMeans;
    private final MinMaxScaler scaler;
    private final int stateDimension;
    private final int actionDimension;
    private final List<ScaledEpisode> episodes;

    private DynamicsData(double[] featureMeans, MinMaxScaler scaler, int actionDimension, TrajectoryDataset training) {
        this.featureMeans = featureMeans;
        this.scaler = scaler;
        this.stateDimension = featureMeans.length;
        this.actionDimension = actionDimension;
        this.episodes = transform(training);
    }

    /**
     * Fits the imputation means and the scaler on {@code training}.
     *
     * @throws IllegalArgumentException if states or actions are discrete, or a feature is never measured
     */
    public static DynamicsData fit(TrajectoryDataset training) {
        if (training == null || training.episodes().isEmpty()) {
            throw new IllegalArgumentException("Dynamics need a training dataset with at least one episode");
        }
        if (training.schema().stateType().isDiscrete() || training.schema().actionType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + training.schema().name() + " has discrete states or "
                    + "actions; dynamics models need continuous ones (use the tabular package for discrete MDPs)");
        }
        int s = training.schema().stateWidth();
        int a = training.schema().actionWidth();
        double[] sums = new double[s];
        long[] counts = new long[s];
        for (Episode episode : training.episodes()) {
            ContinuousStates states = (ContinuousStates) episode.states();
            for (int t = 0; t < states.steps(); t++) {
                for (int f = 0; f < s; f++) {
                    double value = states.value(t, f);
                    if (!Double.isNaN(value)) {
                        sums[f] += value;
                        counts[f]++;
                    }
                }
            }
        }
        double[] means = new double[s];
        for (int f = 0; f < s; f++) {
            if (counts[f] == 0) {
                throw new IllegalArgumentException("Feature " + training.schema().features().get(f).name()
                        + " is never measured in the training data, so it has no mean to impute: drop it from the"
                        + " cohort or add episodes where it is measured");
            }
            means[f] = sums[f] / counts[f];
        }
        List<double[]> rows = new ArrayList<>();
        for (Episode episode : training.episodes()) {
            ContinuousStates states = (ContinuousStates) episode.states();
            ContinuousActions actions = (ContinuousActions) episode.actions();
            for (int t = 0; t < states.steps(); t++) {
                rows.add(Matrices.concat(imputedRow(states, t, means), actions.values()[t]));
            }
        }
        MinMaxScaler scaler = MinMaxScaler.fit(rows.toArray(new double[0][]));
        return new DynamicsData(means, scaler, a, training);
    }

    /**
     * Imputes and scales another dataset (e.g. held-out episodes) with the training means and scaler.
     *
     * @return one scaled episode per dataset episode, in order
     */
    public List<ScaledEpisode> transform(TrajectoryDataset dataset) {
        if (dataset.schema().stateWidth() != stateDimension || dataset.schema().actionWidth() != actionDimension
                || dataset.schema().stateType().isDiscrete() || dataset.schema().actionType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + dataset.schema().name() + " does not match the training"
                    + " schema: expected " + stateDimension + " continuous features and " + actionDimension
                    + " continuous actions");
        }
        List<ScaledEpisode> out = new ArrayList<>();
        for (Episode episode : dataset.episodes()) {
            ContinuousStates states = (ContinuousStates) episode.states();
            double[][] actions = ((ContinuousActions) episode.actions()).values();
            int steps = states.steps();
            double[][] scaledStates = new double[steps][];
            double[][] scaledActions = new double[steps][];
            boolean[][] imputed = new boolean[steps][stateDimension];
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < stateDimension; f++) {
                    imputed[t][f] = Double.isNaN(states.value(t, f));
                }
                double[] scaled = scaler.transform(Matrices.concat(imputedRow(states, t, featureMeans), actions[t]));
                scaledStates[t] = java.util.Arrays.copyOfRange(scaled, 0, stateDimension);
                scaledActions[t] = java.util.Arrays.copyOfRange(scaled, stateDimension, scaled.length);
            }
            out.add(new ScaledEpisode(episode.id(), scaledStates, scaledActions, imputed));
        }
        return List.copyOf(out);
    }

    /** The training episodes, imputed and scaled. */
    public List<ScaledEpisode> episodes() {
        return episodes;
    }

    /** The scaler of (state, action) rows, dimension {@code s + a}. */
    public MinMaxScaler scaler() {
        return scaler;
    }

    /** Training mean of each state feature, {@code double[s]} (a copy), in raw units. */
    public double[] featureMeans() {
        return featureMeans.clone();
    }

    /** The state dimension {@code s}. */
    public int stateDimension() {
        return stateDimension;
    }

    /** The action dimension {@code a}. */
    public int actionDimension() {
        return actionDimension;
    }

    /**
     * One (state, action) in dataset units as the scaled point guardians judge: missing (NaN) features imputed
     * with the training means, then min-max scaled with the training scaler.
     */
    public double[] scaledPoint(double[] state, double[] action) {
        if (state.length != stateDimension || action.length != actionDimension) {
            throw new IllegalArgumentException("A point needs " + stateDimension + " state features and "
                    + actionDimension + " actions, got " + state.length + " and " + action.length);
        }
        double[] row = new double[stateDimension + actionDimension];
        for (int f = 0; f < stateDimension; f++) {
            row[f] = Double.isNaN(state[f]) ? featureMeans[f] : state[f];
        }
        System.arraycopy(action, 0, row, stateDimension, actionDimension);
        return scaler.transform(row);
    }

    private static double[] imputedRow(ContinuousStates states, int t, double[] means) {
        double[] row = new double[means.length];
        for (int f = 0; f < means.length; f++) {
            double value = states.value(t, f);
            row[f] = Double.isNaN(value) ? means[f] : value;
        }
        return row;
    }
}
