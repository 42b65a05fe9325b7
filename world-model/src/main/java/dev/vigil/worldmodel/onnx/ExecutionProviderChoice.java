package dev.vigil.worldmodel.onnx;

import java.util.Locale;

/** Which ONNX Runtime execution provider to run the world model on. */
public enum ExecutionProviderChoice {
    /** CUDA when this ONNX Runtime build offers it and it initialises, else CPU. */
    AUTO,
    /** CUDA or fail: for sites that must not silently fall back to the CPU. */
    CUDA,
    /** CPU only. */
    CPU;

    /** Parses {@code auto}, {@code cuda} or {@code cpu} (any case). */
    public static ExecutionProviderChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("execution provider '" + text + "' is not one of auto, cuda, cpu");
        }
    }
}
