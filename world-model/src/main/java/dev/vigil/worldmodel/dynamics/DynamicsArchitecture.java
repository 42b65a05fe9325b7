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
 * @param drugClassColumns whether the conditioning also reads {@link DrugClassColumns} (the protocol's drug-class
 *     counts, computed inside the network from the multi-hot input) and their phenotype products
 */
public record DynamicsArchitecture(int size, int stride, int channels, int embedding, int noiseDim,
        boolean drugClassColumns) {

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

    /** Without drug-class columns. */
    public DynamicsArchitecture(int size, int stride, int channels, int embedding, int noiseDim) {
        this(size, stride, channels, embedding, noiseDim, false);
    }

    /** This architecture with or without drug-class columns. */
    public DynamicsArchitecture withDrugClassColumns(boolean enabled) {
        return new DynamicsArchitecture(size, stride, channels, embedding, noiseDim, enabled);
    }

    /**
     * Width of the protocol as the conditioning sees it: the 14 multi-hot terms, then the class columns if
     * enabled.
     */
    public int conditioningTerms() {
        return ProtocolVocabulary.TERMS.size() + (drugClassColumns ? DrugClassColumns.count() : 0);
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
