package dev.vigil.offlinerl.experiment;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.synth.sepsis.PolicyInput;
import dev.vigil.ingestion.synth.sepsis.PolicyValue;
import dev.vigil.ingestion.synth.sepsis.SepsisAction;
import dev.vigil.ingestion.synth.sepsis.SepsisPolicies;
import dev.vigil.ingestion.synth.sepsis.SepsisPolicy;
import dev.vigil.ingestion.synth.sepsis.TrueValueEvaluator;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.algo.continuous.ContinuousPolicy;
import dev.vigil.offlinerl.algo.continuous.DirectoryCheckpointStore;
import dev.vigil.offlinerl.algo.continuous.GaussianPolicy;
import dev.vigil.offlinerl.algo.continuous.MlpSnapshot;
import dev.vigil.offlinerl.algo.continuous.SnapshotPolicy;
import dev.vigil.offlinerl.algo.continuous.ModelBasedConfig;
import dev.vigil.offlinerl.algo.continuous.ModelBasedOptimizer;
import dev.vigil.offlinerl.algo.continuous.ModelBasedTrainer;
import dev.vigil.offlinerl.objective.CostRuleSets;
import dev.vigil.offlinerl.objective.TrainingRewards;
import dev.vigil.offlinerl.serving.ShieldedPolicy;
import dev.vigil.offlinerl.serving.SupportShield;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSets;
import dev.vigil.safety.guardian.GaussianKdeGuardian;
import dev.vigil.safety.guardian.KdeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The continuous-action comparison on the synthetic ICU sepsis cohort (issue 4): per seed, the cohort of
 * {@link IcuSepsisExperiment} is ingested, and MB-TRPO, GMB-TRPO, MB-CPO, GMB-CPO and the guarded Lagrangian are
 * trained on one shared model and guardian ({@link ModelBasedOptimizer.Setup}); every policy (its mean action) and
 * the simulated clinician are rolled out through the simulator's <b>true</b> dynamics ({@link TrueValueEvaluator}) on
 * patients other than the cohort's.
 *
 * <p>Measured per policy: true mean return and 90-day mortality, the true-rollout OOD rate (share of decisions whose
 * scaled (state, dose) the training KDE guardian flags), the sepsis-bedside cost per episode against the budget
 * {@link CostBudget#OGSRL_LIMIT}, the last training iteration's model-rollout return, cost and OOD rate, and OGSRL's
 * own evaluation: the mean doses rolled through the model from the held-out cohort's first states with every step
 * judged ({@link HeldOutModelRollouts}). With {@code -Dicu.shield=true} every learner is also evaluated behind the
 * bedside {@link SupportShield}.
 *
 * <p>Run: {@code ContinuousIcuExperiment [patients=2000] [seeds=1..5] [out=continuous-icu-results.md]
 * [iterations=ModelBasedConfig.DEFAULT_ITERATIONS] [evalEpisodes=patients]}.
 */
public final class ContinuousIcuExperiment {

    public static final String CLINICIAN = "clinician";

    private ContinuousIcuExperiment() {
    }

    /**
     * One policy's figures in one seed.
     *
     * @param value true return and mortality through the simulator
     * @param oodRate share of true-rollout decisions the training KDE guardian flags
     * @param meanCost true cost per episode under the constraint's rule set (OGSRL's two rules)
     * @param withinBudgetShare share of true rollouts whose constraint cost is within the budget
     * @param meanCostBedside true cost per episode under sepsis-bedside (all six rules), for reference
     * @param ope off-policy estimates of the same return on the held-out logged cohort
     */
    public record PolicyResult(String name, PolicyValue value, double oodRate, double meanCost,
            double withinBudgetShare, double meanCostBedside, IcuOpe.Estimates ope, Map<String, Double> training,
            double trainSeconds, double meanFluid, double meanVasopressor, double vasopressorShare) {
    }

    /** One seed's figures; {@code loggedReturn} is the held-out cohort's mean logged SOFA return. */
    public record SeedResult(long seed, int patients, long steps, double loggedReturn, List<PolicyResult> policies,
            List<SweepPoint> sweep) {

        public PolicyResult policy(String name) {
            return policies.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        }
    }

    /** The logged cohort of seed s used for OPE is generated with seed {@code HELD_OUT_SEED_OFFSET + s}. */
    public static final long HELD_OUT_SEED_OFFSET = 2_000_000;

    /**
     * The logged cohort off-policy estimates are computed on: half as many patients as the training cohort (at least
     * 2), generated with seed {@code HELD_OUT_SEED_OFFSET + seed}, so neither trained on nor rolled out.
     */
    static TrajectoryDataset heldOutCohort(int patients, long seed) throws IOException {
        return IcuSepsisExperiment.ingest(Math.max(2, patients / 2), HELD_OUT_SEED_OFFSET + seed);
    }

    /**
     * The experiment's objective: OGSRL's SOFA reward and its two cost rules (budget 0.5), on the default config
     * with {@code iterations}.
     */
    public static ModelBasedConfig config(int iterations, long seed) {
        return ModelBasedConfig.defaults().with(iterations, seed).withObjective(TrainingRewards.SOFA,
                CostRuleSets.OGSRL_SEPSIS);
    }

    /**
     * The percentile of the guardian the OOD rate is measured with, whatever guardian the learners train with: the
     * released 5th percentile, so that rates stay comparable across training settings.
     */
    public static final double MEASURED_KDE_PERCENTILE = 5;

    /** The training guardian's percentile: {@code -Dicu.trainingKdePercentile} (default the config's, 5). */
    static double trainingKdePercentile() {
        return Double.parseDouble(System.getProperty("icu.trainingKdePercentile",
                Double.toString(ModelBasedConfig.defaults().kdePercentile())));
    }

    /**
     * What the model-based learners roll out through: {@code -Dicu.environment} (default the config's, OGSRL's
     * 1-nearest-neighbour model; {@code ensemble} for the learned dynamics ensemble).
     */
    static String environmentModel() {
        return System.getProperty("icu.environment", ModelBasedConfig.defaults().environmentModel());
    }

    /**
     * The guarded learners' ensemble-disagreement percentile: {@code -Dicu.disagreementPercentile} (default the
     * config's, 0: off; needs {@code -Dicu.environment=ensemble}).
     */
    static double disagreementPercentile() {
        return Double.parseDouble(System.getProperty("icu.disagreementPercentile",
                Double.toString(ModelBasedConfig.defaults().disagreementPercentile())));
    }

    /** What the guarded learners' rollouts do at a flagged step: {@code -Dicu.afterOod} (default the config's). */
    static String afterOod() {
        return System.getProperty("icu.afterOod", ModelBasedConfig.defaults().afterOod());
    }

    /** The KDE guardian at {@link #MEASURED_KDE_PERCENTILE} over the setup's logged (state, dose) pairs. */
    static GaussianKdeGuardian measuringGuardian(ModelBasedOptimizer.Setup setup, ModelBasedConfig config) {
        if (config.kdePercentile() == MEASURED_KDE_PERCENTILE) {
            return setup.guardian;
        }
        double[][] points = new double[setup.loggedStates.length][];
        for (int i = 0; i < points.length; i++) {
            double[] state = setup.loggedStates[i];
            double[] action = setup.loggedActions[i];
            points[i] = Arrays.copyOf(state, state.length + action.length);
            System.arraycopy(action, 0, points[i], state.length, action.length);
        }
        return GaussianKdeGuardian.fit(points, new KdeConfig(config.kdeSigma(), MEASURED_KDE_PERCENTILE,
                KdeConfig.DEFAULT_KERNEL_CUTOFF, KdeConfig.DEFAULT_CELL_SIZE, false));
    }

    public static SeedResult runSeed(int patients, long seed, int evalEpisodes, int iterations) throws IOException {
        TrajectoryDataset data = IcuSepsisExperiment.ingest(patients, seed);
        ModelBasedConfig config = config(iterations, seed).withKdePercentile(trainingKdePercentile())
                .withEnvironmentModel(environmentModel()).withDisagreementPercentile(disagreementPercentile())
                .withAfterOod(afterOod());
        ModelBasedOptimizer.Setup setup = ModelBasedOptimizer.Setup.of(data, config);
        GaussianKdeGuardian measuring = measuringGuardian(setup, config);
        IcuSepsisExperiment.Schema schema = IcuSepsisExperiment.Schema.of(data);
        CostModel constraint = CostModel.compile(CostRuleSets.resolve(CostRuleSets.OGSRL_SEPSIS), data.schema());
        CostModel bedside = CostModel.compile(RuleSets.sepsisBedside(), data.schema());
        TrajectoryDataset heldOut = heldOutCohort(patients, seed);
        IcuOpe ope = IcuOpe.prepare(heldOut, CostModel.compile(CostRuleSets.resolve(CostRuleSets.OGSRL_SEPSIS),
                heldOut.schema()), seed);
        TrueValueEvaluator evaluator = new TrueValueEvaluator();
        double[][] heldOutStarts = HeldOutModelRollouts.initialStates(heldOut, setup.dynamics.scaler(),
                setup.dynamics.featureMeans());
        // OGSRL's own evaluation of a policy on this seed's model and guardian.
        Function<ContinuousPolicy, HeldOutModelRollouts.Result> probe = policy -> HeldOutModelRollouts.run(
                setup.environmentFor(config.seed()), measuring, policy, setup.dynamics.scaler(), heldOutStarts,
                config.horizon());
        List<PolicyResult> results = new ArrayList<>();
        List<SweepPoint> sweep = new ArrayList<>();

        for (ModelBasedOptimizer.Variant variant : ModelBasedOptimizer.Variant.values()) {
            long t0 = System.nanoTime();
            // Progress on stderr every 25 iterations: long runs on a shared machine need to be sized as they go.
            TrainingListener progress = (iteration, metrics) -> {
                if (iteration % 25 == 0) {
                    System.err.printf(Locale.ROOT, "seed %d %s iteration %d, %.0f s%n", seed,
                            variant.registryName(), iteration, (System.nanoTime() - t0) / 1e9);
                }
            };
            int every = sweepEvery();
            Path checkpoints = every > 0 ? Files.createTempDirectory("vigil-icu-sweep-") : null;
            GaussianPolicy policy = new ModelBasedOptimizer(variant).train(data, config, progress,
                    every > 0 ? new ModelBasedTrainer.Checkpointing(new DirectoryCheckpointStore(checkpoints), every,
                            false) : ModelBasedTrainer.Checkpointing.NONE, setup);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] means = setup.dynamics.featureMeans();
            if (every > 0) {
                DirectoryCheckpointStore store = new DirectoryCheckpointStore(checkpoints);
                for (int iteration : store.iterations()) {
                    MlpSnapshot snapshot = store.load(iteration).policy();
                    Recorder r = new Recorder(deployed(snapshot::apply, schema, means), setup, measuring, schema,
                            constraint, bedside);
                    PolicyValue v = evaluator.estimatePolicyValue(r, evalEpisodes, IcuSepsisExperiment.HORIZON,
                            IcuSepsisExperiment.EVAL_SEED_OFFSET + seed);
                    IcuOpe.Estimates estimated = ope.evaluate(variant.registryName() + "@" + iteration,
                            new SnapshotPolicy(snapshot, policy.provenance(), policy.report()), means);
                    sweep.add(r.sweepPoint(variant.registryName(), iteration, v, estimated.fqe().estimate()));
                }
                try (java.util.stream.Stream<Path> files = Files.walk(checkpoints)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
            Recorder recorder = new Recorder(deployed(policy::act, schema, means), setup, measuring, schema,
                    constraint, bedside);
            PolicyValue value = evaluator.estimatePolicyValue(recorder, evalEpisodes, IcuSepsisExperiment.HORIZON,
                    IcuSepsisExperiment.EVAL_SEED_OFFSET + seed);
            IcuOpe.Estimates estimates = ope.evaluate(variant.registryName(), policy, means);
            results.add(recorder.result(variant.registryName(), value, estimates,
                    probed(policy.report().summary(), probe.apply(policy)), seconds));
            if (shieldEnabled()) {
                results.add(shielded(variant.registryName(), policy, setup, measuring, schema, constraint, bedside,
                        evaluator, evalEpisodes, seed, ope, seconds, probe));
            }
        }
        Recorder clinician = new Recorder(SepsisPolicies.clinician(IcuSepsisExperiment.UNSAFE_RATE), setup, measuring,
                schema, constraint, bedside);
        results.add(0, clinician.result(CLINICIAN, evaluator.estimatePolicyValue(clinician, evalEpisodes,
                IcuSepsisExperiment.HORIZON, IcuSepsisExperiment.EVAL_SEED_OFFSET + seed), ope.clinicians(), Map.of(),
                0));
        return new SeedResult(seed, patients, data.totalSteps(), ope.loggedReturn(), results, sweep);
    }

    /** The mean action of a policy network, with missing features imputed by the training means. */
    static SepsisPolicy deployed(java.util.function.UnaryOperator<double[]> mean, IcuSepsisExperiment.Schema schema,
            double[] means) {
        return (input, rng) -> {
            double[] x = schema.state(input.current().values());
            for (int f = 0; f < x.length; f++) {
                if (!Double.isFinite(x[f])) {
                    x[f] = means[f];
                }
            }
            return schema.action(mean.apply(x));
        };
    }

    /**
     * With {@code -Dicu.shield=true}, every learner is also evaluated behind the bedside {@link SupportShield} (its
     * training KDE guardian and logged doses, default search), as {@code NAME+shield}.
     */
    static boolean shieldEnabled() {
        return Boolean.getBoolean("icu.shield");
    }

    /** Suffix of a shielded learner's row. */
    static final String SHIELDED = "+shield";

    private static PolicyResult shielded(String name, GaussianPolicy policy, ModelBasedOptimizer.Setup setup,
            GaussianKdeGuardian measuring, IcuSepsisExperiment.Schema schema, CostModel constraint, CostModel bedside,
            TrueValueEvaluator evaluator, int evalEpisodes, long seed, IcuOpe ope, double seconds,
            Function<ContinuousPolicy, HeldOutModelRollouts.Result> probe) {
        SupportShield shield = SupportShield.of(setup.guardian, setup.loggedStates, setup.loggedActions,
                SupportShield.Config.defaults());
        ShieldedPolicy shielded = new ShieldedPolicy(policy, shield, setup.dynamics.scaler());
        double[] means = setup.dynamics.featureMeans();
        Recorder recorder = new Recorder(deployed(shielded::act, schema, means), setup, measuring, schema, constraint,
                bedside);
        PolicyValue value = evaluator.estimatePolicyValue(recorder, evalEpisodes, IcuSepsisExperiment.HORIZON,
                IcuSepsisExperiment.EVAL_SEED_OFFSET + seed);
        // The shield's counts over the true rollouts only, before OPE consults the policy too.
        double decisions = shielded.kept() + shielded.moved() + shielded.bestAvailable();
        Map<String, Double> training = new LinkedHashMap<>(policy.report().summary());
        training.put("shieldMovedShare", shielded.moved() / decisions);
        training.put("shieldBestAvailableShare", shielded.bestAvailable() / decisions);
        IcuOpe.Estimates estimates = ope.evaluate(name + SHIELDED, shielded, means);
        return recorder.result(name + SHIELDED, value, estimates, probed(training, probe.apply(shielded)), seconds);
    }

    /** The training summary with the held-out model rollouts' figures added. */
    static Map<String, Double> probed(Map<String, Double> training, HeldOutModelRollouts.Result r) {
        Map<String, Double> out = new LinkedHashMap<>(training);
        out.put(HELD_OUT_MODEL_OOD, r.oodRate());
        out.put("heldOutModelReturn", r.meanReturn());
        out.put("heldOutModelCost", r.meanCost());
        return out;
    }

    static final String HELD_OUT_MODEL_OOD = "heldOutModelOodRate";

    /** Checkpoints every {@code -Dicu.sweepEvery} iterations are rolled out through the truth too (0: none). */
    static int sweepEvery() {
        return Integer.getInteger("icu.sweepEvery", 0);
    }

    /** A checkpoint's true figures: how the truth moves along training. */
    public record SweepPoint(String name, int iteration, double trueReturn, double mortality, double oodRate,
            double meanCost, double fqe) {
    }

    /** Records per decision the guardian's verdict and the constraint's and sepsis-bedside's costs. */
    static final class Recorder implements SepsisPolicy {
        private final SepsisPolicy inner;
        private final KdeOodMeter meter;
        private final IcuSepsisExperiment.Schema schema;
        private long decisions;
        private long ood;
        private final EpisodeCosts episodeCosts;
        private final DoseTally doseTally = new DoseTally();

        Recorder(SepsisPolicy inner, ModelBasedOptimizer.Setup setup, GaussianKdeGuardian guardian,
                IcuSepsisExperiment.Schema schema, CostModel constraint, CostModel bedside) {
            this.inner = inner;
            this.meter = new KdeOodMeter(guardian, setup.dynamics.scaler(), setup.dynamics.featureMeans());
            this.schema = schema;
            this.episodeCosts = new EpisodeCosts(constraint, bedside);
        }

        @Override
        public SepsisAction act(PolicyInput input, SplittableRandom rng) {
            SepsisAction action = inner.act(input, rng);
            double[] state = schema.state(input.current().values());
            double[] previous = input.bloc() == 0 ? null
                    : schema.state(input.observations().get(input.bloc() - 1).values());
            double[] doses = schema.doses(action);
            decisions++;
            if (meter.outOfSupport(state, doses)) {
                ood++;
            }
            episodeCosts.record(input.bloc(), previous, state, doses);
            doseTally.record(doses);
            return action;
        }

        SweepPoint sweepPoint(String name, int iteration, PolicyValue value, double fqe) {
            return new SweepPoint(name, iteration, value.meanReturn(), value.mortality(),
                    decisions == 0 ? 0 : (double) ood / decisions, episodeCosts.meanConstraintCost(), fqe);
        }

        PolicyResult result(String name, PolicyValue value, IcuOpe.Estimates ope, Map<String, Double> training,
                double seconds) {
            return new PolicyResult(name, value, decisions == 0 ? 0 : (double) ood / decisions,
                    episodeCosts.meanConstraintCost(), episodeCosts.withinBudgetShare(), episodeCosts.meanBedsideCost(),
                    ope, training, seconds, doseTally.meanDose(schema.fluid()), doseTally.meanDose(schema.vasopressor()),
                    doseTally.givenShare(schema.vasopressor()));
        }
    }

    static String seedTable(SeedResult r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "#### Seed %d: %d patients, %d logged steps; "
                + "held-out logged cohort's mean SOFA return %.2f%n%n"
                + "| policy | true return (95%% CI) | WIS (95%% CI) | WDR (95%% CI) | FQE | WIS ESS | 90-day mortality "
                + "| OOD rate (true rollouts, KDE) | cost / episode (OGSRL's two rules) | within budget 0.5 "
                + "| cost, WIS estimate | cost (sepsis-bedside) | mean fluid (mL) | mean vasopressor | blocs on "
                + "vasopressor | model return | model cost | model OOD rate | held-out model OOD rate "
                + "| held-out model return | shield moved / best available | train s |%n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n",
                r.seed(), r.patients(), r.steps(), r.loggedReturn()));
        for (PolicyResult p : r.policies()) {
            PolicyValue v = p.value();
            IcuOpe.Estimates o = p.ope();
            b.append(String.format(Locale.ROOT, "| %s | %.2f (%.2f, %.2f) | %.2f (%.2f, %.2f) | %.2f (%.2f, %.2f) "
                    + "| %.2f | %.0f | %.3f | %.4f | %.3f | %.3f | %.3f | %.3f | %.1f | %.4f | %.3f | %s | %s | %s "
                    + "| %s | %s | %s / %s | %.0f |%n", p.name(),
                    v.meanReturn(), v.returnCi95().lower(), v.returnCi95().upper(), o.wis().estimate(),
                    o.wis().lower(), o.wis().upper(), o.wdr().estimate(), o.wdr().lower(), o.wdr().upper(),
                    o.fqe().estimate(), o.wisEss(), v.mortality(), p.oodRate(), p.meanCost(), p.withinBudgetShare(),
                    o.cost(), p.meanCostBedside(), p.meanFluid(), p.meanVasopressor(), p.vasopressorShare(),
                    fmt(p.training().get("meanReturn")),
                    fmt(p.training().get("meanCost")), fmt(p.training().get("oodRate")),
                    fmt(p.training().get(HELD_OUT_MODEL_OOD)), fmt(p.training().get("heldOutModelReturn")),
                    fmt(p.training().get("shieldMovedShare")), fmt(p.training().get("shieldBestAvailableShare")),
                    p.trainSeconds()));
        }
        if (!r.sweep().isEmpty()) {
            b.append("\nAlong training (checkpoints' mean actions through the true dynamics):\n\n| policy | iteration "
                    + "| true return | FQE | 90-day mortality | OOD rate | cost / episode |\n|---|---|---|---|---|---|---|\n");
            for (SweepPoint p : r.sweep()) {
                b.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.3f | %.4f | %.3f |%n", p.name(),
                        p.iteration(), p.trueReturn(), p.fqe(), p.mortality(), p.oodRate(), p.meanCost()));
            }
        }
        return b.append('\n').toString();
    }

    private static String fmt(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }

    /** The guarded variant and its unguarded twin, in the order the targets are checked. */
    static final String[][] PAIRS = {{"gmb-trpo", "mb-trpo"}, {"gmb-cpo", "mb-cpo"}, {"glagrangian", "mb-cpo"}};

    static String summary(List<SeedResult> seeds) {
        StringBuilder b = new StringBuilder("#### Mean ± sd over seeds " + seeds.stream().map(SeedResult::seed)
                .toList() + "\n\n| policy | true return | WIS | WDR | FQE | 90-day mortality | OOD rate (true "
                + "rollouts) | cost / episode (OGSRL's two rules) | within budget 0.5 | cost (sepsis-bedside) "
                + "| blocs on vasopressor |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String name : seeds.get(0).policies().stream().map(PolicyResult::name).toList()) {
            List<PolicyResult> ps = seeds.stream().map(r -> r.policy(name)).toList();
            b.append("| ").append(name).append(" | ").append(ms(ps, p -> p.value().meanReturn(), 2))
                    .append(" | ").append(ms(ps, p -> p.ope().wis().estimate(), 2))
                    .append(" | ").append(ms(ps, p -> p.ope().wdr().estimate(), 2))
                    .append(" | ").append(ms(ps, p -> p.ope().fqe().estimate(), 2))
                    .append(" | ").append(ms(ps, p -> p.value().mortality(), 3)).append(" | ")
                    .append(ms(ps, PolicyResult::oodRate, 4)).append(" | ").append(ms(ps, PolicyResult::meanCost, 3))
                    .append(" | ").append(ms(ps, PolicyResult::withinBudgetShare, 3))
                    .append(" | ").append(ms(ps, PolicyResult::meanCostBedside, 3))
                    .append(" | ").append(ms(ps, PolicyResult::vasopressorShare, 3)).append(" |\n");
        }
        b.append(String.format(Locale.ROOT, "%nHeld-out logged cohorts' mean SOFA return (on-policy, clinicians): %s%n",
                ExperimentOutput.meanSd(seeds.stream().mapToDouble(SeedResult::loggedReturn).toArray(), 2)));
        b.append("\nTargets per seed (OOD cut = unguarded twin's true-rollout OOD rate / guarded one's; budget on "
                + "OGSRL's two rules, mean true cost per episode <= 0.5; return against the clinician's true "
                + "return):\n\n| guarded (vs unguarded) | seed | OOD cut | >= 5x | cost | <= 0.5 | true return "
                + "- clinician's | >= 0 |\n|---|---|---|---|---|---|---|---|\n");
        List<String> names = seeds.get(0).policies().stream().map(PolicyResult::name).toList();
        List<String[]> pairs = new ArrayList<>(Arrays.asList(PAIRS));
        for (String[] pair : PAIRS) {
            if (names.contains(pair[0] + SHIELDED)) {
                pairs.add(new String[] {pair[0] + SHIELDED, pair[1]});
            }
        }
        for (String[] pair : pairs) {
            int fivefold = 0;
            int budget = 0;
            int clinician = 0;
            for (SeedResult r : seeds) {
                PolicyResult g = r.policy(pair[0]);
                PolicyResult u = r.policy(pair[1]);
                double cut = u.oodRate() / g.oodRate();
                boolean five = u.oodRate() > 0 && u.oodRate() >= 5 * g.oodRate();
                boolean within = g.meanCost() <= CostBudget.OGSRL_LIMIT;
                double gap = g.value().meanReturn() - r.policy(CLINICIAN).value().meanReturn();
                fivefold += five ? 1 : 0;
                budget += within ? 1 : 0;
                clinician += gap >= 0 ? 1 : 0;
                b.append(String.format(Locale.ROOT, "| %s (vs %s) | %d | %.2fx | %s | %.3f | %s | %+.2f | %s |%n",
                        pair[0], pair[1], r.seed(), cut, five ? "yes" : "no", g.meanCost(), within ? "yes" : "no", gap,
                        gap >= 0 ? "yes" : "no"));
            }
            b.append(String.format(Locale.ROOT, "| **%s: met on** | | | %d/%d | | %d/%d | | %d/%d |%n", pair[0],
                    fivefold, seeds.size(), budget, seeds.size(), clinician, seeds.size()));
        }
        b.append("\nThe OOD cut on OGSRL's own evaluation (the policies' mean doses rolled through the learned model "
                + "from the held-out cohort's first states, every step judged; unguarded twin's rate / guarded one's):"
                + "\n\n| guarded (vs unguarded) | seed | model OOD rate guarded / unguarded | cut | >= 5x |\n"
                + "|---|---|---|---|---|\n");
        for (String[] pair : pairs) {
            int fivefold = 0;
            for (SeedResult r : seeds) {
                double g = r.policy(pair[0]).training().get(HELD_OUT_MODEL_OOD);
                double u = r.policy(pair[1]).training().get(HELD_OUT_MODEL_OOD);
                boolean five = u > 0 && u >= 5 * g;
                fivefold += five ? 1 : 0;
                b.append(String.format(Locale.ROOT, "| %s (vs %s) | %d | %.4f / %.4f | %.2fx | %s |%n", pair[0],
                        pair[1], r.seed(), g, u, u / g, five ? "yes" : "no"));
            }
            b.append(String.format(Locale.ROOT, "| **%s: met on** | | | | %d/%d |%n", pair[0], fivefold,
                    seeds.size()));
        }
        return b.toString();
    }

    private static String ms(List<PolicyResult> ps, java.util.function.ToDoubleFunction<PolicyResult> f,
            int decimals) {
        return ExperimentOutput.meanSd(ps.stream().mapToDouble(f).toArray(), decimals);
    }


    public static void main(String[] args) throws IOException {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long[] seeds = IcuSepsisExperiment.parseSeeds(args.length > 1 ? args[1] : "1..5");
        Path out = Path.of(args.length > 2 ? args[2] : "continuous-icu-results.md");
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : ModelBasedConfig.DEFAULT_ITERATIONS;
        int evalEpisodes = args.length > 4 ? Integer.parseInt(args[4]) : patients;
        long start = System.nanoTime();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## Synthetic ICU sepsis cohort, continuous "
                + "doses: model-based TRPO / CPO / guarded Lagrangian (%d patients, %d iterations, %d true rollouts "
                + "per policy, seeds %s, environment model %s, training guardian: KDE %s percentile%s)", patients,
                iterations, evalEpisodes, Arrays.toString(seeds), environmentModel(), trainingKdePercentile(),
                disagreementPercentile() > 0 ? " and ensemble disagreement " + disagreementPercentile() + " percentile"
                        : "") + (shieldEnabled() ? "; every learner also behind the bedside support shield" : "")
                + (ModelBasedConfig.CONTINUE.equals(afterOod()) ? "; guarded rollouts go on after an OOD step" : "")
                + ")\n\n");
        List<SeedResult> results = new ArrayList<>();
        Map<Long, Double> times = new LinkedHashMap<>();
        for (long seed : seeds) {
            long t0 = System.nanoTime();
            SeedResult r = runSeed(patients, seed, evalEpisodes, iterations);
            results.add(r);
            String table = seedTable(r);
            System.out.print(table);
            times.put(seed, (System.nanoTime() - t0) / 1e9);
            System.out.printf(Locale.ROOT, "(seed %d: %.1f s)%n%n", seed, times.get(seed));
            System.out.flush();
            md.append(table);
            // Partial results survive an interrupted run.
            Files.writeString(out, md + summary(results));
        }
        ExperimentOutput.finish(md, summary(results), start, out);
    }
}
