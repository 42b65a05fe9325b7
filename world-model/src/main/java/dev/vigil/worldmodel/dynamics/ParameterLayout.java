package dev.vigil.worldmodel.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Names, shapes and initial values of every parameter of the dynamics network. Initial values come from a
 * seeded {@link Random} (He-normal weights, zero biases), not from the engine, so the same seed gives the
 * same network on any engine build.
 */
final class ParameterLayout {

    /** One parameter: name, shape, fan-in for He initialisation ({@code 0} = constant {@code fill}). */
    record Spec(String name, long[] shape, int fanIn, float fill, float scale) {}

    /** Initial gain on the pre-treatment mask's logit (sigmoid(3) = 0.95: post mask starts near pre mask). */
    static final float INITIAL_MASK_GAIN = 3f;

    private ParameterLayout() {}

    static List<Spec> specs(DynamicsArchitecture a) {
        int c = a.channels();
        int e = a.embedding();
        int s = a.stride();
        int cond = DynamicsNetwork.conditioningWidth(a);
        List<Spec> specs = new ArrayList<>();
        weightAndBias(specs, "enc0", new long[] {c, 2, s, s, s}, 2 * s * s * s, 1f);
        weightAndBias(specs, "enc1", new long[] {c, c, 3, 3, 3}, c * 27, 1f);
        weightAndBias(specs, "enc2", new long[] {c, c, 3, 3, 3}, c * 27, 1f);
        weightAndBias(specs, "enc3", new long[] {c, c, 3, 3, 3}, c * 27, 1f);
        weightAndBias(specs, "depth", new long[] {c, DynamicsNetwork.DEPTH_CHANNELS, 1, 1, 1},
                DynamicsNetwork.DEPTH_CHANNELS, 1f);
        weightAndBias(specs, "cond", new long[] {e, cond}, cond, 1f);
        // FiLM starts near the identity (small gamma and beta) so early training sees the encoder's features.
        weightAndBias(specs, "gamma", new long[] {c, e}, e, 0.1f);
        weightAndBias(specs, "beta", new long[] {c, e}, e, 0.1f);
        weightAndBias(specs, "dec", new long[] {c, c, 1, 1, 1}, c, 1f);
        // Small head: the untrained model predicts almost no change (post = pre), a sane starting point.
        weightAndBias(specs, "head", new long[] {2, c, 1, 1, 1}, c, 0.1f);
        specs.add(new Spec("maskGain", new long[] {1}, 0, INITIAL_MASK_GAIN, 0f));
        weightAndBias(specs, "post", new long[] {e, a.posteriorInputWidth()}, a.posteriorInputWidth(), 1f);
        weightAndBias(specs, "postOut", new long[] {2L * a.noiseDim(), e}, e, 0.1f);
        return specs;
    }

    private static void weightAndBias(List<Spec> specs, String layer, long[] shape, int fanIn, float scale) {
        specs.add(new Spec(layer + ".w", shape, fanIn, 0f, scale));
        specs.add(new Spec(layer + ".b", new long[] {shape[0]}, 0, 0f, 0f));
    }

    static DynamicsWeights initial(DynamicsArchitecture a, long seed) {
        Random random = new Random(seed);
        List<NamedTensor> tensors = new ArrayList<>();
        for (Spec spec : specs(a)) {
            int count = 1;
            for (long d : spec.shape()) {
                count *= (int) d;
            }
            float[] values = new float[count];
            double std = spec.fanIn() > 0 ? spec.scale() * Math.sqrt(2.0 / spec.fanIn()) : 0;
            for (int i = 0; i < count; i++) {
                values[i] = spec.fanIn() > 0 ? (float) (random.nextGaussian() * std) : spec.fill();
            }
            tensors.add(new NamedTensor(spec.name(), spec.shape().clone(), values));
        }
        return new DynamicsWeights(a, tensors);
    }
}
