package dev.vigil.worldmodel.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

/** What the ONNX Runtime build on the classpath offers for CUDA; replaceable in tests. */
interface CudaSupport {

    /** Whether the build lists the CUDA provider (the onnxruntime_gpu jar does, the CPU jar does not). */
    boolean offered();

    /** Adds the CUDA provider on device 0; throws if its libraries (CUDA 12, cuDNN 9) do not load. */
    void enable(OrtSession.SessionOptions options) throws OrtException;

    /** The real ONNX Runtime. */
    CudaSupport RUNTIME = new CudaSupport() {
        @Override
        public boolean offered() {
            return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        }

        @Override
        public void enable(OrtSession.SessionOptions options) throws OrtException {
            options.addCUDA(0);
        }
    };
}
