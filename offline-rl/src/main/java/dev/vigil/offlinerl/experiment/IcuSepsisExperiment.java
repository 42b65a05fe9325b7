package dev.vigil.offlinerl.experiment;

import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.ingestion.fhir.BulkNdjsonSource;
import dev.vigil.ingestion.pipeline.IngestionPipeline;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import dev.vigil.ingestion.synth.sepsis.PolicyInput;
import dev.vigil.ingestion.synth.sepsis.PolicyValue;
import dev.vigil.ingestion.synth.sepsis.SepsisAction;
import dev.vigil.ingestion.synth.sepsis.SepsisFeature;
import dev.vigil.ingestion.synth.sepsis.SepsisPolicies;
import dev.vigil.ingestion.synth.sepsis.SepsisPolicy;
import dev.vigil.ingestion.synth.sepsis.TrueValueEvaluator;
import dev.vigil.ingestion.units.UnitConverter;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.algo.continuous.ModelBasedOptimizer;
import dev.vigil.offlinerl.algo.tabular.GuardMode;
import dev.vigil.offlinerl.algo.tabular.OgsrlConfig;
import dev.vigil.offlinerl.discretise.DiscretisedOgsrl;
import dev.vigil.offlinerl.discretise.DiscretisedOgsrlConfig;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.offlinerl.objective.CostRuleSets;
import dev.vigil.offlinerl.objective.TrainingRewards;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The synthetic ICU sepsis comparison with true values (issue 4): per seed, a synthetic cohort is generated
 * ({@link SepsisCohortGenerator}), ingested with the real pipeline through the {@code icu-sepsis} cohort, and
 * guarded OGSRL, unguarded OGSRL and behaviour cloning are trained on one AI-Clinician discretisation; every
 * policy, and the simulated clinician, is then rolled out through the simulator's <b>true</b> dynamics
 * ({@link TrueValueEvaluator}) on patients other than the training cohort's.
 *
 * <p>Measured per policy: true mean return and 90-day mortality (95 % intervals), the OOD rate (share of the
 * rollouts' decisions whose (state cluster, dose-bin id) pair was logged fewer times than the guarded OGSRL's
 * support threshold, {@code max(minCount, density percentile)}), and the true cost per episode: the shipped
 * {@code sepsis-bedside} rule set (six rules, the costs OGSRL trained on) applied to the simulated observation and
 * the chosen doses of each decision, plus OGSRL's own two rules (SpO2 &lt; 92 %, cumulative urine &lt; 2 mL/kg)
 * for reference, both against the budget {@link CostBudget#OGSRL_LIMIT}.
 *
 * <p>Run: {@code IcuSepsisExperiment [patients=2000] [seeds=1..5] [out=icu-sepsis-results.md] [evalEpisodes=patients]}.
 */
public final class IcuSepsisExperiment {

    /** Decisions per rollout: the simulator's 18 blocs, as in the cohort. */
    public static final int HORIZON = 18;
    /** The cohort's behaviour policy: the clinician with 10 % unsafe choices (SepsisCohortConfig.of). */
    public static final double UNSAFE_RATE = 0.10;
    /** Rollouts of seed s use evaluation seed {@code EVAL_SEED_OFFSET + s}: other patients than the cohort's. */
    public static final long EVAL_SEED_OFFSET = 1_000_000;

    private IcuSepsisExperiment() {
    }

    /** One policy's figures in one seed. */
    /**
     * @param oodRate share of decisions whose (cluster, dose id) pair the guarded fit counts as unsupported
     * @param kdeOodRate share of decisions the continuous experiment's KDE guardian flags (the same measure as
     *     {@link ContinuousIcuExperiment}'s OOD rate, so that the two tables compare)
     */
    public record PolicyResult(String name, PolicyValue value, double oodRate, double oodPairShare,
            double meanCost, double meanCostOgsrlRules, double withinBudgetShare, long decisions, double kdeOodRate) {
    }

    /** One seed's figures. */
    public record SeedResult(long seed, int patients, long steps, int clusters, int actionIds,
            double supportThreshold, double supportThresholdP20, double dataCostPerEpisode, Map<String, Double> fitSummaryGuarded,
            List<PolicyResult> policies) {

        public PolicyResult policy(String name) {
            return policies.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no policy " + name));
        }
    }

    /** Names of the policies, in table order. */
    public static final String CLINICIAN = "clinician";
    public static final String BC = "bc";
    public static final String GUARDED = "ogsrl-guarded";
    public static final String GUARDED_P20 = "ogsrl-guarded-p20";
    public static final String UNGUARDED = "ogsrl-unguarded";

    /** The training reward: {@code -Dicu.reward} ({@code outcome} by default, or {@code sofa}). */
    static String reward() {
        return System.getProperty("icu.reward", TrainingRewards.OUTCOME);
    }

    /** The training cost rule set: {@code -Dicu.costRuleSet} ({@code sepsis-bedside} by default). */
    static String costRuleSet() {
        return System.getProperty("icu.costRuleSet", DiscretisedOgsrlConfig.defaults().costRuleSet());
    }

    /**
     * The tabular planner's horizon H: {@code -Dicu.planningHorizon} (default the tabular default, 20). The cohort's
     * window is {@link #HORIZON} (18) blocs: with H = 18 a survivor's last logged step, at decision 17, is censored
     * instead of read as an ending, so that the empirical model does not see an exit in every cluster.
     */
    static int planningHorizon() {
        return Integer.getInteger("icu.planningHorizon", OgsrlConfig.defaults().horizon());
    }

    /**
     * The cost budget the tabular planner plans with: {@code -Dicu.planningBudget} (default the target's,
     * {@link CostBudget#OGSRL_LIMIT}). The targets are always checked against {@link CostBudget#OGSRL_LIMIT} in
     * truth; a lower planning budget is a safety margin against the empirical model's optimism about cost.
     */
    static double planningBudget() {
        return Double.parseDouble(System.getProperty("icu.planningBudget", Double.toString(CostBudget.OGSRL_LIMIT)));
    }

    /** Whether the learners trained on OGSRL's two rules, so that the budget is checked on those. */
    static boolean onOgsrlRules() {
        return CostRuleSets.OGSRL_SEPSIS.equals(costRuleSet());
    }

    /** OGSRL's default guard (minCount 6, 5th percentile, forbid) with the cost budget 0.5. */
    public static OgsrlConfig guarded(long seed) {
        OgsrlConfig d = OgsrlConfig.defaults();
        return new OgsrlConfig(d.minCount(), d.densityPercentile(), d.mode(), d.oodPenalty(), d.oodShareLimit(),
                planningBudget(), d.discount(), planningHorizon(), d.cutOffAtHorizon(), d.bisectionSteps(),
                d.maxLambda(), d.oodMultiplierSteps(), d.ruleSetVersion(), seed);
    }

    /** The stricter guardian of the Oberst-Sontag experiment: 20th percentile. */
    public static OgsrlConfig guardedP20(long seed) {
        OgsrlConfig g = guarded(seed);
        return new OgsrlConfig(g.minCount(), 20, g.mode(), g.oodPenalty(), g.oodShareLimit(), g.costBudget(),
                g.discount(), g.horizon(), g.cutOffAtHorizon(), g.bisectionSteps(), g.maxLambda(),
                g.oodMultiplierSteps(), g.ruleSetVersion(), seed);
    }

    /**
     * The guardian switched off as far as {@link OgsrlConfig} allows: minCount 1 (its minimum) and density
     * percentile 0, forbid mode: every pair logged at least once may be chosen (only never-logged pairs, whose
     * outcome the data cannot say anything about, stay out).
     */
    public static OgsrlConfig unguarded(long seed) {
        OgsrlConfig g = guarded(seed);
        return new OgsrlConfig(1, 0, GuardMode.FORBID, g.oodPenalty(), g.oodShareLimit(), g.costBudget(),
                g.discount(), g.horizon(), g.cutOffAtHorizon(), g.bisectionSteps(), g.maxLambda(),
                g.oodMultiplierSteps(), g.ruleSetVersion(), seed);
    }

    /**
     * Runs one seed.
     *
     * @param patients cohort size
     * @param seed cohort seed (also the k-means seed)
     * @param evalEpisodes rollouts per policy (the same patients for every policy)
     * @param clusters k-means clusters, or 0 for {@link DiscretisedOgsrlConfig#forData}'s rule (steps / 100)
     */
    public static SeedResult runSeed(int patients, long seed, int evalEpisodes, int clusters) throws IOException {
        TrajectoryDataset data = ingest(patients, seed);
        long steps = data.totalSteps();

        DiscretisedOgsrlConfig base = DiscretisedOgsrlConfig.forData(guarded(seed), steps).withSeed(seed)
                .withObjective(reward(), costRuleSet());
        if (clusters > 0) {
            base = base.withClusters(clusters);
        }
        DiscretisedPolicy guarded = fit(data, base, guarded(seed));
        DiscretisedPolicy guardedP20 = fit(data, base, guardedP20(seed));
        DiscretisedPolicy unguarded = fit(data, base, unguarded(seed));
        for (DiscretisedPolicy other : List.of(guardedP20, unguarded)) {
            if (!Arrays.deepEquals(other.clusters().centroids(), guarded.clusters().centroids())
                    || !sameBins(other, guarded)) {
                throw new IllegalStateException("the variants must share one discretisation");
            }
        }

        Schema schema = Schema.of(data);
        int[][] counts = counts(data, guarded, schema);
        // The continuous experiment's OOD measure: its KDE guardian over the same cohort's scaled (state, dose).
        ModelBasedOptimizer.Setup continuous = ModelBasedOptimizer.Setup.of(data, ContinuousIcuExperiment.config(1,
                seed));
        KdeOodMeter meter = new KdeOodMeter(continuous.guardian, continuous.dynamics.scaler(),
                continuous.dynamics.featureMeans());
        double threshold = guarded.report().summary().get("supportThreshold");
        CostModel costs = CostModel.compile(RuleSets.sepsisBedside(), data.schema());
        double dataCost = 0;
        for (Episode e : data.episodes()) {
            dataCost += costs.evaluate(e).total();
        }
        dataCost /= data.episodes().size();

        Map<String, SepsisPolicy> policies = new LinkedHashMap<>();
        policies.put(CLINICIAN, SepsisPolicies.clinician(UNSAFE_RATE));
        policies.put(BC, behaviourCloning(guarded, counts, schema));
        policies.put(GUARDED, learned(guarded, schema));
        policies.put(GUARDED_P20, learned(guardedP20, schema));
        policies.put(UNGUARDED, learned(unguarded, schema));

        TrueValueEvaluator evaluator = new TrueValueEvaluator();
        List<PolicyResult> results = new ArrayList<>();
        for (Map.Entry<String, SepsisPolicy> p : policies.entrySet()) {
            Recorder recorder = new Recorder(p.getValue(), guarded, counts, threshold, schema, costs, meter);
            PolicyValue value = evaluator.estimatePolicyValue(recorder, evalEpisodes, HORIZON,
                    EVAL_SEED_OFFSET + seed);
            results.add(recorder.result(p.getKey(), value));
        }
        return new SeedResult(seed, patients, steps, guarded.stateCount(), guarded.actionCount(), threshold,
                guardedP20.report().summary().get("supportThreshold"), dataCost,
                guarded.report().summary(), results);
    }

    private static boolean sameBins(DiscretisedPolicy a, DiscretisedPolicy b) {
        if (a.actionCount() != b.actionCount()) {
            return false;
        }
        for (int i = 0; i < a.bins().actions().size(); i++) {
            if (!Arrays.equals(a.bins().actions().get(i).edges(), b.bins().actions().get(i).edges())
                    || !Arrays.equals(a.bins().actions().get(i).doses(), b.bins().actions().get(i).doses())) {
                return false;
            }
        }
        return true;
    }

    /** Generates the cohort into a temporary folder, ingests it through {@code icu-sepsis}, deletes the folder. */
    static TrajectoryDataset ingest(int patients, long seed) throws IOException {
        Path dir = Files.createTempDirectory("vigil-icu-sepsis-" + seed + "-");
        try {
            new SepsisCohortGenerator().generate(new SepsisCohortConfig(patients, seed, UNSAFE_RATE, 2024), dir);
            return new IngestionPipeline(UnitConverter.load()).run(new BulkNdjsonSource(dir),
                    CohortSpecs.shipped("icu-sepsis"), IngestionListener.NONE, "synthetic-sepsis-" + seed);
        } finally {
            deleteTree(dir);
        }
    }

    private static DiscretisedPolicy fit(TrajectoryDataset data, DiscretisedOgsrlConfig base, OgsrlConfig ogsrl) {
        return (DiscretisedPolicy) new DiscretisedOgsrl().fit(data, base.withOgsrl(ogsrl), TrainingListener.NONE);
    }

    /** Where the dataset's features and actions are in the simulator's vectors, mapped by name. */
    record Schema(int[] simIndex, int fluid, int vasopressor, int actions) {

        static Schema of(TrajectoryDataset data) {
            List<String> features = data.schema().features().stream().map(Variable::name).toList();
            int[] simIndex = new int[features.size()];
            for (int f = 0; f < features.size(); f++) {
                simIndex[f] = SepsisFeature.byName(features.get(f)).index();
            }
            List<String> actions = data.schema().actions().stream().map(Variable::name).toList();
            int fluid = actions.indexOf("iv_fluid");
            int vaso = actions.indexOf("vasopressor");
            if (fluid < 0 || vaso < 0 || actions.size() != 2) {
                throw new IllegalStateException("expected actions iv_fluid and vasopressor, got " + actions);
            }
            return new Schema(simIndex, fluid, vaso, actions.size());
        }

        /** The simulator's observation vector in the dataset's feature order. */
        double[] state(double[] simulatorObservation) {
            double[] x = new double[simIndex.length];
            for (int f = 0; f < x.length; f++) {
                x[f] = simulatorObservation[simIndex[f]];
            }
            return x;
        }

        double[] doses(SepsisAction action) {
            double[] a = new double[actions];
            a[fluid] = action.ivFluidMl();
            a[vasopressor] = action.vasopressor();
            return a;
        }

        SepsisAction action(double[] doses) {
            return new SepsisAction(Math.max(0, doses[fluid]), Math.max(0, doses[vasopressor]));
        }

        /** True when the dataset's features are the simulator's, in the simulator's order. */
        boolean sameOrder() {
            for (int f = 0; f < simIndex.length; f++) {
                if (simIndex[f] != f) {
                    return false;
                }
            }
            return simIndex.length == SepsisFeature.COUNT;
        }
    }

    /** n(cluster, joint dose id) over the logged steps, on the policy's discretisation. */
    static int[][] counts(TrajectoryDataset data, DiscretisedPolicy policy, Schema schema) {
        int[][] n = new int[policy.stateCount()][policy.actionCount()];
        for (Episode e : data.episodes()) {
            double[][] states = ((ContinuousStates) e.states()).values();
            double[][] actions = ((ContinuousActions) e.actions()).values();
            for (int t = 0; t < e.steps(); t++) {
                n[policy.stateId(states[t])][policy.bins().id(actions[t])]++;
            }
        }
        return n;
    }

    private static SepsisPolicy learned(DiscretisedPolicy policy, Schema schema) {
        return (input, rng) -> schema.action(policy.actionFor(schema.state(input.current().values())));
    }

    /**
     * Behaviour cloning on the same discretisation ({@code bc}, smoothing 0): a draw from the logged dose-bin
     * frequencies of the cluster (uniform over the bins for a never-logged cluster), acting with the bin's dose.
     */
    private static SepsisPolicy behaviourCloning(DiscretisedPolicy policy, int[][] counts, Schema schema) {
        return (input, rng) -> {
            int s = policy.stateId(schema.state(input.current().values()));
            int[] row = counts[s];
            int total = Arrays.stream(row).sum();
            int a;
            if (total == 0) {
                a = rng.nextInt(row.length);
            } else {
                int u = rng.nextInt(total);
                a = 0;
                while (u >= row[a]) {
                    u -= row[a];
                    a++;
                }
            }
            return schema.action(policy.bins().doses(a));
        };
    }

    /**
     * Wraps a policy to record, for every decision of the rollouts, whether its (cluster, dose id) pair is outside
     * the guarded OGSRL's support, and its sepsis-bedside cost. The evaluator runs episodes one after another on
     * the calling thread, each starting at bloc 0.
     */
    static final class Recorder implements SepsisPolicy {

        private final SepsisPolicy inner;
        private final DiscretisedPolicy discretisation;
        private final int[][] counts;
        private final double threshold;
        private final Schema schema;
        private final CostModel costs;
        private final int spo2;
        private final int urineCum;
        private final int weight;
        private final KdeOodMeter meter;
        private long decisions;
        private long ood;
        private long kdeOod;
        private final Set<Long> visited = new HashSet<>();
        private final List<double[]> episodeCosts = new ArrayList<>();   // {rule set, OGSRL's two rules}

        Recorder(SepsisPolicy inner, DiscretisedPolicy discretisation, int[][] counts, double threshold, Schema schema,
                CostModel costs, KdeOodMeter meter) {
            this.inner = inner;
            this.meter = meter;
            this.discretisation = discretisation;
            this.counts = counts;
            this.threshold = threshold;
            this.schema = schema;
            this.costs = costs;
            this.spo2 = SepsisFeature.SPO2.index();
            this.urineCum = SepsisFeature.URINE_OUTPUT_CUM.index();
            this.weight = SepsisFeature.WEIGHT.index();
        }

        @Override
        public SepsisAction act(PolicyInput input, SplittableRandom rng) {
            SepsisAction action = inner.act(input, rng);
            double[] obs = input.current().values();
            double[] state = schema.state(obs);
            double[] previous = input.bloc() == 0 ? null
                    : schema.state(input.observations().get(input.bloc() - 1).values());
            double[] doses = schema.doses(action);
            int s = discretisation.stateId(state);
            int a = discretisation.bins().id(doses);
            decisions++;
            if (counts[s][a] < threshold) {
                ood++;
            }
            if (meter.outOfSupport(state, doses)) {
                kdeOod++;
            }
            visited.add((long) s * counts[0].length + a);
            if (input.bloc() == 0) {
                episodeCosts.add(new double[2]);
            }
            double[] c = episodeCosts.get(episodeCosts.size() - 1);
            c[0] += costs.totalCost(previous, state, doses);
            c[1] += (obs[spo2] < 92 ? 1 : 0) + (obs[urineCum] / obs[weight] < 2 ? 1 : 0);
            return action;
        }

        PolicyResult result(String name, PolicyValue value) {
            long oodPairs = visited.stream().filter(k -> counts[(int) (k / counts[0].length)]
                    [(int) (k % counts[0].length)] < threshold).count();
            double cost = episodeCosts.stream().mapToDouble(c -> c[0]).average().orElse(0);
            double cost2 = episodeCosts.stream().mapToDouble(c -> c[1]).average().orElse(0);
            double within = episodeCosts.stream().filter(c -> c[0] <= CostBudget.OGSRL_LIMIT).count()
                    / (double) Math.max(1, episodeCosts.size());
            return new PolicyResult(name, value, decisions == 0 ? 0 : (double) ood / decisions,
                    visited.isEmpty() ? 0 : (double) oodPairs / visited.size(), cost, cost2, within, decisions,
                    decisions == 0 ? 0 : (double) kdeOod / decisions);
        }
    }

    // ---------------------------------------------------------------------------------------------- reporting

    static String seedTable(SeedResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "### Seed %d: %d patients, %d logged steps, %d clusters x %d dose ids, "
                + "support threshold %.2f (p20 variant %.2f), data's sepsis-bedside cost %.2f / episode%n%n", r.seed(), r.patients(),
                r.steps(), r.clusters(), r.actionIds(), r.supportThreshold(), r.supportThresholdP20(),
                r.dataCostPerEpisode()));
        b.append("| policy | true return (95% CI) | 90-day mortality (95% CI) | in-window deaths | OOD rate (visits) "
                + "| OOD share of visited pairs | OOD rate (KDE) | cost / episode (sepsis-bedside) | within budget 0.5 "
                + "| cost / episode (SpO2 + urine rules) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (PolicyResult p : r.policies()) {
            PolicyValue v = p.value();
            b.append(String.format(Locale.ROOT, "| %s | %.2f (%.2f, %.2f) | %.3f (%.3f, %.3f) | %.3f | %.4f | %.4f "
                    + "| %.4f | %.3f | %.3f | %.3f |%n", p.name(), v.meanReturn(), v.returnCi95().lower(),
                    v.returnCi95().upper(), v.mortality(), v.mortalityCi95().lower(), v.mortalityCi95().upper(),
                    v.windowMortality(), p.oodRate(), p.oodPairShare(), p.kdeOodRate(), p.meanCost(),
                    p.withinBudgetShare(), p.meanCostOgsrlRules()));
        }
        Map<String, Double> s = r.fitSummaryGuarded();
        b.append(String.format(Locale.ROOT, "%nGuarded fit (empirical model): return %s, cost %s, feasible %s, "
                + "fallback states %s, supported pairs %s%n%n", s.get("empiricalReturn"), s.get("empiricalCost"),
                s.get("feasible"), s.get("fallbackStates"), s.get("supportedPairs")));
        return b.toString();
    }

    static String summary(List<SeedResult> seeds) {
        StringBuilder b = new StringBuilder();
        b.append("### Mean (sd) over seeds ").append(seeds.stream().map(r -> Long.toString(r.seed())).toList())
                .append("\n\n| policy | true return | 90-day mortality | OOD rate (visits) | OOD share of visited pairs "
                        + "| OOD rate (KDE) | cost / episode (sepsis-bedside) | within budget | cost (SpO2 + urine) |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n");
        for (String name : seeds.get(0).policies().stream().map(PolicyResult::name).toList()) {
            List<PolicyResult> ps = seeds.stream().map(r -> r.policy(name)).toList();
            b.append("| ").append(name).append(" | ").append(ms(ps, p -> p.value().meanReturn(), 2)).append(" | ")
                    .append(ms(ps, p -> p.value().mortality(), 3)).append(" | ").append(ms(ps, PolicyResult::oodRate, 4))
                    .append(" | ").append(ms(ps, PolicyResult::oodPairShare, 4)).append(" | ")
                    .append(ms(ps, PolicyResult::kdeOodRate, 4)).append(" | ")
                    .append(ms(ps, PolicyResult::meanCost, 3)).append(" | ")
                    .append(ms(ps, PolicyResult::withinBudgetShare, 3)).append(" | ")
                    .append(ms(ps, PolicyResult::meanCostOgsrlRules, 3)).append(" |\n");
        }
        b.append("\nTargets (each seed):\n");
        for (String g : List.of(GUARDED, GUARDED_P20)) {
            b.append(targets(seeds, g));
        }
        return b.toString();
    }

    static String targets(List<SeedResult> seeds, String guardedName) {
        StringBuilder b = new StringBuilder();
        int fivefold = 0;
        int fivefoldKde = 0;
        int budget = 0;
        int beatsClinician = 0;
        for (SeedResult r : seeds) {
            PolicyResult g = r.policy(guardedName);
            PolicyResult u = r.policy(UNGUARDED);
            PolicyResult c = r.policy(CLINICIAN);
            fivefold += u.oodRate() >= 5 * g.oodRate() && u.oodRate() > 0 ? 1 : 0;
            fivefoldKde += u.kdeOodRate() >= 5 * g.kdeOodRate() && u.kdeOodRate() > 0 ? 1 : 0;
            budget += (onOgsrlRules() ? g.meanCostOgsrlRules() : g.meanCost()) <= CostBudget.OGSRL_LIMIT ? 1 : 0;
            beatsClinician += g.value().meanReturn() >= c.value().meanReturn() ? 1 : 0;
        }
        b.append(String.format(Locale.ROOT, "- %s: OOD rate <= 1/5 of unguarded's on %d/%d seeds (KDE measure: "
                + "%d/%d); mean %s cost <= 0.5 on %d/%d; true return >= clinician's on %d/%d%n", guardedName, fivefold,
                seeds.size(), fivefoldKde, seeds.size(), onOgsrlRules() ? "two-rule (SpO2 + urine)" : "sepsis-bedside", budget, seeds.size(), beatsClinician,
                seeds.size()));
        return b.toString();
    }

    private static String ms(List<PolicyResult> ps, java.util.function.ToDoubleFunction<PolicyResult> f, int digits) {
        double[] x = ps.stream().mapToDouble(f).toArray();
        double mean = Arrays.stream(x).average().orElse(Double.NaN);
        double var = x.length < 2 ? 0 : Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
        return String.format(Locale.ROOT, "%." + digits + "f (%." + digits + "f)", mean, Math.sqrt(var));
    }

    static long[] parseSeeds(String text) {
        if (text.contains("..")) {
            String[] parts = text.split("\\.\\.");
            long from = Long.parseLong(parts[0].trim());
            long to = Long.parseLong(parts[1].trim());
            return java.util.stream.LongStream.rangeClosed(from, to).toArray();
        }
        return Arrays.stream(text.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static void main(String[] args) throws IOException {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long[] seeds = parseSeeds(args.length > 1 ? args[1] : "1..5");
        Path out = Path.of(args.length > 2 ? args[2] : "icu-sepsis-results.md");
        int evalEpisodes = args.length > 3 ? Integer.parseInt(args[3]) : patients;
        long start = System.nanoTime();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## Synthetic ICU sepsis cohort: true values "
                + "(%d patients per cohort, %d rollouts per policy, horizon %d, seeds %s; training reward %s, cost rule "
                + "set %s, planning horizon %d, planning budget %s)%n%n", patients, evalEpisodes, HORIZON,
                Arrays.toString(seeds), reward(), costRuleSet(), planningHorizon(), planningBudget()));
        List<SeedResult> results = new ArrayList<>();
        for (long seed : seeds) {
            long t0 = System.nanoTime();
            SeedResult r = runSeed(patients, seed, evalEpisodes, 0);
            results.add(r);
            String table = seedTable(r);
            System.out.print(table);
            System.out.printf(Locale.ROOT, "(seed %d: %.1f s)%n%n", seed, (System.nanoTime() - t0) / 1e9);
            System.out.flush();
            md.append(table);
        }
        ExperimentOutput.finish(md, summary(results), start, out);
    }
}
