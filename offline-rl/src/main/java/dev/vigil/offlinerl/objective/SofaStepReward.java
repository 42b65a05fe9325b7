package dev.vigil.offlinerl.objective;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.ingestion.synth.sepsis.SepsisFeature;
import dev.vigil.ingestion.synth.sepsis.SepsisObservation;
import dev.vigil.ingestion.synth.sepsis.SepsisReward;
import java.util.Arrays;
import java.util.List;

/**
 * OGSRL's reward (methods.md section 1) computed from a dataset's canonical feature columns, with the score tables of
 * the synthetic simulator's {@link SepsisReward} (not a copy: the features named here are put into an observation
 * vector and {@link SepsisReward#sofa} scores it), so that the learners optimise what the simulator's true return
 * measures.
 *
 * <p>Per logged step t of an episode of T steps, within a window of H blocs (H = the longest episode of the data):
 * <ul>
 *   <li>t &lt; T - 1: {@code -clip(SOFA(s_{t+1}, vasopressor_t), 2.5, 12.5)}, the score of the bloc the action led
 *       to with the dose that ran during it, exactly as the simulator;</li>
 *   <li>the last step of an episode that ended by death inside the window (outcome event and T &lt; H): the
 *       simulator's death padding, {@code -12.5 x (H - t)};</li>
 *   <li>the last step otherwise: the next bloc is not in the data, so its score is approximated by the last
 *       charted bloc's, {@code -clip(SOFA(s_t, vasopressor_t))} (the simulator scores the unseen bloc after it);</li>
 *   <li>plus the terminal outcome reward on the last step (survival / death; +1 / -1 in the paper), when the
 *       outcome is known.</li>
 * </ul>
 * A missing feature value (NaN) scores 0 in its organ system, the usual SOFA convention for an unmeasured organ.
 */
public final class SofaStepReward {

    /** The features the score reads, by their {@code icu-sepsis} names and canonical units. */
    public static final List<SepsisFeature> FEATURES = List.of(SepsisFeature.PF_RATIO, SepsisFeature.PLATELETS,
            SepsisFeature.BILIRUBIN, SepsisFeature.MAP, SepsisFeature.GCS, SepsisFeature.CREATININE,
            SepsisFeature.URINE_OUTPUT);
    /** The action whose dose enters the cardiovascular component (norepinephrine-equivalent ug/kg/min). */
    public static final String VASOPRESSOR = "vasopressor";
    /** Its canonical unit. */
    public static final String VASOPRESSOR_UNIT = "ug/kg/min";

    private final int[] column;
    private final int vasopressor;

    private SofaStepReward(int[] column, int vasopressor) {
        this.column = column;
        this.vasopressor = vasopressor;
    }

    /**
     * Maps the score's inputs to the schema's columns by name.
     *
     * @throws IllegalArgumentException naming the first missing column, or one in another unit
     */
    public static SofaStepReward forSchema(DatasetSchema schema) {
        List<Variable> features = schema.features();
        int[] column = new int[FEATURES.size()];
        for (int i = 0; i < column.length; i++) {
            SepsisFeature f = FEATURES.get(i);
            column[i] = find(features, f.featureName(), f.unit(), schema.name(), "feature");
        }
        int vaso = find(schema.actions(), VASOPRESSOR, VASOPRESSOR_UNIT, schema.name(), "action");
        return new SofaStepReward(column, vaso);
    }

    /** Whether {@link #forSchema} would succeed. */
    public static boolean fits(DatasetSchema schema) {
        try {
            forSchema(schema);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int find(List<Variable> variables, String name, String unit, String dataset, String kind) {
        for (int i = 0; i < variables.size(); i++) {
            Variable v = variables.get(i);
            if (v.name().equals(name)) {
                if (v.unit() != null && !v.unit().isBlank() && !v.unit().equals(unit)) {
                    throw new IllegalArgumentException("Dataset " + dataset + ": " + kind + " column '" + name
                            + "' is in '" + v.unit() + "'; the SOFA reward reads it in '" + unit + "'");
                }
                return i;
            }
        }
        throw new IllegalArgumentException("Dataset " + dataset + " has no " + kind + " column '" + name + "' (unit "
                + unit + "), which the SOFA reward (reward: sofa) needs; it has " + variables.stream()
                .map(Variable::name).toList() + ". Use reward: outcome for data without it");
    }

    /**
     * The reward of each further bloc once an episode has ended at its last logged step: {@code -12.5} after a death
     * in the window (the simulator's padding), else the last bloc's own step reward (the patient is taken to stay as
     * last charted).
     */
    public double frozenReward(Episode episode, int horizon) {
        double[][] s = ((ContinuousStates) episode.states()).values();
        double[][] a = ((ContinuousActions) episode.actions()).values();
        int last = episode.steps() - 1;
        boolean died = episode.outcome() != null && episode.outcome().event();
        return died && episode.steps() < horizon ? SepsisReward.WORST_STEP : step(s[last], a[last]);
    }

    /** The SOFA-like score (0..24) of a state (dataset feature order) with an action's vasopressor dose running. */
    public int sofa(double[] state, double[] action) {
        double[] values = new double[SepsisFeature.COUNT];
        Arrays.fill(values, Double.NaN);
        for (int i = 0; i < column.length; i++) {
            values[FEATURES.get(i).index()] = state[column[i]];
        }
        double dose = action[vasopressor];
        return SepsisReward.sofa(new SepsisObservation(values), Double.isNaN(dose) ? 0 : dose);
    }

    /** {@code -clip(SOFA(state, dose), 2.5, 12.5)}. */
    public double step(double[] state, double[] action) {
        return Math.max(SepsisReward.WORST_STEP, Math.min(SepsisReward.BEST_STEP, -sofa(state, action)));
    }

    /**
     * The rewards of every step of a continuous episode (see the class comment).
     *
     * @param horizon the window in blocs (H), at least the episode's length
     * @param survivalReward terminal reward of a survivor
     * @param deathReward terminal reward of a death
     */
    public double[] episodeRewards(Episode episode, int horizon, double survivalReward, double deathReward) {
        return episodeRewards(episode, horizon, survivalReward, deathReward, true);
    }

    /**
     * The rewards of every step, with or without the death padding.
     *
     * @param padDeath true: the bloc of a death in the window scores {@code -12.5 x (H - t)} (the logged episode,
     *     as the simulator); false: it scores -12.5 once, for rollouts that charge the remainder as they go
     *     ({@link #frozenReward})
     */
    public double[] episodeRewards(Episode episode, int horizon, double survivalReward, double deathReward,
            boolean padDeath) {
        if (!(episode.states() instanceof ContinuousStates cs) || !(episode.actions() instanceof ContinuousActions ca)) {
            throw new IllegalArgumentException("Episode " + episode.id() + ": the SOFA reward needs continuous "
                    + "states and doses");
        }
        int steps = episode.steps();
        if (horizon < steps) {
            throw new IllegalArgumentException("Episode " + episode.id() + " has " + steps + " steps, more than the "
                    + "window of " + horizon + " blocs");
        }
        double[][] s = cs.values();
        double[][] a = ca.values();
        double[] r = new double[steps];
        for (int t = 0; t < steps - 1; t++) {
            r[t] = step(s[t + 1], a[t]);
        }
        int last = steps - 1;
        boolean died = episode.outcome() != null && episode.outcome().event();
        if (died && steps < horizon) {
            r[last] = padDeath ? SepsisReward.deathPadding(horizon - last) : SepsisReward.WORST_STEP;
        } else {
            r[last] = step(s[last], a[last]);
        }
        if (episode.outcome() != null) {
            r[last] += died ? deathReward : survivalReward;
        }
        return r;
    }
}
