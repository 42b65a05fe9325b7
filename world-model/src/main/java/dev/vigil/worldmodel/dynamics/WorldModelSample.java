package dev.vigil.worldmodel.dynamics;

import dev.vigil.worldmodel.onnx.WorldModelContract;

/**
 * One training pair for the dynamics model: a pre-treatment crop and mask, the protocol given, and the
 * post-treatment crop and mask observed. Volumes are cubes of {@code size}^3 voxels in x-fastest order
 * (index = (z * size + y) * size + x), CT windowed to [0, 1], masks in [0, 1].
 *
 * @param pre pre-treatment CT, size^3 values in [0, 1]
 * @param mask pre-treatment tumour mask, size^3 values in [0, 1]
 * @param protocol multi-hot protocol of {@link ProtocolVocabulary#TERMS}, values in [0, 1]
 * @param post post-treatment CT, size^3 values in [0, 1]
 * @param postMask post-treatment tumour mask, size^3 values in [0, 1]
 * @param size edge length in voxels
 */
public record WorldModelSample(float[] pre, float[] mask, float[] protocol, float[] post, float[] postMask,
        int size) {

    public WorldModelSample {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + size);
        }
        long voxels = (long) size * size * size;
        checkVolume("pre", pre, voxels);
        checkVolume("mask", mask, voxels);
        checkVolume("post", post, voxels);
        checkVolume("postMask", postMask, voxels);
        if (protocol == null || protocol.length != WorldModelContract.PROTOCOL_WIDTH) {
            throw new IllegalArgumentException("protocol must hold " + WorldModelContract.PROTOCOL_WIDTH
                    + " values, got " + (protocol == null ? "null" : protocol.length));
        }
        checkUnitRange("protocol", protocol);
    }

    private static void checkVolume(String field, float[] values, long voxels) {
        if (values == null || values.length != voxels) {
            throw new IllegalArgumentException(field + " must hold size^3 = " + voxels + " values, got "
                    + (values == null ? "null" : values.length));
        }
        checkUnitRange(field, values);
    }

    private static void checkUnitRange(String field, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0f && values[i] <= 1f)) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + values[i] + " is outside [0, 1]");
            }
        }
    }
}
