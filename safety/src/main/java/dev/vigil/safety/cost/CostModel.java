package dev.vigil.safety.cost;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule set compiled against one dataset schema: names resolved to column indexes and units checked once,
 * so evaluating a step is a few array reads and comparisons.
 *
 * <p>Costs are non-negative: a violated rule costs its weight per step, anything else costs 0. Inputs are
 * in the dataset's canonical units; a NaN value is missing. A value that ingestion carried forward from an
 * earlier bloc (within the cohort's max hold) is a value, as it is for every other consumer of the dataset.
 */
public final class CostModel {

    private final RuleSet ruleSet;
    private final RuleSetRef ref;
    private final DatasetSchema schema;
    private final List<String> ruleIds;
    private final double[] weights;
    private final CompiledCondition[] conditions;
    private final List<String> uncheckedUnits;

    private CostModel(RuleSet ruleSet, DatasetSchema schema, CompiledCondition[] conditions,
            List<String> uncheckedUnits) {
        this.ruleSet = ruleSet;
        this.ref = ruleSet.ref();
        this.schema = schema;
        this.ruleIds = ruleSet.ruleIds();
        this.weights = ruleSet.rules().stream().mapToDouble(Rule::weight).toArray();
        this.conditions = conditions;
        this.uncheckedUnits = List.copyOf(uncheckedUnits);
    }

    /**
     * Compiles {@code ruleSet} for datasets of {@code schema}.
     *
     * @throws IllegalArgumentException naming the rule and the name when a rule reads a feature or action the
     *     schema does not have (listing those it has), or when the schema states a unit other than the rule
     *     set's
     */
    public static CostModel compile(RuleSet ruleSet, DatasetSchema schema) {
        if (ruleSet == null || schema == null) {
            throw new IllegalArgumentException("A cost model needs a rule set and the dataset schema it will read");
        }
        Set<String> unchecked = new LinkedHashSet<>();
        CompiledCondition[] compiled = new CompiledCondition[ruleSet.rules().size()];
        for (int r = 0; r < compiled.length; r++) {
            Rule rule = ruleSet.rules().get(r);
            SchemaNames names = new SchemaNames(ruleSet, rule, schema, unchecked);
            compiled[r] = names.compile(rule.condition());
        }
        return new CostModel(ruleSet, schema, compiled, new ArrayList<>(unchecked));
    }

    /** The rule set compiled. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** Id, version and hash of the rule set: what every cost of this model names. */
    public RuleSetRef ruleSetRef() {
        return ref;
    }

    /** The schema the model reads. */
    public DatasetSchema schema() {
        return schema;
    }

    /** Rule ids in the order of every per-rule array. */
    public List<String> ruleIds() {
        return ruleIds;
    }

    /**
     * Variables whose unit the schema does not state (e.g. a CSV import without units), so the rule set's
     * unit could not be checked; a report should say so.
     */
    public List<String> uncheckedUnits() {
        return uncheckedUnits;
    }

    /**
     * The cost of one step.
     *
     * @param previousState the previous step's features, shape (features), or null at the first step
     * @param state shape (features), canonical units, NaN = missing
     * @param action shape (actions), canonical units, NaN = missing
     * @throws IllegalArgumentException when a vector's length does not match the schema
     */
    public StepCost evaluate(double[] previousState, double[] state, double[] action) {
        checkShapes(previousState, state, action);
        RuleStatus[] statuses = new RuleStatus[conditions.length];
        double[] costs = new double[conditions.length];
        for (int r = 0; r < conditions.length; r++) {
            statuses[r] = conditions[r].test(previousState, state, action);
            costs[r] = statuses[r] == RuleStatus.VIOLATED ? weights[r] : 0.0;
        }
        return new StepCost(ref, ruleIds, costs, statuses);
    }

    /**
     * Only the total cost of one step, without allocating: for the inner loops of model rollouts. Same
     * arguments and result as {@code evaluate(...).total()}.
     */
    public double totalCost(double[] previousState, double[] state, double[] action) {
        checkShapes(previousState, state, action);
        double total = 0;
        for (int r = 0; r < conditions.length; r++) {
            if (conditions[r].test(previousState, state, action) == RuleStatus.VIOLATED) {
                total += weights[r];
            }
        }
        return total;
    }

    /**
     * The costs of every step of {@code episode}; step {@code t > 0} sees step {@code t - 1} as its previous
     * state.
     *
     * @throws IllegalArgumentException when the episode does not have this model's shape of states and actions
     */
    public EpisodeCosts evaluate(Episode episode) {
        return evaluate(episode, actionRows(episode));
    }

    /**
     * The costs of the episode's states had {@code actions} been taken at each step instead of the logged ones:
     * what a safety report charges a policy's recommendations with on logged data. Rules over states alone give
     * the same result as for the logged actions (the states are the logged ones).
     *
     * @param actions {@code double[steps][actionWidth]} in the dataset's action units and order
     * @throws IllegalArgumentException when the shapes do not match the episode and this model
     */
    public EpisodeCosts evaluate(Episode episode, double[][] actions) {
        double[][] states = stateRows(episode);
        int steps = episode.steps();
        if (actions.length != steps) {
            throw new IllegalArgumentException("Episode " + episode.id() + " has " + steps + " steps but "
                    + actions.length + " actions were given");
        }
        for (int t = 0; t < steps; t++) {
            if (actions[t] == null || actions[t].length != schema.actions().size()) {
                throw new IllegalArgumentException("Episode " + episode.id() + " step " + t + ": an action needs "
                        + schema.actions().size() + " values, one per action column of the dataset");
            }
        }
        double[] stepCosts = new double[steps];
        int[] stepViolations = new int[steps];
        int[] ruleViolations = new int[conditions.length];
        int[] ruleNotEvaluable = new int[conditions.length];
        for (int t = 0; t < steps; t++) {
            double[] previous = t == 0 ? null : states[t - 1];
            for (int r = 0; r < conditions.length; r++) {
                RuleStatus status = conditions[r].test(previous, states[t], actions[t]);
                if (status == RuleStatus.VIOLATED) {
                    stepCosts[t] += weights[r];
                    stepViolations[t]++;
                    ruleViolations[r]++;
                } else if (status == RuleStatus.NOT_EVALUABLE) {
                    ruleNotEvaluable[r]++;
                }
            }
        }
        return new EpisodeCosts(ref, episode.id(), ruleIds, stepCosts, stepViolations, ruleViolations,
                ruleNotEvaluable);
    }

    /** The weight of each rule, in {@link #ruleIds()} order. */
    public double[] weights() {
        return weights.clone();
    }

    private void checkShapes(double[] previousState, double[] state, double[] action) {
        int features = schema.features().size();
        int actions = schema.actions().size();
        if (state == null || state.length != features) {
            throw new IllegalArgumentException("The state has " + (state == null ? "no" : state.length) + " values; "
                    + "schema '" + schema.name() + "' has " + features + " features (use NaN for a missing value)");
        }
        if (previousState != null && previousState.length != features) {
            throw new IllegalArgumentException("The previous state has " + previousState.length + " values; schema '"
                    + schema.name() + "' has " + features + " features (pass null at an episode's first step)");
        }
        if (action == null || action.length != actions) {
            throw new IllegalArgumentException("The action has " + (action == null ? "no" : action.length)
                    + " values; schema '" + schema.name() + "' has " + actions + " actions");
        }
    }

    private double[][] stateRows(Episode episode) {
        int features = schema.features().size();
        if (episode.states() instanceof ContinuousStates states && states.width() == features) {
            return states.values();
        }
        if (features == 0) {
            return new double[episode.steps()][0];
        }
        throw new IllegalArgumentException("Episode " + episode.id() + " does not have the " + features
                + " continuous features of schema '" + schema.name() + "'; compile a cost model for the episode's "
                + "own dataset schema");
    }

    private double[][] actionRows(Episode episode) {
        int actions = schema.actions().size();
        if (episode.actions() instanceof ContinuousActions values && values.width() == actions) {
            return values.values();
        }
        if (actions == 0) {
            return new double[episode.steps()][0];
        }
        throw new IllegalArgumentException("Episode " + episode.id() + " does not have the " + actions
                + " continuous actions of schema '" + schema.name() + "'; compile a cost model for the episode's "
                + "own dataset schema");
    }

    /** Resolves the names one rule reads against the schema, checking kinds and units. */
    private static final class SchemaNames {
        private final RuleSet ruleSet;
        private final Rule rule;
        private final DatasetSchema schema;
        private final Set<String> unchecked;

        SchemaNames(RuleSet ruleSet, Rule rule, DatasetSchema schema, Set<String> unchecked) {
            this.ruleSet = ruleSet;
            this.rule = rule;
            this.schema = schema;
            this.unchecked = unchecked;
        }

        CompiledCondition compile(Condition condition) {
            if (condition instanceof Condition.All all) {
                return CompiledCondition.all(all.conditions().stream().map(this::compile).toList());
            }
            if (condition instanceof Condition.Any any) {
                return CompiledCondition.any(any.conditions().stream().map(this::compile).toList());
            }
            Condition.Comparison comparison = (Condition.Comparison) condition;
            return CompiledCondition.comparison(value(comparison.operand()), comparison.op(), comparison.value());
        }

        private CompiledCondition.Value value(Operand operand) {
            if (operand instanceof Operand.Feature feature) {
                return CompiledCondition.feature(featureIndex(feature.name(), "feature"));
            }
            if (operand instanceof Operand.Action action) {
                return CompiledCondition.action(actionIndex(action.name(), "action"));
            }
            if (operand instanceof Operand.Change change) {
                return CompiledCondition.change(featureIndex(change.feature(), "change of feature"));
            }
            Operand.Ratio ratio = (Operand.Ratio) operand;
            return CompiledCondition.ratio(either(ratio.numerator()), either(ratio.denominator()));
        }

        private CompiledCondition.Value either(String name) {
            if (indexOf(schema.features(), name) >= 0) {
                return CompiledCondition.feature(featureIndex(name, "ratio term"));
            }
            if (indexOf(schema.actions(), name) >= 0) {
                return CompiledCondition.action(actionIndex(name, "ratio term"));
            }
            throw missing("ratio term", name);
        }

        private int featureIndex(String name, String what) {
            int index = indexOf(schema.features(), name);
            if (index < 0) {
                if (indexOf(schema.actions(), name) >= 0) {
                    throw new IllegalArgumentException("Rule " + rule.id() + " reads " + what + " '" + name + "', but "
                            + "in dataset schema '" + schema.name() + "' '" + name + "' is an action: write "
                            + "'action: " + name + "' in the rule");
                }
                throw missing(what, name);
            }
            checkUnit(schema.features().get(index));
            return index;
        }

        private int actionIndex(String name, String what) {
            int index = indexOf(schema.actions(), name);
            if (index < 0) {
                if (indexOf(schema.features(), name) >= 0) {
                    throw new IllegalArgumentException("Rule " + rule.id() + " reads " + what + " '" + name + "', but "
                            + "in dataset schema '" + schema.name() + "' '" + name + "' is a state feature: write "
                            + "'feature: " + name + "' in the rule");
                }
                throw missing(what, name);
            }
            checkUnit(schema.actions().get(index));
            return index;
        }

        private void checkUnit(Variable variable) {
            String expected = ruleSet.units().get(variable.name());
            if (variable.unit().isEmpty()) {
                unchecked.add(variable.name());
            } else if (!variable.unit().equals(expected)) {
                throw new IllegalArgumentException("Rule " + rule.id() + " of rule set " + ruleSet.id() + " "
                        + ruleSet.version() + " reads '" + variable.name() + "' in " + expected + ", but dataset "
                        + "schema '" + schema.name() + "' has it in " + variable.unit() + ": convert it to " + expected
                        + " in the cohort specification (ingestion converts units; the cost model never does)");
            }
        }

        private IllegalArgumentException missing(String what, String name) {
            return new IllegalArgumentException("Rule " + rule.id() + " reads " + what + " '" + name + "', which "
                    + "dataset schema '" + schema.name() + "' does not have. Its features are: "
                    + list(schema.features(), schema.stateType().isDiscrete() ? "none (discrete state ids)" : "none")
                    + "; its actions are: "
                    + list(schema.actions(), schema.actionType().isDiscrete() ? "none (discrete action ids)" : "none")
                    + ". Rename the variable in the rule set or in the cohort specification");
        }

        private static String list(List<Variable> variables, String empty) {
            return variables.isEmpty() ? empty : String.join(", ", variables.stream().map(Variable::name).toList());
        }

        private static int indexOf(List<Variable> variables, String name) {
            for (int i = 0; i < variables.size(); i++) {
                if (variables.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    @Override
    public String toString() {
        return "CostModel[" + ref + " for " + schema.name() + ", rules " + Arrays.toString(ruleIds.toArray()) + "]";
    }
}
