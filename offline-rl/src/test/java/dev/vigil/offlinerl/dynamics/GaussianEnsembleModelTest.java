package dev.vigil.offlinerl.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trains on the known linear system (200 episodes x 10 steps). Training runs once per seed for the whole
 * class ({@link Trained}); the trained models are only read, except through {@link
 * GaussianEnsembleModel#reseeded}, which gives each test its own sampler.
 */
class GaussianEnsembleModelTest {

    static final GaussianEnsembleConfig CONFIG =
            new GaussianEnsembleConfig(5, 1, 32, 2, 3e-3, 64, 40, 5, 0.2, -10, 0.5, 7);

    /** Lazily trained once per JVM: training is the slow part (seconds), and the result is immutable. */
    static final class Trained {
        static final DynamicsData DATA = DynamicsData.fit(LinearSystemData.generate(200, 10, 11));
        static final EnsembleFit FIT = new GaussianEnsembleTrainer(CONFIG).fit(DATA.episodes());
        static final List<ScaledEpisode> HELD_OUT = DATA.transform(LinearSystemData.generate(40, 10, 99));
    }

    @Test
    void meanPredictionBeatsTheNoChangeBaselineOnHeldOutEpisodes() {
        GaussianEnsembleModel model = Trained.FIT.model();
        double modelError = 0;
        double baselineError = 0;
        for (ScaledEpisode episode : Trained.HELD_OUT) {
            for (int t = 0; t + 1 < episode.steps(); t++) {
                double[][] means = model.predictMeans(new double[][] {episode.state(t)}, episode.action(t));
                double[] now = episode.state(t);
                double[] next = episode.state(t + 1);
                for (int j = 0; j < next.length; j++) {
                    double mean = 0;
                    for (double[] member : means) {
                        mean += member[j] / means.length;
                    }
                    modelError += (mean - next[j]) * (mean - next[j]);
                    baselineError += (now[j] - next[j]) * (now[j] - next[j]);
                }
            }
        }
        System.out.printf("ensemble training: %d ms, members %s%n", Trained.FIT.trainingMillis(),
                Trained.FIT.members());
        System.out.printf("held-out squared error: ensemble %.5f, no-change %.5f%n", modelError, baselineError);
        assertThat(modelError).isLessThan(0.1 * baselineError);
    }

    @Test
    void disagreesMoreFarOutsideTheDataThanInside() {
        GaussianEnsembleModel model = Trained.FIT.model();
        double inside = 0;
        int count = 0;
        for (ScaledEpisode episode : Trained.HELD_OUT) {
            for (int t = 0; t + 1 < episode.steps(); t++) {
                inside += meanPairwiseDistance(model.predict(Matrices.concat(episode.state(t), episode.action(t))));
                count++;
            }
        }
        inside /= count;
        double outside = meanPairwiseDistance(model.predict(new double[] {6, -6, 6, 6}));

        System.out.printf("disagreement: inside %.5f, far outside %.5f%n", inside, outside);
        assertThat(outside).isGreaterThan(5 * inside);
    }

    @Test
    void trainsWithEarlyStoppingOnHeldOutEpisodes() {
        EnsembleFit fit = Trained.FIT;

        assertThat(fit.members()).hasSize(5);
        assertThat(fit.holdoutTransitions()).isEqualTo(40 * 9);
        assertThat(fit.trainingTransitions()).isEqualTo(160 * 9);
        assertThat(fit.members()).allSatisfy(member -> {
            assertThat(member.bestEpoch()).isBetween(1, member.epochs());
            assertThat(member.bestHoldoutNll()).isFinite();
        });
        assertThat(fit.members()).extracting(MemberFit::seed).doesNotHaveDuplicates();
    }

    @Test
    void sameSeedGivesIdenticalPredictions() {
        EnsembleFit again = new GaussianEnsembleTrainer(CONFIG).fit(Trained.DATA.episodes());
        double[] point = {0.3, -0.2, 0.1, 0.5};

        assertThat(again.model().predict(point)).isDeepEqualTo(Trained.FIT.model().predict(point));
        assertThat(again.members()).isEqualTo(Trained.FIT.members());
        System.out.printf("ensemble retraining: %d ms%n", again.trainingMillis());
    }

    @Test
    void stepSamplesReproduciblyFromItsSeed() {
        double[][] history = {{0.1, 0.2, 0.3}};
        double[] action = {0.4};

        GaussianEnsembleModel first = Trained.FIT.model().reseeded(3);
        GaussianEnsembleModel second = Trained.FIT.model().reseeded(3);
        Transition a1 = first.step(history, action);
        Transition a2 = first.step(history, action);

        assertThat(second.step(history, action).nextState()).containsExactly(a1.nextState());
        assertThat(second.step(history, action).nextState()).containsExactly(a2.nextState());
        assertThat(a1.nextState()).isNotEqualTo(a2.nextState());
        assertThat(a1.terminal()).isFalse();
    }

    @Test
    void savedAndLoadedEnsemblePredictsIdentically() throws IOException {
        GaussianEnsembleModel model = Trained.FIT.model();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EnsembleModelFormat.write(model, out);

        GaussianEnsembleModel loaded = EnsembleModelFormat.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(loaded.config()).isEqualTo(CONFIG);
        for (ScaledEpisode episode : Trained.HELD_OUT.subList(0, 5)) {
            double[] point = Matrices.concat(episode.state(0), episode.action(0));
            assertThat(loaded.predict(point)).isDeepEqualTo(model.predict(point));
        }
        double[][] history = {{0.1, 0.2, 0.3}};
        assertThat(loaded.reseeded(1).step(history, new double[] {0.2}).nextState())
                .containsExactly(model.reseeded(1).step(history, new double[] {0.2}).nextState());
    }

    @Test
    void loadRejectsAnUnknownVersion() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EnsembleModelFormat.write(Trained.FIT.model(), out);
        byte[] bytes = out.toByteArray();
        ByteBuffer.wrap(bytes).putInt(EnsembleModelFormat.MAGIC.length, 99);

        assertThatThrownBy(() -> EnsembleModelFormat.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(DynamicsFormatException.class)
                .hasMessageContaining("version 99 is not supported")
                .hasMessageContaining("reads version 1");
    }

    @Test
    void loadRejectsAnotherFile() {
        byte[] bytes = "NOTAMODEL-AT-ALL".getBytes();

        assertThatThrownBy(() -> EnsembleModelFormat.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(DynamicsFormatException.class)
                .hasMessageContaining("bad magic");
    }

    @Test
    void configRejectsASingleMember() {
        assertThatThrownBy(() -> new GaussianEnsembleConfig(1, 1, 8, 1, 1e-3, 8, 1, 1, 0.2, -10, 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }

    static double meanPairwiseDistance(double[][] predictions) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < predictions.length; i++) {
            for (int j = i + 1; j < predictions.length; j++) {
                double d = 0;
                for (int f = 0; f < predictions[i].length; f++) {
                    d += (predictions[i][f] - predictions[j][f]) * (predictions[i][f] - predictions[j][f]);
                }
                sum += Math.sqrt(d);
                pairs++;
            }
        }
        return sum / pairs;
    }
}
