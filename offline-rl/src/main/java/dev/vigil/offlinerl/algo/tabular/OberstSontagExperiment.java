package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.simulator.sepsis.SepsisAction;
import dev.vigil.offlinerl.simulator.sepsis.SepsisMdp;
import dev.vigil.offlinerl.simulator.sepsis.SepsisObservation;
import dev.vigil.offlinerl.simulator.sepsis.SepsisSimulator;
import dev.vigil.offlinerl.simulator.sepsis.SepsisState;
import dev.vigil.offlinerl.tabular.PolicyEvaluation;
import dev.vigil.offlinerl.tabular.SimulationConfig;
import dev.vigil.offlinerl.tabular.TabularMdp;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import dev.vigil.offlinerl.tabular.TrajectorySimulator;
import dev.vigil.offlinerl.tabular.TransitionRow;
import dev.vigil.offlinerl.tabular.ValueIteration;
import dev.vigil.offlinerl.tabular.ValueIterationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ground truth for the tabular algorithms on the Oberst &amp; Sontag sepsis simulator (methods.md section 4):
 * behaviour = the full MDP's optimal policy softened with epsilon 0.05; data simulated on the full MDP, given
 * a safety cost of 1 per step with low SpO2 (OGSRL's first rule), then diabetes hidden (720 observed states);
 * BC, CQL and OGSRL trained on it; each learned policy lifted to the full MDP and evaluated exactly under the
 * reporting objective (horizon 20, discount 1), with the share of its exact occupancy inside the data support.
 *
 * <p>Run: {@code java -cp <offline-rl classpath> dev.vigil.offlinerl.algo.tabular.OberstSontagExperiment
 * [episodes=10000] [seeds=5]}.
 */
public final class OberstSontagExperiment {

    /** The published behaviour softening. */
    public static final double BEHAVIOUR_EPSILON = 0.05;

    /**
     * The MDPs and reference policies, built once (about a second).
     *
     * @param reporting the full MDP under the reporting objective (horizon 20, discount 1)
     * @param costs the same dynamics with reward = the step's safety cost, for the true expected cost
     * @param optimal the full MDP's optimal policy under the planning objective (discount 0.99)
     * @param behaviour {@code optimal} softened with {@link #BEHAVIOUR_EPSILON}
     */
    public record Setup(TabularMdp reporting, TabularMdp costs, TabularPolicy optimal, TabularPolicy behaviour) {

        public static Setup create() {
            TabularMdp planning = SepsisMdp.build(SepsisMdp.planningObjective());
            TabularPolicy optimal = new ValueIteration(ValueIterationConfig.defaults()).solve(planning)
                    .policy(SepsisAction.COUNT);
            TabularMdp reporting = planning.withObjective(SepsisMdp.reportingObjective());
            return new Setup(reporting, costMdp(reporting), optimal, optimal.soften(BEHAVIOUR_EPSILON));
        }

        /** The exact expected return of a full-MDP policy. */
        public double value(TabularPolicy full) {
            return PolicyEvaluation.evaluate(reporting, full).expectedReturn();
        }

        /** The exact expected undiscounted safety cost per episode of a full-MDP policy. */
        public double cost(TabularPolicy full) {
            return PolicyEvaluation.evaluate(costs, full).expectedReturn();
        }
    }

    /**
     * True values of one run.
     *
     * @param ogsrl OGSRL with the paper's guardian threshold (5th percentile of the steps' pair counts)
     * @param ogsrlStrict OGSRL with {@link #STRICT_PERCENTILE}
     * @param ogsrlSupportShare share of OGSRL's exact occupancy (20 steps, true dynamics) on pairs in the data's
     *     support: logged at least minCount (6) times
     * @param ogsrlStrictGuardedShare the same share on pairs above the strict guardian's own threshold
     */
    public record Result(long seed, int episodes, double behaviour, double optimal, double bc, double cql, double ogsrl,
            double ogsrlSupportShare, double ogsrlCost, double ogsrlStrict, double ogsrlStrictSupportShare,
            double ogsrlStrictGuardedShare, double ogsrlStrictCost, double behaviourCost,
            TrainedPolicy ogsrlStrictPolicy) {
    }

    /**
     * The stricter guardian percentile the end-to-end test uses: with diabetes hidden, the empirical model is
     * over-optimistic on pairs logged a few dozen times, and the paper's 5th percentile lets the planner
     * exploit that on some seeds (see docs/algorithms.md).
     */
    public static final double STRICT_PERCENTILE = 20;

    private OberstSontagExperiment() {
    }

    /** 1 when SpO2 is low in full state s, the cost of the step taken there. */
    static double spo2LowCost(int fullState) {
        return SepsisState.fromFullIndex(fullState).oxygen() == SepsisState.LOW ? 1 : 0;
    }

    private static TabularMdp costMdp(TabularMdp reporting) {
        int states = reporting.stateCount();
        TransitionRow[][] rows = new TransitionRow[states][];
        boolean[] absorbing = new boolean[states];
        for (int s = 0; s < states; s++) {
            absorbing[s] = reporting.isAbsorbing(s);
            if (absorbing[s]) {
                continue;
            }
            rows[s] = new TransitionRow[reporting.actionCount()];
            for (int a = 0; a < reporting.actionCount(); a++) {
                TransitionRow row = reporting.row(s, a);
                double[] cost = new double[row.size()];
                java.util.Arrays.fill(cost, spo2LowCost(s));
                rows[s][a] = new TransitionRow(row.nextStates(), row.probabilities(), cost);
            }
        }
        return new TabularMdp(states, reporting.actionCount(), rows, reporting.initialDistribution(), absorbing,
                reporting.objective());
    }

    /** Behaviour data with SpO2 costs and diabetes hidden: 720 observed states, 8 actions. */
    public static TrajectoryDataset simulate(Setup setup, int episodes, long seed) {
        TrajectoryDataset full = TrajectorySimulator.simulate(setup.reporting(), setup.behaviour(),
                new SimulationConfig("sepsis-os-" + seed, episodes, SepsisSimulator.HORIZON, seed)).dataset();
        List<Episode> withCosts = new ArrayList<>(full.episodes().size());
        for (Episode e : full.episodes()) {
            DiscreteStates states = (DiscreteStates) e.states();
            double[] costs = new double[e.steps()];
            for (int t = 0; t < costs.length; t++) {
                costs[t] = spo2LowCost(states.id(t));
            }
            withCosts.add(new Episode(e.id(), e.states(), e.actions(), e.rewards(), costs, e.outcome(), e.provenance(),
                    e.imaging()));
        }
        DatasetSchema s = full.schema();
        DatasetSchema schema = new DatasetSchema(s.name(), s.stateType(), s.features(), s.actionType(), s.actions(),
                true, true, s.cohortSpecId(), s.cohortSpecVersion(), s.blocLength());
        return SepsisObservation.hideDiabetes(new TrajectoryDataset(schema, withCosts));
    }

    /**
     * OGSRL's defaults with the given guardian percentile, horizon 20 with cut-off, and the cost budget 0.5 (the
     * released code's limit) on the SpO2-low cost.
     */
    public static OgsrlConfig ogsrlConfig(long seed, double densityPercentile) {
        OgsrlConfig d = OgsrlConfig.defaults();
        return new OgsrlConfig(d.minCount(), densityPercentile, d.mode(), d.oodPenalty(), d.oodShareLimit(), 0.5, d.discount(),
                SepsisSimulator.HORIZON, true, d.bisectionSteps(), d.maxLambda(), d.oodMultiplierSteps(),
                "sepsis-os.spo2-low@1", seed);
    }

    /** One run: simulate, train BC, CQL and OGSRL, evaluate exactly. */
    public static Result run(Setup setup, int episodes, long seed) {
        TrajectoryDataset data = simulate(setup, episodes, seed);
        TrainedPolicy bc = new BehaviourCloning().fit(data, new BcConfig(0, seed), TrainingListener.NONE);
        CqlConfig cqlDefaults = CqlConfig.defaults();
        TrainedPolicy cql = new DiscreteCql().fit(data, new CqlConfig(cqlDefaults.alpha(), cqlDefaults.discount(),
                cqlDefaults.learningRate(), cqlDefaults.iterations(), PolicyForm.GREEDY, 1, SepsisSimulator.HORIZON,
                seed), TrainingListener.NONE);
        int[][] counts = DataSupport.counts(data);
        Guarded paper = guarded(setup, data, counts, ogsrlConfig(seed, OgsrlConfig.defaults().densityPercentile()));
        Guarded strict = guarded(setup, data, counts, ogsrlConfig(seed, STRICT_PERCENTILE));
        return new Result(seed, episodes, setup.value(setup.behaviour()), setup.value(setup.optimal()),
                setup.value(lift(bc)), setup.value(lift(cql)), paper.value(), paper.supportShare(), paper.cost(),
                strict.value(), strict.supportShare(), strict.guardedShare(), strict.cost(), setup.cost(setup.behaviour()),
                strict.policy());
    }

    private record Guarded(TrainedPolicy policy, double value, double supportShare, double guardedShare, double cost) {
    }

    private static Guarded guarded(Setup setup, TrajectoryDataset data, int[][] counts, OgsrlConfig config) {
        TrainedPolicy policy = new TabularOgsrl().fit(data, config, TrainingListener.NONE);
        TabularPolicy full = lift(policy);
        double[][] occupancy = DataSupport.occupancy(setup.reporting(), full, SepsisSimulator.HORIZON);
        java.util.function.IntUnaryOperator observe = s -> s < SepsisState.FULL_COUNT ? SepsisObservation.observe(s) : -1;
        double support = DataSupport.inSupportShare(occupancy, observe, counts, config.minCount());
        double guarded = DataSupport.inSupportShare(occupancy, observe, counts,
                policy.report().summary().get("supportThreshold"));
        return new Guarded(policy, setup.value(full), support, guarded, setup.cost(full));
    }

    /** A learned 720-state policy as a policy on the full MDP. */
    public static TabularPolicy lift(TrainedPolicy observed) {
        double[][] p = new double[observed.stateCount()][];
        for (int s = 0; s < p.length; s++) {
            p[s] = observed.actionProbabilities(s);
        }
        return SepsisObservation.lift(new TabularPolicy(p));
    }

    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long start = System.nanoTime();
        Setup setup = Setup.create();
        List<Result> results = new ArrayList<>();
        System.out.printf(Locale.ROOT, "Oberst & Sontag, %d episodes per seed, behaviour = optimal softened with %.2f,"
                + " diabetes hidden; exact values (horizon 20, discount 1)%n", episodes, BEHAVIOUR_EPSILON);
        System.out.printf(Locale.ROOT, "%5s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n", "seed", "behaviour",
                "optimal", "bc", "cql", "ogsrl-p5", "supp-p5", "cost-p5", "ogsrl-p20", "supp-p20", "guard-p20",
                "cost-p20", "behavCost");
        for (long seed = 1; seed <= seeds; seed++) {
            Result r = run(setup, episodes, seed);
            results.add(r);
            System.out.printf(Locale.ROOT,
                    "%5d %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f%n", seed, r.behaviour(),
                    r.optimal(), r.bc(), r.cql(), r.ogsrl(), r.ogsrlSupportShare(), r.ogsrlCost(), r.ogsrlStrict(),
                    r.ogsrlStrictSupportShare(), r.ogsrlStrictGuardedShare(), r.ogsrlStrictCost(), r.behaviourCost());
        }
        System.out.println("mean (sd) over seeds:");
        System.out.println("  true value: behaviour " + stats(results, Result::behaviour) + ", optimal "
                + stats(results, Result::optimal) + ", bc " + stats(results, Result::bc) + ", cql "
                + stats(results, Result::cql) + ", ogsrl-p5 " + stats(results, Result::ogsrl) + ", ogsrl-p20 "
                + stats(results, Result::ogsrlStrict));
        System.out.println("  ogsrl / optimal: p5 " + stats(results, r -> r.ogsrl() / r.optimal()) + ", p20 "
                + stats(results, r -> r.ogsrlStrict() / r.optimal()));
        System.out.println("  share of visits in the data support (pairs logged >= 6 times): p5 "
                + stats(results, Result::ogsrlSupportShare) + ", p20 " + stats(results, Result::ogsrlStrictSupportShare)
                + "; above the p20 guardian's own threshold: " + stats(results, Result::ogsrlStrictGuardedShare));
        System.out.println("  true cost per episode (budget 0.5): behaviour " + stats(results, Result::behaviourCost)
                + ", p5 " + stats(results, Result::ogsrlCost) + ", p20 " + stats(results, Result::ogsrlStrictCost));
        System.out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static String stats(List<Result> results, java.util.function.ToDoubleFunction<Result> f) {
        double mean = results.stream().mapToDouble(f).average().orElse(Double.NaN);
        double var = results.stream().mapToDouble(r -> Math.pow(f.applyAsDouble(r) - mean, 2)).sum()
                / Math.max(1, results.size() - 1);
        return String.format(Locale.ROOT, "%.4f (%.4f)", mean, Math.sqrt(var));
    }
}
