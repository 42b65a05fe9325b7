package dev.vigil.worldmodel.dynamics;

/**
 * Sizes of the dynamics network (docs/world-model.md): a {@code stride}^3 patch convolution takes the
 * {@code size}^3 crop to a {@code size/stride} latent grid of {@code channels} features, where the protocol
 * and noise act through FiLM; changes are predicted on that grid and repeated back to full resolution.
 *
 * @param size crop edge in voxels (multiple of 2 x stride)
 * @param stride downsampling factor of the latent grid, at least 2
 * @param channels latent feature channels
 * @param embedding width of the protocol-plus-noise embedding
 * @param noiseDim width of the latent noise vector
 */
public record DynamicsArchitecture(int size, int stride, int channels, int embedding, int noiseDim) {

    public DynamicsArchitecture {
        if (stride < 2) {
            throw new IllegalArgumentException("stride must be at least 2, got " + stride);
        }
        if (size <= 0 || size % (2 * stride) != 0) {
            throw new IllegalArgumentException("size must be a positive multiple of 2 x stride = " + 2 * stride
                    + ", got " + size);
        }
        if (channels <= 0 || embedding <= 0 || noiseDim <= 0) {
            throw new IllegalArgumentException("channels, embedding and noiseDim must be positive, got "
                    + channels + ", " + embedding + ", " + noiseDim);
        }
    }

    /** The served size: 64^3 crops, 16^3 latent grid of 16 channels, 32-wide embedding, 8 noise values. */
    public static DynamicsArchitecture standard() {
        return new DynamicsArchitecture(64, 4, 16, 32, 8);
    }

    /** Edge of the latent grid. */
    public int latentSize() {
        return size / stride;
    }

    /** Pooling factor of the posterior encoder's summary of the observed change. */
    public int posteriorPool() {
        return 2 * stride;
    }

    /** Width of the posterior encoder's input: pooled change (2 channels) plus the protocol. */
    public int posteriorInputWidth() {
        int edge = size / posteriorPool();
        return 2 * edge * edge * edge + ProtocolVocabulary.TERMS.size();
    }
}
