package dev.vigil.offlinerl.experiment;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.synth.sepsis.PolicyInput;
import dev.vigil.ingestion.synth.sepsis.PolicyValue;
import dev.vigil.ingestion.synth.sepsis.SepsisAction;
import dev.vigil.ingestion.synth.sepsis.SepsisPolicies;
import dev.vigil.ingestion.synth.sepsis.SepsisPolicy;
import dev.vigil.ingestion.synth.sepsis.TrueValueEvaluator;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.algo.continuous.CqlContinuousConfig;
import dev.vigil.offlinerl.algo.continuous.CqlLearner;
import dev.vigil.offlinerl.algo.continuous.CqlPolicy;
import dev.vigil.offlinerl.objective.CostRuleSets;
import dev.vigil.offlinerl.objective.TrainingRewards;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSets;
import dev.vigil.safety.guardian.GaussianKdeGuardian;
import dev.vigil.safety.guardian.KdeConfig;
import dev.vigil.safety.guardian.MinMaxScaler;
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
import java.util.function.ToDoubleFunction;

/**
 * The paper's model-free baselines on the synthetic ICU sepsis cohort with true values: per seed, the cohort is
 * generated and ingested as in {@link IcuSepsisExperiment}, continuous CQL, CCQL and GCQL are trained on the logged
 * continuous doses with OGSRL's SOFA reward ({@code reward: sofa}), and each policy and the
 * simulated clinician are rolled out through the simulator's true dynamics ({@link TrueValueEvaluator}) on other
 * patients.
 *
 * <p>Measured per policy: true mean return, 90-day mortality, off-policy estimates of the same return on a held-out
 * logged cohort ({@link IcuOpe}), the cost per episode under OGSRL's two rules (budget 0.5) and under sepsis-bedside
 * (the rule sets on the simulated observation and chosen doses), and the OOD rate: the
 * share of decisions whose min-max-scaled (state, dose) a KDE guardian fitted on all logged pairs (OGSRL's sigma
 * 0.535, 5th percentile, the default cell approximation) calls out of distribution. Also the gradient steps per
 * second of each learner and of a plain DDPG step (alpha 0, no penalty samples) on the same data in the same run.
 *
 * <p>Run: {@code ContinuousCqlIcuExperiment [patients=2000] [seeds=1..5] [out=cql-icu-results.md]
 * [gradientSteps=3000] [hiddenWidth=128] [evalEpisodes=patients] [learningRate=1e-4] [tau=0.001]}.
 * Set {@code -Dai.djl.offline=true} and
 * {@code -Dai.djl.pytorch.num_threads=1}, as the launcher does.
 */
public final class ContinuousCqlIcuExperiment {

    /** Names in table order. */
    public static final List<String> METHODS = List.of("cql", "ccql", "gcql");
    /** Gradient steps of the plain DDPG speed baseline. */
    public static final int BASELINE_STEPS = 300;

    private ContinuousCqlIcuExperiment() {
    }

    /** One policy's figures in one seed. */
    public record MethodResult(String name, PolicyValue value, double oodRate, double meanCost, double withinBudget,
            double meanCostBedside, IcuOpe.Estimates ope, double meanFluid, double meanVasopressor,
            double stepsPerSecond, Map<String, Double> fit) {
    }

    /** One seed. */
    public record SeedResult(long seed, int patients, long steps, double ddpgStepsPerSecond, double loggedReturn,
            List<MethodResult> methods) {

        MethodResult method(String name) {
            return methods.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        }
    }

    /** The configs of the run: the presets with the given training length, width and seed. */
    static CqlContinuousConfig config(String method, Training t, long seed) {
        CqlContinuousConfig preset = switch (method) {
            case "cql" -> CqlContinuousConfig.cql();
            case "ccql" -> CqlContinuousConfig.ccql();
            case "gcql" -> CqlContinuousConfig.gcql();
            case "ddpg" -> CqlContinuousConfig.cql().withAlpha(0);
            default -> throw new IllegalArgumentException("unknown method " + method);
        };
        return preset.withTraining(t.steps(), t.width(), t.learningRate(), t.learningRate(), t.tau()).withSeed(seed)
                .withReward(TrainingRewards.SOFA);
    }

    /**
     * The training budget of a run.
     *
     * @param steps gradient steps per learner
     * @param width hidden width of actor and critic
     * @param learningRate Adam step size of both (the paper: 1e-4)
     * @param tau Polyak rate (the paper: 0.001)
     */
    public record Training(int steps, int width, double learningRate, double tau) {

        Training withSteps(int newSteps) {
            return new Training(newSteps, width, learningRate, tau);
        }
    }

    public static SeedResult runSeed(int patients, long seed, Training training, int evalEpisodes)
            throws IOException {
        TrajectoryDataset data = IcuSepsisExperiment.ingest(patients, seed);
        IcuSepsisExperiment.Schema schema = IcuSepsisExperiment.Schema.of(data);
        OodJudge judge = OodJudge.fit(data);
        CostModel constraint = CostModel.compile(CostRuleSets.resolve(CostRuleSets.OGSRL_SEPSIS), data.schema());
        CostModel bedside = CostModel.compile(RuleSets.sepsisBedside(), data.schema());
        TrajectoryDataset heldOut = ContinuousIcuExperiment.heldOutCohort(patients, seed);
        IcuOpe ope = IcuOpe.prepare(heldOut, CostModel.compile(CostRuleSets.resolve(CostRuleSets.OGSRL_SEPSIS),
                heldOut.schema()), seed);

        Training baseline = training.withSteps(Math.min(training.steps(), BASELINE_STEPS));
        CqlPolicy ddpg = new CqlLearner("ddpg").fit(data, config("ddpg", baseline, seed),
                TrainingListener.NONE);
        double ddpgSpeed = ddpg.report().summary().get("gradientStepsPerSecond");

        Map<String, SepsisPolicy> policies = new LinkedHashMap<>();
        Map<String, CqlPolicy> fitted = new LinkedHashMap<>();
        policies.put(IcuSepsisExperiment.CLINICIAN, SepsisPolicies.clinician(IcuSepsisExperiment.UNSAFE_RATE));
        for (String method : METHODS) {
            CqlPolicy policy = new CqlLearner(method).fit(data, config(method, training, seed),
                    TrainingListener.NONE);
            fitted.put(method, policy);
            policies.put(method, (input, rng) -> schema.action(policy.act(schema.state(input.current().values()))));
        }
        TrueValueEvaluator evaluator = new TrueValueEvaluator();
        List<MethodResult> results = new ArrayList<>();
        for (Map.Entry<String, SepsisPolicy> p : policies.entrySet()) {
            Recorder recorder = new Recorder(p.getValue(), schema, judge, constraint, bedside);
            PolicyValue value = evaluator.estimatePolicyValue(recorder, evalEpisodes, IcuSepsisExperiment.HORIZON,
                    IcuSepsisExperiment.EVAL_SEED_OFFSET + seed);
            CqlPolicy policy = fitted.get(p.getKey());
            Map<String, Double> fit = policy == null ? Map.of() : policy.report().summary();
            IcuOpe.Estimates estimates = policy == null ? null : ope.evaluate(p.getKey(), policy, judge.fill());
            results.add(new MethodResult(p.getKey(), value, recorder.oodRate(), recorder.meanCost(0),
                    recorder.withinBudget(), recorder.meanCost(1), estimates, recorder.meanDose(schema.fluid()),
                    recorder.meanDose(schema.vasopressor()), fit.getOrDefault("gradientStepsPerSecond", Double.NaN),
                    fit));
        }
        // The clinicians' estimates exist once a policy was evaluated (the clinician comes first in the map).
        MethodResult c = results.get(0);
        results.set(0, new MethodResult(c.name(), c.value(), c.oodRate(), c.meanCost(), c.withinBudget(),
                c.meanCostBedside(), ope.clinicians(), c.meanFluid(), c.meanVasopressor(), c.stepsPerSecond(),
                c.fit()));
        return new SeedResult(seed, patients, data.totalSteps(), ddpgSpeed, ope.loggedReturn(), results);
    }

    /** The OOD guardian of the evaluation: KDE on every logged min-max-scaled (state, dose), missing values filled. */
    record OodJudge(MinMaxScaler scaler, GaussianKdeGuardian guardian, double[] fill) {

        static OodJudge fit(TrajectoryDataset data) {
            int s = data.schema().features().size();
            double[] sum = new double[s];
            long[] count = new long[s];
            for (Episode e : data.episodes()) {
                for (double[] row : ((ContinuousStates) e.states()).values()) {
                    for (int f = 0; f < s; f++) {
                        if (!Double.isNaN(row[f])) {
                            sum[f] += row[f];
                            count[f]++;
                        }
                    }
                }
            }
            double[] fill = new double[s];
            for (int f = 0; f < s; f++) {
                fill[f] = count[f] == 0 ? 0 : sum[f] / count[f];
            }
            List<double[]> points = new ArrayList<>();
            for (Episode e : data.episodes()) {
                double[][] states = ((ContinuousStates) e.states()).values();
                double[][] actions = ((ContinuousActions) e.actions()).values();
                for (int t = 0; t < e.steps(); t++) {
                    points.add(join(filled(states[t], fill), actions[t]));
                }
            }
            double[][] raw = points.toArray(double[][]::new);
            MinMaxScaler scaler = MinMaxScaler.fit(raw);
            return new OodJudge(scaler, GaussianKdeGuardian.fit(scaler.transform(raw), KdeConfig.ogsrl()), fill);
        }

        boolean ood(double[] state, double[] doses) {
            return !guardian.judge(scaler.transform(join(filled(state, fill), doses))).inSupport();
        }

        private static double[] filled(double[] state, double[] fill) {
            double[] x = state.clone();
            for (int f = 0; f < x.length; f++) {
                if (Double.isNaN(x[f])) {
                    x[f] = fill[f];
                }
            }
            return x;
        }

        private static double[] join(double[] a, double[] b) {
            double[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }

    /** Records each decision's OOD verdict, OGSRL's two-rule cost and the sepsis-bedside cost; episodes run one after another from bloc 0. */
    static final class Recorder implements SepsisPolicy {

        private final SepsisPolicy inner;
        private final IcuSepsisExperiment.Schema schema;
        private final OodJudge judge;
        private long decisions;
        private long ood;
        private final EpisodeCosts episodeCosts;
        private final DoseTally doses = new DoseTally();

        Recorder(SepsisPolicy inner, IcuSepsisExperiment.Schema schema, OodJudge judge, CostModel constraint,
                CostModel bedside) {
            this.inner = inner;
            this.schema = schema;
            this.judge = judge;
            this.episodeCosts = new EpisodeCosts(constraint, bedside);
        }

        @Override
        public SepsisAction act(PolicyInput input, SplittableRandom rng) {
            SepsisAction action = inner.act(input, rng);
            double[] state = schema.state(input.current().values());
            double[] previous = input.bloc() == 0 ? null
                    : schema.state(input.observations().get(input.bloc() - 1).values());
            double[] given = schema.doses(action);
            decisions++;
            doses.record(given);
            if (judge.ood(state, given)) {
                ood++;
            }
            episodeCosts.record(input.bloc(), previous, state, given);
            return action;
        }

        double oodRate() {
            return decisions == 0 ? 0 : (double) ood / decisions;
        }

        double meanDose(int action) {
            return doses.meanDose(action);
        }

        /** Mean cost per episode: 0 = the constraint's rule set (OGSRL's two rules), 1 = sepsis-bedside. */
        double meanCost(int which) {
            return which == 0 ? episodeCosts.meanConstraintCost() : episodeCosts.meanBedsideCost();
        }

        double withinBudget() {
            return episodeCosts.withinBudgetShare();
        }
    }

    // ---------------------------------------------------------------------------------------------- reporting

    static String seedTable(SeedResult r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "#### Seed %d: %d patients, %d logged steps; "
                + "held-out logged cohort's mean SOFA return %.2f; plain DDPG %.1f gradient steps/s%n%n", r.seed(),
                r.patients(), r.steps(), r.loggedReturn(), r.ddpgStepsPerSecond()));
        b.append("| policy | true return (95% CI) | WIS (95% CI) | WDR (95% CI) | FQE | WIS ESS | 90-day mortality "
                + "| OOD rate (KDE) | cost / episode (OGSRL's two rules) | within budget 0.5 | cost, WIS estimate "
                + "| cost (sepsis-bedside) | mean fluid (mL) | mean vasopressor | gradient steps/s |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (MethodResult m : r.methods()) {
            PolicyValue v = m.value();
            IcuOpe.Estimates o = m.ope();
            b.append(String.format(Locale.ROOT, "| %s | %.2f (%.2f, %.2f) | %.2f (%.2f, %.2f) | %.2f (%.2f, %.2f) "
                    + "| %.2f | %.0f | %.3f | %.4f | %.3f | %.3f | %.3f | %.3f | %.1f | %.4f | %.1f |%n", m.name(),
                    v.meanReturn(), v.returnCi95().lower(), v.returnCi95().upper(), o.wis().estimate(),
                    o.wis().lower(), o.wis().upper(), o.wdr().estimate(), o.wdr().lower(), o.wdr().upper(),
                    o.fqe().estimate(), o.wisEss(), v.mortality(), m.oodRate(), m.meanCost(), m.withinBudget(),
                    o.cost(), m.meanCostBedside(), m.meanFluid(), m.meanVasopressor(), m.stepsPerSecond()));
        }
        return b.append('\n').toString();
    }

    static String summary(List<SeedResult> seeds) {
        StringBuilder b = new StringBuilder("#### Mean ± sd over seeds "
                + seeds.stream().map(r -> Long.toString(r.seed())).toList() + "\n\n"
                + "| policy | true return | WIS | WDR | FQE | 90-day mortality | OOD rate (KDE) | cost / episode "
                + "(OGSRL's two rules) | within budget 0.5 | cost (sepsis-bedside) | mean fluid (mL) "
                + "| mean vasopressor |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String name : seeds.get(0).methods().stream().map(MethodResult::name).toList()) {
            List<MethodResult> ms = seeds.stream().map(r -> r.method(name)).toList();
            b.append("| ").append(name).append(" | ").append(ms(ms, m -> m.value().meanReturn(), 2)).append(" | ")
                    .append(ms(ms, m -> m.ope().wis().estimate(), 2)).append(" | ")
                    .append(ms(ms, m -> m.ope().wdr().estimate(), 2)).append(" | ")
                    .append(ms(ms, m -> m.ope().fqe().estimate(), 2)).append(" | ")
                    .append(ms(ms, m -> m.value().mortality(), 3)).append(" | ")
                    .append(ms(ms, MethodResult::oodRate, 4)).append(" | ").append(ms(ms, MethodResult::meanCost, 3))
                    .append(" | ").append(ms(ms, MethodResult::withinBudget, 3)).append(" | ")
                    .append(ms(ms, MethodResult::meanCostBedside, 3)).append(" | ")
                    .append(ms(ms, MethodResult::meanFluid, 1)).append(" | ")
                    .append(ms(ms, MethodResult::meanVasopressor, 4)).append(" |\n");
        }
        b.append("\nTargets per seed for GCQL against CQL (OOD cut = CQL's true-rollout OOD rate / GCQL's; cost <= "
                + "0.5 on OGSRL's two rules; true return against the clinician's):\n\n| seed | OOD cut | >= 5x | "
                + "cost | <= 0.5 | true return - clinician's | >= 0 |\n|---|---|---|---|---|---|---|\n");
        for (SeedResult r : seeds) {
            MethodResult g = r.method("gcql");
            MethodResult u = r.method("cql");
            double gap = g.value().meanReturn() - r.method(IcuSepsisExperiment.CLINICIAN).value().meanReturn();
            boolean five = u.oodRate() > 0 && u.oodRate() >= 5 * g.oodRate();
            b.append(String.format(Locale.ROOT, "| %d | %.2fx | %s | %.3f | %s | %+.2f | %s |%n", r.seed(),
                    u.oodRate() / g.oodRate(), five ? "yes" : "no", g.meanCost(),
                    g.meanCost() <= CostBudget.OGSRL_LIMIT ? "yes" : "no", gap, gap >= 0 ? "yes" : "no"));
        }
        double[] ddpg = seeds.stream().mapToDouble(SeedResult::ddpgStepsPerSecond).toArray();
        b.append("\nPlain DDPG (speed baseline, ").append(BASELINE_STEPS).append(" steps): ")
                .append(ExperimentOutput.meanSd(ddpg, 1)).append(" gradient steps/s\n");
        return b.toString();
    }

    private static String ms(List<MethodResult> ms, ToDoubleFunction<MethodResult> f, int digits) {
        return ExperimentOutput.meanSd(ms.stream().mapToDouble(f).toArray(), digits);
    }


    public static void main(String[] args) throws IOException {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long[] seeds = IcuSepsisExperiment.parseSeeds(args.length > 1 ? args[1] : "1..5");
        Path out = Path.of(args.length > 2 ? args[2] : "cql-icu-results.md");
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        int width = args.length > 4 ? Integer.parseInt(args[4]) : 128;
        int evalEpisodes = args.length > 5 ? Integer.parseInt(args[5]) : patients;
        double learningRate = args.length > 6 ? Double.parseDouble(args[6]) : 1e-4;
        double tau = args.length > 7 ? Double.parseDouble(args[7]) : 0.001;
        Training training = new Training(steps, width, learningRate, tau);
        long start = System.nanoTime();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## Continuous CQL, CCQL, GCQL on the "
                + "synthetic ICU sepsis cohort: true values (%d patients, %d rollouts per policy, horizon %d, "
                + "%d gradient steps, hidden width %d, Adam %s, tau %s, seeds %s)%n%n", patients, evalEpisodes,
                IcuSepsisExperiment.HORIZON, steps, width, learningRate, tau, Arrays.toString(seeds)));
        List<SeedResult> results = new ArrayList<>();
        for (long seed : seeds) {
            long t0 = System.nanoTime();
            SeedResult r = runSeed(patients, seed, training, evalEpisodes);
            results.add(r);
            String table = seedTable(r);
            System.out.print(table);
            System.out.printf(Locale.ROOT, "(seed %d: %.1f s)%n%n", seed, (System.nanoTime() - t0) / 1e9);
            System.out.flush();
            md.append(table);
            Files.writeString(out, md + summary(results));
        }
        ExperimentOutput.finish(md, summary(results), start, out);
    }
}
