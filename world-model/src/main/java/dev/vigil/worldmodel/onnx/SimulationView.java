package dev.vigil.worldmodel.onnx;

import java.nio.FloatBuffer;

/**
 * One simulated outcome as handed to a {@link WorldModelSession#simulateEach} consumer: read-only views of
 * ONNX Runtime's output buffers, valid only during the call (the buffers are reused for the next batch).
 * {@link #copy()} keeps it. Letting a ranking read the views saves copying 2 MB per simulation at 64^3.
 *
 * @param protocolIndex index of the protocol in the list given
 * @param draw noise draw, 0 to K - 1
 * @param postCt simulated post-treatment CT, S^3 values (x fastest), read-only, position 0
 * @param postMask post-treatment tumour probability, S^3 values, read-only, position 0
 * @param tumourVoxels expected tumour volume in voxels: the sum of postMask
 * @param executionProvider provider that computed it ({@code CUDA} or {@code CPU})
 */
public record SimulationView(int protocolIndex, int draw, FloatBuffer postCt, FloatBuffer postMask,
        double tumourVoxels, String executionProvider) {

    /** A copy that outlives the call. */
    public Simulation copy() {
        float[] ct = new float[postCt.remaining()];
        float[] mask = new float[postMask.remaining()];
        postCt.get(postCt.position(), ct);
        postMask.get(postMask.position(), mask);
        return new Simulation(protocolIndex, draw, ct, mask, tumourVoxels, executionProvider);
    }
}
