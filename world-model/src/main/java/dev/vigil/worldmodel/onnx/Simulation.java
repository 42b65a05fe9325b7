package dev.vigil.worldmodel.onnx;

/**
 * One simulated outcome: a protocol under one noise draw.
 *
 * @param protocolIndex index of the protocol in the list given
 * @param draw noise draw, 0 to K - 1 (draw k uses the same noise for every protocol)
 * @param postCt simulated post-treatment CT, S^3 values, x fastest
 * @param postMask post-treatment tumour probability, S^3 values
 * @param tumourVoxels expected tumour volume in voxels: the sum of postMask
 * @param executionProvider provider that computed it ({@code CUDA} or {@code CPU})
 */
public record Simulation(int protocolIndex, int draw, float[] postCt, float[] postMask, double tumourVoxels,
        String executionProvider) {}
