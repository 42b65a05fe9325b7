package dev.vigil.offlinerl.algo.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A ReLU MLP held as raw DJL parameter arrays (actor, critic and their targets), so that one hand-written training
 * loop controls which network each loss updates. Weights are stored (inputs, outputs) and initialised from the
 * run's {@link SplittableRandom}, not the engine's generator: the same seed gives the same weights on any engine
 * state. Hidden layers use PyTorch's default {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}; the output layer uses
 * DDPG's {@code U(-3e-3, 3e-3)} so that initial Q values and actions start near 0.
 */
final class CqlMlp {

    private final String name;
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> biases = new ArrayList<>();
    private final boolean tanhOutput;

    /**
     * @param sizes layer widths, input first, output last
     * @param tanhOutput whether the output goes through tanh (the actor) or not (the critic)
     */
    CqlMlp(String name, NDManager manager, int[] sizes, boolean tanhOutput, SplittableRandom rng) {
        this.name = name;
        this.tanhOutput = tanhOutput;
        for (int l = 0; l + 1 < sizes.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            boolean last = l + 2 == sizes.length;
            double bound = last ? 3e-3 : 1 / Math.sqrt(in);
            float[] w = new float[in * out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            float[] b = new float[out];
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            weights.add(manager.create(w, new Shape(in, out)));
            biases.add(manager.create(b, new Shape(out)));
        }
    }

    /** A network with the same shape and weights whose arrays do not track gradients (a target network). */
    CqlMlp copy(String copyName, NDManager manager) {
        return new CqlMlp(copyName, manager, this);
    }

    private CqlMlp(String name, NDManager manager, CqlMlp source) {
        this.name = name;
        this.tanhOutput = source.tanhOutput;
        for (int l = 0; l < source.weights.size(); l++) {
            weights.add(source.weights.get(l).duplicate());
            biases.add(source.biases.get(l).duplicate());
            weights.get(l).attach(manager);
            biases.get(l).attach(manager);
        }
    }

    /** Makes the parameters track gradients (the trained networks, not their targets). */
    void trackGradients() {
        for (NDArray p : parameters()) {
            p.setRequiresGradient(true);
        }
    }

    List<NDArray> parameters() {
        List<NDArray> all = new ArrayList<>();
        for (int l = 0; l < weights.size(); l++) {
            all.add(weights.get(l));
            all.add(biases.get(l));
        }
        return all;
    }

    /** The output for a batch {@code x} of shape (B, inputs): shape (B, outputs). */
    NDArray forward(NDArray x) {
        NDArray h = x;
        for (int l = 0; l < weights.size(); l++) {
            h = h.matMul(weights.get(l)).add(biases.get(l));
            if (l + 1 < weights.size()) {
                h = h.maximum(0f);
            }
        }
        return tanhOutput ? h.tanh() : h;
    }

    /** One optimiser step on this network's gradients, then zeroes them (DJL's PyTorch gradients accumulate). */
    void step(Optimizer optimizer, NDManager scratch) {
        List<NDArray> ps = parameters();
        for (int i = 0; i < ps.size(); i++) {
            NDArray p = ps.get(i);
            NDArray gradient = p.getGradient();
            gradient.attach(scratch);
            optimizer.update(name + "/" + i, p, gradient);
        }
        zeroGradients(scratch);
    }

    /** Zeroes the gradients, e.g. those the actor's loss left on the critic. */
    void zeroGradients(NDManager scratch) {
        for (NDArray p : parameters()) {
            NDArray gradient = p.getGradient();
            gradient.attach(scratch);
            gradient.subi(gradient);
        }
    }

    /** Polyak averaging: {@code this <- (1 - tau) this + tau source}, for a target network. */
    void softUpdate(CqlMlp source, double tau, NDManager scratch) {
        List<NDArray> mine = parameters();
        List<NDArray> theirs = source.parameters();
        for (int i = 0; i < mine.size(); i++) {
            NDArray scaled = theirs.get(i).mul((float) tau);
            scaled.attach(scratch);
            mine.get(i).muli((float) (1 - tau)).addi(scaled);
        }
    }

    /** The layers as plain arrays: weights row-major by output, ReLU hidden, tanh or identity output. */
    List<MlpSnapshot.Layer> layers() {
        List<MlpSnapshot.Layer> layers = new ArrayList<>();
        for (int l = 0; l < weights.size(); l++) {
            Shape shape = weights.get(l).getShape();
            int in = (int) shape.get(0);
            int out = (int) shape.get(1);
            float[] w = weights.get(l).toFloatArray();
            float[] byOutput = new float[in * out];
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    byOutput[o * in + i] = w[i * out + o];
                }
            }
            boolean last = l + 1 == weights.size();
            MlpSnapshot.Activation activation = !last ? MlpSnapshot.Activation.RELU
                    : tanhOutput ? MlpSnapshot.Activation.TANH : MlpSnapshot.Activation.IDENTITY;
            layers.add(new MlpSnapshot.Layer(in, out, byOutput, biases.get(l).toFloatArray(), activation));
        }
        return layers;
    }
}
