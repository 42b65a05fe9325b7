package dev.vigil.worldmodel.dynamics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inference path in DJL: one patient, B (protocol, noise) rows, prior noise given by the caller. The
 * reference the ONNX export is checked against; serving uses ONNX Runtime.
 */
public final class DjlDynamicsPredictor {

    /**
     * Post CT and post-mask probability of each row.
     *
     * @param postCt [B][S^3] simulated post-treatment CT
     * @param postMask [B][S^3] post-treatment tumour probability
     */
    public record Prediction(float[][] postCt, float[][] postMask) {}

    private final DynamicsWeights weights;

    public DjlDynamicsPredictor(DynamicsWeights weights) {
        this.weights = weights;
    }

    /** Simulates one patient (pre, mask: S^3 each) under protocols [B][14] with noise [B][Z]. */
    public Prediction predict(float[] pre, float[] mask, float[][] protocols, float[][] noise) {
        DynamicsArchitecture a = weights.architecture();
        int size = a.size();
        int voxels = size * size * size;
        int b = protocols.length;
        if (noise.length != b) {
            throw new IllegalArgumentException("noise has " + noise.length + " rows, protocols " + b);
        }
        Engine engine = DjlRuntime.engine();
        try (NDManager manager = engine.newBaseManager()) {
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            for (NamedTensor tensor : weights.tensors()) {
                parameters.put(tensor.name(), manager.create(tensor.values(), new Shape(tensor.shape())));
            }
            DynamicsNetwork network = new DynamicsNetwork(a, parameters);
            Shape volume = new Shape(1, 1, size, size, size);
            NDArray preArray = manager.create(pre, volume);
            NDArray maskArray = manager.create(mask, volume);
            NDArray protocolArray = manager.create(flatten(protocols, ProtocolVocabulary.TERMS.size(), "protocol"),
                    new Shape(b, ProtocolVocabulary.TERMS.size()));
            NDArray noiseArray = manager.create(flatten(noise, a.noiseDim(), "noise"), new Shape(b, a.noiseDim()));
            NDList out = network.decode(network.encode(preArray, maskArray), preArray, maskArray, protocolArray,
                    noiseArray);
            float[] ct = out.get(0).toFloatArray();
            float[] prob = Activation.sigmoid(out.get(1)).toFloatArray();
            float[][] postCt = new float[b][voxels];
            float[][] postMask = new float[b][voxels];
            for (int i = 0; i < b; i++) {
                System.arraycopy(ct, i * voxels, postCt[i], 0, voxels);
                System.arraycopy(prob, i * voxels, postMask[i], 0, voxels);
            }
            return new Prediction(postCt, postMask);
        }
    }

    private static float[] flatten(float[][] rows, int width, String field) {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException(field + "[" + i + "] has " + rows[i].length + " values, expected "
                        + width);
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }
}
