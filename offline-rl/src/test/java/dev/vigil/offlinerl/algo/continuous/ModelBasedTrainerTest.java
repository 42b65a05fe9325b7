package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.OodGuardian;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBasedTrainerTest {

    /** In support only for small actions |a| <= 0.2: the data's narrow support. */
    static final OodGuardian NARROW = new OodGuardian() {
        @Override
        public GuardVerdict judge(double[] point) {
            return GuardVerdict.of(0.2 - Math.abs(point[1]), 0);
        }

        @Override
        public int dimension() {
            return 2;
        }
    };

    private static List<Map<String, Double>> run(ModelBasedConfig config, ModelBasedTrainer.Optimiser optimiser,
            OodGuardian guardian, boolean guarded) {
        List<Map<String, Double>> curve = new ArrayList<>();
        PointMass env = new PointMass();
        RolloutSampler sampler = new RolloutSampler(env, guardian, guarded, config.oodPenalty(), config.oodCost(),
                config.horizon());
        new ModelBasedTrainer(config, optimiser, env, sampler, PointMass.START, PolicyScaling.identity(1, 1))
                .train((i, m) -> curve.add(m), ModelBasedTrainer.Checkpointing.NONE);
        return curve;
    }

    private static double tail(List<Map<String, Double>> curve, String metric, int n) {
        return curve.subList(curve.size() - n, curve.size()).stream().mapToDouble(m -> m.get(metric)).average()
                .orElseThrow();
    }

    @Test
    void trpoImprovesTheReturnAndCpoKeepsTheCostWithinABudgetTrpoBreaks() {
        List<Map<String, Double>> trpo = run(PointMass.config(60, 1.0, 1), ModelBasedTrainer.Optimiser.TRPO, null,
                false);
        List<Map<String, Double>> cpo = run(PointMass.config(60, 1.0, 1), ModelBasedTrainer.Optimiser.CPO, null,
                false);
        assertThat(tail(trpo, "meanReturn", 10)).isGreaterThan(trpo.get(0).get("meanReturn") + 0.5);
        assertThat(tail(trpo, "meanCost", 10)).isGreaterThan(3.0);
        assertThat(tail(cpo, "meanCost", 10)).isLessThan(1.5);
        assertThat(tail(cpo, "meanReturn", 10)).isGreaterThan(cpo.get(0).get("meanReturn"));
    }

    @Test
    void theGuardianCutsOodStepsFarBelowTheUnguardedRun() {
        ModelBasedConfig config = PointMass.config(60, 100, 2);
        List<Map<String, Double>> unguarded = run(config, ModelBasedTrainer.Optimiser.TRPO, NARROW, false);
        List<Map<String, Double>> guarded = run(config, ModelBasedTrainer.Optimiser.TRPO, NARROW, true);
        double u = tail(unguarded, "oodRate", 10);
        double g = tail(guarded, "oodRate", 10);
        assertThat(u).isGreaterThan(0.3);
        assertThat(g).isLessThan(u / 5);
    }

    @Test
    void theGuardedLagrangianRaisesItsMultipliersWhileConstraintsAreBroken() {
        List<Map<String, Double>> curve = run(PointMass.config(20, 0.0, 3), ModelBasedTrainer.Optimiser.LAGRANGIAN,
                NARROW, true);
        assertThat(curve.get(curve.size() - 1).get("lambdaCost")).isPositive();
        assertThat(curve.get(0).get("lambdaOod")).isPositive();
    }

    @Test
    void sameSeedSameNumbers() {
        ModelBasedConfig config = PointMass.config(5, 1.0, 7);
        assertThat(run(config, ModelBasedTrainer.Optimiser.CPO, NARROW, true))
                .isEqualTo(run(config, ModelBasedTrainer.Optimiser.CPO, NARROW, true));
        assertThat(run(config, ModelBasedTrainer.Optimiser.CPO, NARROW, true))
                .isNotEqualTo(run(PointMass.config(5, 1.0, 8), ModelBasedTrainer.Optimiser.CPO, NARROW, true));
    }

    @Test
    void aResumedRunEndsWithTheSamePolicyAsAnUninterruptedOne(@TempDir Path dir) {
        PointMass env = new PointMass();
        ModelBasedConfig full = PointMass.config(8, 1.0, 11);
        RolloutSampler sampler = new RolloutSampler(env, NARROW, true, -25, 1, full.horizon());
        ModelBasedTrainer.Result straight = new ModelBasedTrainer(full, ModelBasedTrainer.Optimiser.CPO, env, sampler,
                PointMass.START, PolicyScaling.identity(1, 1)).train(TrainingListener.NONE,
                        ModelBasedTrainer.Checkpointing.NONE);

        // Interrupted after iteration 4 (a process killed there): only checkpoints 2 and 4 exist.
        DirectoryCheckpointStore store = new DirectoryCheckpointStore(dir);
        ModelBasedTrainer first = new ModelBasedTrainer(full, ModelBasedTrainer.Optimiser.CPO, env, sampler,
                PointMass.START, PolicyScaling.identity(1, 1));
        CheckpointStore stopAt4 = new CheckpointStore() {
            @Override
            public void save(Checkpoint c) {
                if (c.iteration() > 4) {
                    throw new IllegalStateException("killed");
                }
                store.save(c);
            }

            @Override
            public java.util.Optional<Checkpoint> latest() {
                return store.latest();
            }

            @Override
            public List<Integer> iterations() {
                return store.iterations();
            }

            @Override
            public Checkpoint load(int iteration) {
                return store.load(iteration);
            }
        };
        try {
            first.train(TrainingListener.NONE, new ModelBasedTrainer.Checkpointing(stopAt4, 2, false));
        } catch (IllegalStateException expected) {
            // the simulated crash
        }
        assertThat(store.iterations()).containsExactly(2, 4);
        ModelBasedTrainer.Result resumed = new ModelBasedTrainer(full, ModelBasedTrainer.Optimiser.CPO, env, sampler,
                PointMass.START, PolicyScaling.identity(1, 1)).train(TrainingListener.NONE,
                        new ModelBasedTrainer.Checkpointing(store, 2, true));
        assertThat(resumed.startedAt()).isEqualTo(4);
        assertThat(resumed.policy().parameters()).containsExactly(straight.policy().parameters());
        assertThat(resumed.lastMetrics()).isEqualTo(straight.lastMetrics());
        Checkpoint last = store.latest().orElseThrow();
        assertThat(last.iteration()).isEqualTo(8);
        assertThat(last.policy().apply(new double[] {0.1}))
                .containsExactly(new double[] {straight.policy().mean(new double[] {0.1})[0]},
                        org.assertj.core.api.Assertions.within(1e-6));
    }
}
