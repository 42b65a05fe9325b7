package dev.vigil.offlinerl.experiment;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.synth.sepsis.PolicyInput;
import dev.vigil.ingestion.synth.sepsis.PolicyValue;
import dev.vigil.ingestion.synth.sepsis.SepsisAction;
import dev.vigil.ingestion.synth.sepsis.SepsisPolicies;
import dev.vigil.ingestion.synth.sepsis.SepsisPolicy;
import dev.vigil.ingestion.synth.sepsis.TrueValueEvaluator;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.algo.continuous.GaussianPolicy;
import dev.vigil.offlinerl.algo.continuous.ModelBasedConfig;
import dev.vigil.offlinerl.algo.continuous.ModelBasedOptimizer;
import dev.vigil.offlinerl.algo.continuous.ModelBasedTrainer;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSets;
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

/**
 * The continuous-action comparison on the synthetic ICU sepsis cohort (issue 4): per seed, the cohort of
 * {@link IcuSepsisExperiment} is ingested, and MB-TRPO, GMB-TRPO, MB-CPO, GMB-CPO and the guarded Lagrangian are
 * trained on one shared model and guardian ({@link ModelBasedOptimizer.Setup}); every policy (its mean action) and
 * the simulated clinician are rolled out through the simulator's <b>true</b> dynamics ({@link TrueValueEvaluator}) on
 * patients other than the cohort's.
 *
 * <p>Measured per policy: true mean return and 90-day mortality, the true-rollout OOD rate (share of decisions whose
 * scaled (state, dose) the training KDE guardian flags), the sepsis-bedside cost per episode against the budget
 * {@link CostBudget#OGSRL_LIMIT}, and the last training iteration's model-rollout return, cost and OOD rate.
 *
 * <p>Run: {@code ContinuousIcuExperiment [patients=2000] [seeds=1..5] [out=continuous-icu-results.md]
 * [iterations=ModelBasedConfig.DEFAULT_ITERATIONS] [evalEpisodes=patients]}.
 */
public final class ContinuousIcuExperiment {

    public static final String CLINICIAN = "clinician";

    private ContinuousIcuExperiment() {
    }

    /** One policy's figures in one seed. */
    public record PolicyResult(String name, PolicyValue value, double oodRate, double meanCost,
            double withinBudgetShare, Map<String, Double> training, double trainSeconds) {
    }

    /** One seed's figures. */
    public record SeedResult(long seed, int patients, long steps, List<PolicyResult> policies) {

        public PolicyResult policy(String name) {
            return policies.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        }
    }

    public static SeedResult runSeed(int patients, long seed, int evalEpisodes, int iterations) throws IOException {
        TrajectoryDataset data = IcuSepsisExperiment.ingest(patients, seed);
        ModelBasedConfig config = ModelBasedConfig.defaults().with(iterations, seed);
        ModelBasedOptimizer.Setup setup = ModelBasedOptimizer.Setup.of(data, config);
        IcuSepsisExperiment.Schema schema = IcuSepsisExperiment.Schema.of(data);
        CostModel costs = CostModel.compile(RuleSets.sepsisBedside(), data.schema());
        TrueValueEvaluator evaluator = new TrueValueEvaluator();
        List<PolicyResult> results = new ArrayList<>();

        Recorder clinician = new Recorder(SepsisPolicies.clinician(IcuSepsisExperiment.UNSAFE_RATE), setup, schema,
                costs);
        results.add(clinician.result(CLINICIAN, evaluator.estimatePolicyValue(clinician, evalEpisodes,
                IcuSepsisExperiment.HORIZON, IcuSepsisExperiment.EVAL_SEED_OFFSET + seed), Map.of(), 0));
        for (ModelBasedOptimizer.Variant variant : ModelBasedOptimizer.Variant.values()) {
            long t0 = System.nanoTime();
            GaussianPolicy policy = new ModelBasedOptimizer(variant).train(data, config, TrainingListener.NONE,
                    ModelBasedTrainer.Checkpointing.NONE, setup);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] means = setup.dynamics.featureMeans();
            SepsisPolicy learned = (input, rng) -> {
                double[] x = schema.state(input.current().values());
                for (int f = 0; f < x.length; f++) {
                    if (!Double.isFinite(x[f])) {
                        x[f] = means[f];
                    }
                }
                return schema.action(policy.act(x));
            };
            Recorder recorder = new Recorder(learned, setup, schema, costs);
            PolicyValue value = evaluator.estimatePolicyValue(recorder, evalEpisodes, IcuSepsisExperiment.HORIZON,
                    IcuSepsisExperiment.EVAL_SEED_OFFSET + seed);
            results.add(recorder.result(variant.registryName(), value, policy.report().summary(), seconds));
        }
        return new SeedResult(seed, patients, data.totalSteps(), results);
    }

    /** Records per decision the guardian's verdict and the sepsis-bedside cost. */
    static final class Recorder implements SepsisPolicy {
        private final SepsisPolicy inner;
        private final ModelBasedOptimizer.Setup setup;
        private final IcuSepsisExperiment.Schema schema;
        private final CostModel costs;
        private final double[] means;
        private long decisions;
        private long ood;
        private final List<double[]> episodeCosts = new ArrayList<>();

        Recorder(SepsisPolicy inner, ModelBasedOptimizer.Setup setup, IcuSepsisExperiment.Schema schema,
                CostModel costs) {
            this.inner = inner;
            this.setup = setup;
            this.schema = schema;
            this.costs = costs;
            this.means = setup.dynamics.featureMeans();
        }

        @Override
        public SepsisAction act(PolicyInput input, SplittableRandom rng) {
            SepsisAction action = inner.act(input, rng);
            double[] state = schema.state(input.current().values());
            double[] previous = input.bloc() == 0 ? null
                    : schema.state(input.observations().get(input.bloc() - 1).values());
            double[] doses = schema.doses(action);
            double[] imputed = state.clone();
            for (int f = 0; f < imputed.length; f++) {
                if (!Double.isFinite(imputed[f])) {
                    imputed[f] = means[f];
                }
            }
            double[] row = new double[imputed.length + doses.length];
            System.arraycopy(imputed, 0, row, 0, imputed.length);
            System.arraycopy(doses, 0, row, imputed.length, doses.length);
            decisions++;
            if (!setup.guardian.judge(setup.dynamics.scaler().transform(row)).inSupport()) {
                ood++;
            }
            if (input.bloc() == 0) {
                episodeCosts.add(new double[1]);
            }
            episodeCosts.get(episodeCosts.size() - 1)[0] += costs.totalCost(previous, state, doses);
            return action;
        }

        PolicyResult result(String name, PolicyValue value, Map<String, Double> training, double seconds) {
            double cost = episodeCosts.stream().mapToDouble(c -> c[0]).average().orElse(0);
            double within = episodeCosts.stream().filter(c -> c[0] <= CostBudget.OGSRL_LIMIT).count()
                    / (double) Math.max(1, episodeCosts.size());
            return new PolicyResult(name, value, decisions == 0 ? 0 : (double) ood / decisions, cost, within,
                    training, seconds);
        }
    }

    static String seedTable(SeedResult r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "### Seed %d: %d patients, %d logged steps%n%n"
                + "| policy | true return (95%% CI) | 90-day mortality | OOD rate (true rollouts, KDE) | cost / episode "
                + "(sepsis-bedside) | within budget 0.5 | model return | model cost | model OOD rate | train s |%n"
                + "|---|---|---|---|---|---|---|---|---|---|%n", r.seed(), r.patients(), r.steps()));
        for (PolicyResult p : r.policies()) {
            PolicyValue v = p.value();
            b.append(String.format(Locale.ROOT, "| %s | %.3f (%.3f, %.3f) | %.3f | %.4f | %.3f | %.3f | %s | %s | %s "
                    + "| %.0f |%n", p.name(), v.meanReturn(), v.returnCi95().lower(), v.returnCi95().upper(),
                    v.mortality(), p.oodRate(), p.meanCost(), p.withinBudgetShare(), fmt(p.training().get("meanReturn")),
                    fmt(p.training().get("meanCost")), fmt(p.training().get("oodRate")), p.trainSeconds()));
        }
        return b.append('\n').toString();
    }

    private static String fmt(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }

    static String summary(List<SeedResult> seeds) {
        StringBuilder b = new StringBuilder("### Mean (sd) over seeds " + seeds.stream().map(SeedResult::seed).toList()
                + "\n\n| policy | true return | 90-day mortality | OOD rate (true rollouts) | cost / episode | "
                + "within budget |\n|---|---|---|---|---|---|\n");
        for (String name : seeds.get(0).policies().stream().map(PolicyResult::name).toList()) {
            List<PolicyResult> ps = seeds.stream().map(r -> r.policy(name)).toList();
            b.append("| ").append(name).append(" | ").append(ms(ps, p -> p.value().meanReturn()))
                    .append(" | ").append(ms(ps, p -> p.value().mortality())).append(" | ")
                    .append(ms(ps, PolicyResult::oodRate)).append(" | ").append(ms(ps, PolicyResult::meanCost))
                    .append(" | ").append(ms(ps, PolicyResult::withinBudgetShare)).append(" |\n");
        }
        b.append("\nTargets (per seed):\n");
        for (String[] pair : new String[][] {{"gmb-trpo", "mb-trpo"}, {"gmb-cpo", "mb-cpo"}, {"glagrangian", "mb-cpo"}}) {
            int fivefold = 0;
            int budget = 0;
            int clinician = 0;
            for (SeedResult r : seeds) {
                PolicyResult g = r.policy(pair[0]);
                PolicyResult u = r.policy(pair[1]);
                fivefold += u.oodRate() > 0 && u.oodRate() >= 5 * g.oodRate() ? 1 : 0;
                budget += g.meanCost() <= CostBudget.OGSRL_LIMIT ? 1 : 0;
                clinician += g.value().meanReturn() >= r.policy(CLINICIAN).value().meanReturn() ? 1 : 0;
            }
            b.append(String.format(Locale.ROOT, "- %s: OOD rate <= 1/5 of %s's on %d/%d seeds; cost <= 0.5 on %d/%d; "
                    + "true return >= clinician's on %d/%d%n", pair[0], pair[1], fivefold, seeds.size(), budget,
                    seeds.size(), clinician, seeds.size()));
        }
        return b.toString();
    }

    private static String ms(List<PolicyResult> ps, java.util.function.ToDoubleFunction<PolicyResult> f) {
        double[] x = ps.stream().mapToDouble(f).toArray();
        double mean = Arrays.stream(x).average().orElse(Double.NaN);
        double var = x.length < 2 ? 0 : Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
        return String.format(Locale.ROOT, "%.3f ± %.3f", mean, Math.sqrt(var));
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
                + "per policy, seeds %s)%n%n", patients, iterations, evalEpisodes, Arrays.toString(seeds)));
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
        }
        ExperimentOutput.finish(md, summary(results), start, out);
    }
}
