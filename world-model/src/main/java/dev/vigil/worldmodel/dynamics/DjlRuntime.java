package dev.vigil.worldmodel.dynamics;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;

/**
 * The checks before DJL touches a convolution gradient (mirrors offline-rl's TorchRuntime, which this module
 * cannot depend on): DJL must be offline and oneDNN's ISA capped, or conv input gradients are wrong.
 */
final class DjlRuntime {

    static final String ENGINE_NAME = "PyTorch";

    private DjlRuntime() {}

    /** The PyTorch engine, after checking offline mode and {@code DNNL_MAX_CPU_ISA=SSE41}. */
    static Engine engineForTraining() {
        String isa = System.getenv("DNNL_MAX_CPU_ISA");
        if (!"SSE41".equals(isa)) {
            throw new IllegalStateException("DNNL_MAX_CPU_ISA is " + (isa == null ? "unset" : "'" + isa + "'")
                    + ", not SSE41: libtorch 2.7.1's oneDNN computes conv input gradients wrongly on these CPUs"
                    + " unless the variable is set before the JVM starts (./vigil and surefire set it)");
        }
        return engine();
    }

    /** The PyTorch engine, after checking offline mode (inference needs no ISA cap). */
    static Engine engine() {
        if (!"true".equals(System.getProperty("ai.djl.offline")) || !Utils.isOfflineMode()) {
            throw new IllegalStateException("DJL is not in offline mode: start the JVM with -Dai.djl.offline=true"
                    + " (Vigil never downloads at run time)");
        }
        return Engine.getEngine(ENGINE_NAME);
    }
}
