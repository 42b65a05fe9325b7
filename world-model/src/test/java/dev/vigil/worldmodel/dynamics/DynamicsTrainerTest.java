package dev.vigil.worldmodel.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded training is reproducible; the model files round-trip and describe themselves. */
class DynamicsTrainerTest {

    static final DynamicsArchitecture TINY = new DynamicsArchitecture(16, 4, 4, 8, 2);

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedDoesNot() {
        List<WorldModelSample> samples = SyntheticTumours.samples(6, 16, WorldModelBenchmark.mewmProtocols(), 4);
        List<EpochReport> reports = new ArrayList<>();
        TrainedDynamicsModel first = train(samples, 21, reports::add);
        TrainedDynamicsModel again = train(samples, 21, TrainingListener.NONE);
        TrainedDynamicsModel other = train(samples, 22, TrainingListener.NONE);

        assertThat(reports).extracting(EpochReport::epoch).containsExactly(1, 2);
        assertThat(reports).allSatisfy(r -> assertThat(r.total()).isFinite().isPositive());
        for (NamedTensor tensor : first.weights().tensors()) {
            assertThat(again.weights().get(tensor.name()).values()).as(tensor.name()).containsExactly(tensor.values());
        }
        assertThat(other.weights().get("enc1.w").values()).isNotEqualTo(first.weights().get("enc1.w").values());
        assertThat(first.history()).isEqualTo(again.history());
        assertThat(first.dataHash()).isEqualTo(DynamicsTrainer.dataHash(samples)).hasSize(64);
    }

    @Test
    void trainingChangesTheWeightsAndLowersTheLoss() {
        List<WorldModelSample> samples = SyntheticTumours.samples(8, 16, WorldModelBenchmark.mewmProtocols(), 5);
        TrainedDynamicsModel model = new DynamicsTrainer(TINY, new TrainingConfig(1, 6, 4, 1e-2, 10, 1, 0.05))
                .train(samples, TrainingListener.NONE);
        assertThat(model.history().get(5).total()).isLessThan(model.history().get(0).total());
        assertThat(model.weights().get("head.w").values())
                .isNotEqualTo(ParameterLayout.initial(TINY, 0).get("head.w").values());
    }

    @Test
    void aNonFiniteEpochLossIsRefusedInsteadOfGivingAModelThatPredictsNothing() {
        // Inputs are validated and the learning rate bounded, so a real divergence cannot be provoked on purpose
        // here; the guard the training loop calls after every epoch is tested directly.
        assertThatThrownBy(() -> DynamicsTrainer.requireFiniteLoss(
                new EpochReport(3, Double.NaN, 0.2, Double.NaN, 0.5, 0.1), 1e-3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Dynamics training diverged at epoch 3: loss NaN (CT 0.2, BCE NaN, Dice 0.5, "
                        + "KL 0.1)")
                .hasMessageContaining("no model was produced")
                .hasMessageContaining("learning rate (0.001)")
                .hasMessageContaining("DNNL_MAX_CPU_ISA=SSE41");
        assertThatThrownBy(() -> DynamicsTrainer.requireFiniteLoss(
                new EpochReport(1, Double.POSITIVE_INFINITY, 1, 1, 1, 1), 1e-3)).hasMessageContaining("loss Infinity");
        DynamicsTrainer.requireFiniteLoss(new EpochReport(1, 2.5, 1, 1, 0.4, 0.1), 1e-3);   // finite: accepted
    }

    @Test
    void theInteractionRidgeShrinksOnlyTheProductWeightsOfTheConditioning() {
        List<WorldModelSample> samples = SyntheticTumours.samples(8, 16, WorldModelBenchmark.mewmProtocols(), 5);
        TrainingConfig plain = new TrainingConfig(1, 3, 4, 1e-2, 10, 1, 0.05);
        TrainedDynamicsModel free = new DynamicsTrainer(TINY, plain).train(samples, TrainingListener.NONE);
        TrainedDynamicsModel ridged = new DynamicsTrainer(TINY, plain.withInteractionDecay(0.1))
                .train(samples, TrainingListener.NONE);
        int first = ProtocolVocabulary.TERMS.size() + TINY.noiseDim();
        double freeProducts = sumOfSquares(free.weights().get("cond.w"), first, Integer.MAX_VALUE);
        double ridgedProducts = sumOfSquares(ridged.weights().get("cond.w"), first, Integer.MAX_VALUE);
        double freeProtocol = sumOfSquares(free.weights().get("cond.w"), 0, first);
        double ridgedProtocol = sumOfSquares(ridged.weights().get("cond.w"), 0, first);
        assertThat(ridgedProducts).as("product weights with the ridge").isLessThan(0.8 * freeProducts);
        assertThat(ridgedProtocol).as("protocol and noise weights are not penalised")
                .isGreaterThan(0.8 * freeProtocol);
        assertThatThrownBy(() -> plain.withInteractionDecay(-1)).hasMessageContaining("interactionDecay");
    }

    /** Sum of squares of columns [from, to) of a 2-D weight [rows, columns]. */
    static double sumOfSquares(NamedTensor weight, int from, int to) {
        int columns = (int) weight.shape()[1];
        double sum = 0;
        for (int i = 0; i < weight.values().length; i++) {
            int column = i % columns;
            if (column >= from && column < to) {
                sum += weight.values()[i] * weight.values()[i];
            }
        }
        return sum;
    }

    @Test
    void savedFilesRoundTripWithAManifest() throws Exception {
        List<WorldModelSample> samples = SyntheticTumours.samples(4, 16, WorldModelBenchmark.mewmProtocols(), 6);
        TrainedDynamicsModel model = train(samples, 3, TrainingListener.NONE);
        DynamicsModelFiles.save(model, dir);

        TrainedDynamicsModel loaded = DynamicsModelFiles.load(dir);
        assertThat(loaded.weights().architecture()).isEqualTo(TINY);
        for (NamedTensor tensor : model.weights().tensors()) {
            assertThat(loaded.weights().get(tensor.name()).values()).containsExactly(tensor.values());
        }
        assertThat(loaded.config()).isEqualTo(model.config());
        assertThat(loaded.history()).isEqualTo(model.history());
        assertThat(loaded.dataHash()).isEqualTo(model.dataHash());

        JsonNode manifest = new ObjectMapper().readTree(dir.resolve(DynamicsModelFiles.MANIFEST).toFile());
        assertThat(manifest.path("contract").path("inputs").get(2).path("name").asText()).isEqualTo("protocol");
        assertThat(manifest.path("contract").path("inputs").get(0).path("shape").toString())
                .isEqualTo("[1,1,16,16,16]");
        assertThat(manifest.path("contract").path("outputs").get(1).path("shape").toString())
                .isEqualTo("[\"batch\",1,16,16,16]");
        assertThat(manifest.path("sampleCount").asInt()).isEqualTo(4);
        assertThat(manifest.path("codeVersion").asText()).isNotBlank();

        byte[] parameters = Files.readAllBytes(dir.resolve(DynamicsModelFiles.PARAMETERS));
        parameters[parameters.length - 1] ^= 1;
        Files.write(dir.resolve(DynamicsModelFiles.PARAMETERS), parameters);
        assertThatThrownBy(() -> DynamicsModelFiles.load(dir)).hasMessageContaining("dynamics.params")
                .hasMessageContaining("SHA-256");
    }

    @Test
    void badSamplesAndConfigsAreRefusedWithTheFieldNamed() {
        float[] volume = new float[8];
        float[] protocol = new float[14];
        float[] bad = volume.clone();
        bad[3] = 1.5f;
        assertThatThrownBy(() -> new WorldModelSample(volume, volume, protocol, bad, volume, 2))
                .hasMessageContaining("post[3] = 1.5");
        assertThatThrownBy(() -> new WorldModelSample(volume, volume, new float[13], volume, volume, 2))
                .hasMessageContaining("protocol must hold 14");
        assertThatThrownBy(() -> new TrainingConfig(1, 0, 8, 1e-3, 1, 1, 1)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new DynamicsArchitecture(20, 4, 4, 4, 2)).hasMessageContaining("size");
        List<WorldModelSample> wrongSize = SyntheticTumours.samples(1, 8, WorldModelBenchmark.mewmProtocols(), 1);
        assertThatThrownBy(() -> train(wrongSize, 1, TrainingListener.NONE))
                .hasMessageContaining("sample 0 has size 8");
    }

    private static TrainedDynamicsModel train(List<WorldModelSample> samples, long seed, TrainingListener listener) {
        return new DynamicsTrainer(TINY, new TrainingConfig(seed, 2, 4, 5e-3, 10, 1, 0.05)).train(samples, listener);
    }
}
