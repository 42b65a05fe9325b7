package dev.vigil.worldmodel.onnx;

/**
 * How to open a {@link WorldModelSession}.
 *
 * @param provider execution provider choice
 * @param intraOpThreads ONNX Runtime intra-op threads; 0 lets ONNX Runtime use every core
 * @param size crop edge S the model must accept
 * @param maxBatch simulations per ONNX Runtime run (bounds memory: 2 x S^3 floats of output per row)
 */
public record SessionConfig(ExecutionProviderChoice provider, int intraOpThreads, int size, int maxBatch) {

    public SessionConfig {
        if (provider == null) {
            throw new IllegalArgumentException("provider must be given (auto, cuda or cpu)");
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0, got " + intraOpThreads);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + size);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
    }

    /** Defaults: the given provider, all cores, 64^3 crops, 60 simulations per run. */
    public static SessionConfig defaults(ExecutionProviderChoice provider) {
        return new SessionConfig(provider, 0, 64, 60);
    }
}
