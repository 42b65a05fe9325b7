package dev.vigil.worldmodel.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixed tumour-phenotype features of {@link DynamicsNetwork#phenotype} and their products with the protocol
 * in {@link DynamicsNetwork#conditioning}, against numbers worked out by hand on an 8^3 crop.
 */
class PhenotypeFeaturesTest {

    static final DynamicsArchitecture TINY = new DynamicsArchitecture(8, 2, 4, 8, 2);
    static final int VOXELS = 8 * 8 * 8;
    static final float T = DynamicsNetwork.VIABLE_THRESHOLD;

    /**
     * Four tumour voxels: two exactly at the viable threshold (soft indicator 1/2 each), one far above it at 0.9
     * (indicator 1 - 1.2e-8) and one far below at 0.0 (indicator sigmoid(-8.5) = 2.03e-4); one bright voxel outside
     * the mask (0.95) that must not count; background 0.
     */
    static float[][] patient() {
        float[] pre = new float[VOXELS];
        float[] mask = new float[VOXELS];
        pre[0] = T;
        pre[1] = T;
        pre[2] = 0.9f;
        pre[3] = 0f;
        pre[100] = 0.95f;
        for (int i = 0; i < 4; i++) {
            mask[i] = 1f;
        }
        return new float[][] {pre, mask};
    }

    @Test
    void maskedMeansMatchTheHandComputedValues() {
        float[][] patient = patient();
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            float[] phi = network().phenotype(volume(manager, patient[0]), volume(manager, patient[1]))
                    .toFloatArray();
            // sigmoid(30 (0.9 - 0.28333)) = 1 - 9.3e-9 and sigmoid(30 (0 - 0.28333)) = sigmoid(-8.5) = 2.035e-4.
            double low = 1 / (1 + Math.exp(8.5));
            double viable = 0.5 + 0.5 + 1 + low;                       // sum of mask x indicator = 2.0002035
            double intensity = 0.5 * T + 0.5 * T + 0.9 + low * 0;      // sum of mask x indicator x pre = 1.1833
            assertThat(phi).hasSize(3);
            // Centred and scaled: (raw - (0.68, 0.85, 0.1)) / (0.3, 0.15, 0.1).
            double rawIntensity = intensity / (viable + 1);                  // 1.183333 / 3.000204 = 0.394418
            double rawShare = viable / (4 + 1);                               // 0.400041
            double rawSize = 4.0 / 512;                                       // 0.0078125
            assertThat(rawIntensity).isCloseTo(0.394418, within(1e-6));
            assertThat((double) phi[0]).as("viable intensity").isCloseTo((rawIntensity - 0.68) / 0.3, within(1e-5));
            assertThat((double) phi[0]).isCloseTo(-0.951941, within(1e-5));
            assertThat((double) phi[1]).as("viable share").isCloseTo((rawShare - 0.85) / 0.15, within(1e-5));
            assertThat((double) phi[1]).isCloseTo(-2.999729, within(1e-5));
            assertThat((double) phi[2]).as("tumour share").isCloseTo((rawSize - 0.1) / 0.1, within(1e-6));
            assertThat((double) phi[2]).isCloseTo(-0.921875, within(1e-6));
        }
    }

    @Test
    void anEmptyMaskGivesFiniteFeatures() {
        float[] pre = patient()[0];
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            float[] phi = network().phenotype(volume(manager, pre), volume(manager, new float[VOXELS]))
                    .toFloatArray();
            // Raw features 0 (the "+ 1" voxel keeps the ratios finite), so each is -centre / scale.
            assertThat((double) phi[0]).isCloseTo(-0.68 / 0.3, within(1e-6));
            assertThat((double) phi[1]).isCloseTo(-0.85 / 0.15, within(1e-6));
            assertThat((double) phi[2]).isCloseTo(-1.0, within(1e-6));
        }
    }

    @Test
    void conditioningHoldsProtocolNoiseAndEveryProtocolTermTimesEveryFeature() {
        float[] epirubicinLipiodol = ProtocolVocabulary.multiHot(List.of("epirubicin", "lipiodol"));
        float[] cisplatinLipiodol = ProtocolVocabulary.multiHot(List.of("cisplatin", "lipiodol"));
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDArray protocols = manager.create(concat(epirubicinLipiodol, cisplatinLipiodol), new Shape(2, 14));
            NDArray noise = manager.create(new float[] {0.5f, -1f, 2f, 3f}, new Shape(2, 2));
            // One patient (batch 1) shared by both rows, as at planning time.
            NDArray phenotype = manager.create(new float[] {0.7f, 0.25f, 0.4f}, new Shape(1, 3));
            NDArray cond = network().conditioning(protocols, noise, phenotype);
            assertThat(cond.getShape()).isEqualTo(new Shape(2, DynamicsNetwork.conditioningWidth(TINY)));
            assertThat(DynamicsNetwork.conditioningWidth(TINY)).isEqualTo(14 + 2 + 42);
            float[] values = cond.toFloatArray();
            int width = 58;
            int epirubicin = ProtocolVocabulary.indexOf("epirubicin");
            int cisplatin = ProtocolVocabulary.indexOf("cisplatin");
            int lipiodol = ProtocolVocabulary.indexOf("lipiodol");
            // Row 0: protocol, then noise, then term-major products.
            assertThat(values[epirubicin]).isEqualTo(1f);
            assertThat(values[14]).isEqualTo(0.5f);
            assertThat(values[15]).isEqualTo(-1f);
            assertThat(values[16 + 3 * epirubicin]).isEqualTo(0.7f);
            assertThat(values[16 + 3 * epirubicin + 1]).isEqualTo(0.25f);
            assertThat(values[16 + 3 * lipiodol + 2]).isEqualTo(0.4f);
            assertThat(values[16 + 3 * cisplatin]).isEqualTo(0f);
            // Row 1: the cisplatin products are set, the epirubicin ones are zero.
            assertThat(values[width + 16 + 3 * cisplatin + 1]).isEqualTo(0.25f);
            assertThat(values[width + 16 + 3 * epirubicin]).isEqualTo(0f);
            assertThat(values[width + 15]).isEqualTo(3f);
            double sum = 0;
            for (int j = 16; j < width; j++) {
                sum += values[j];
            }
            assertThat(sum).as("two terms x (0.7 + 0.25 + 0.4)").isCloseTo(2.7, within(1e-6));
        }
    }

    private static DynamicsNetwork network() {
        return new DynamicsNetwork(TINY, new HashMap<>());
    }

    private static NDArray volume(NDManager manager, float[] values) {
        return manager.create(values, new Shape(1, 1, 8, 8, 8));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
