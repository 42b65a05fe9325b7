package dev.vigil.worldmodel.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Runs a world-model dynamics ONNX file (any model meeting {@link WorldModelContract}) with ONNX Runtime:
 * one patient under a list of protocols x K seeded noise draws, in batches of at most
 * {@link SessionConfig#maxBatch()} rows. Rows are protocol-major; draw k uses the same noise vector for
 * every protocol (common random numbers, so protocol comparisons are not blurred by different noise).
 * Thread-safe: every ONNX Runtime call runs on the session's own {@link OrtThread}, so concurrent calls
 * are serialised there (each run already uses every core).
 */
public final class WorldModelSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorldModelSession.class.getName());

    private final OrtThread ortThread;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String executionProvider;
    private final WorldModelContract.Dimensions dimensions;
    private final int maxBatch;

    private WorldModelSession(OrtThread ortThread, OrtEnvironment environment, OrtSession session,
            String executionProvider, WorldModelContract.Dimensions dimensions, int maxBatch) {
        this.ortThread = ortThread;
        this.environment = environment;
        this.session = session;
        this.executionProvider = executionProvider;
        this.dimensions = dimensions;
        this.maxBatch = maxBatch;
    }

    /**
     * Loads and checks a model.
     *
     * @throws IllegalArgumentException if the file is missing or breaks the contract (naming the input or output)
     * @throws IllegalStateException if CUDA was required and is unavailable
     */
    public static WorldModelSession open(Path model, SessionConfig config) {
        return open(model, config, CudaSupport.RUNTIME);
    }

    static WorldModelSession open(Path model, SessionConfig config, CudaSupport cuda) {
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("world model " + model + " does not exist or is not a file");
        }
        OrtThread ortThread = new OrtThread();
        try {
            return ortThread.call(() -> open(ortThread, model, config, cuda));
        } catch (OrtException | RuntimeException e) {
            ortThread.close();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalArgumentException(model + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    private static WorldModelSession open(OrtThread ortThread, Path model, SessionConfig config, CudaSupport cuda) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        String source = model.toString();
        OrtSession session = null;
        String provider = "CPU";
        try {
            if (config.provider() != ExecutionProviderChoice.CPU) {
                if (!cuda.offered()) {
                    if (config.provider() == ExecutionProviderChoice.CUDA) {
                        throw new IllegalStateException("execution provider cuda was requested but this ONNX Runtime"
                                + " build offers only " + OrtEnvironment.getAvailableProviders() + ": build with the"
                                + " Maven profile -Pgpu (onnxruntime_gpu, needs CUDA 12 and cuDNN 9) or use auto/cpu");
                    }
                    LOG.info(() -> "world model " + source
                            + ": CUDA not offered by this ONNX Runtime build, using CPU");
                } else {
                    try {
                        session = createSession(environment, model, config, cuda);
                        provider = "CUDA";
                    } catch (OrtException | RuntimeException | LinkageError e) {
                        if (config.provider() == ExecutionProviderChoice.CUDA) {
                            throw new IllegalStateException("execution provider cuda was requested but the CUDA"
                                    + " provider did not initialise (needs CUDA 12 and cuDNN 9 libraries on the"
                                    + " library path): " + e.getMessage(), e);
                        }
                        LOG.warning("world model " + source + ": CUDA provider offered but did not initialise ("
                                + e.getMessage() + "), falling back to CPU");
                    }
                }
            }
            if (session == null) {
                session = createSession(environment, model, config, null);
            }
            WorldModelContract.Dimensions dimensions = WorldModelContract.check(session, config.size(), source);
            String used = provider;
            LOG.info(() -> "world model " + source + " loaded on " + used + " (S=" + dimensions.size() + ", Z="
                    + dimensions.noiseDim() + ")");
            return new WorldModelSession(ortThread, environment, session, provider, dimensions, config.maxBatch());
        } catch (OrtException e) {
            throw new IllegalArgumentException(source + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static OrtSession createSession(OrtEnvironment environment, Path model, SessionConfig config,
            CudaSupport cuda) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (config.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(config.intraOpThreads());
            }
            if (cuda != null) {
                cuda.enable(options);
            }
            return environment.createSession(model.toString(), options);
        }
    }

    /** The execution provider in use: {@code CUDA} or {@code CPU}. */
    public String executionProvider() {
        return executionProvider;
    }

    /** Crop size and noise width of the loaded model. */
    public WorldModelContract.Dimensions dimensions() {
        return dimensions;
    }

    /** The noise of draws 0..K-1 for a seed: K rows of Z standard normal values. */
    public float[][] noise(long seed, int draws) {
        Random random = new Random(seed);
        float[][] noise = new float[draws][dimensions.noiseDim()];
        for (float[] row : noise) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return noise;
    }

    /** Simulates and keeps every result (protocol-major order). Memory: 2 x S^3 floats per simulation. */
    public List<Simulation> simulate(float[] pre, float[] mask, List<float[]> protocols, int draws, long seed) {
        List<Simulation> results = new ArrayList<>(protocols.size() * draws);
        simulateEach(pre, mask, protocols, draws, seed, view -> results.add(view.copy()));
        return results;
    }

    /**
     * Simulates one patient under each protocol x {@code draws} noise draws, handing each result to the
     * consumer as soon as its batch is done (protocol-major order). ONNX Runtime writes straight into two
     * reused direct buffers (pinned outputs), and the consumer reads views of them, so a ranking need neither
     * copy nor hold the volumes.
     */
    public SimulationRun simulateEach(float[] pre, float[] mask, List<float[]> protocols, int draws, long seed,
            Consumer<SimulationView> consumer) {
        long start = System.nanoTime();
        int size = dimensions.size();
        int voxels = size * size * size;
        checkVolume("pre", pre, voxels);
        checkVolume("mask", mask, voxels);
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1, got " + draws);
        }
        for (int i = 0; i < protocols.size(); i++) {
            if (protocols.get(i).length != WorldModelContract.PROTOCOL_WIDTH) {
                throw new IllegalArgumentException("protocols[" + i + "] has " + protocols.get(i).length
                        + " values, expected " + WorldModelContract.PROTOCOL_WIDTH);
            }
        }
        float[][] noise = noise(seed, draws);
        int z = dimensions.noiseDim();
        int width = WorldModelContract.PROTOCOL_WIDTH;
        int rows = protocols.size() * draws;
        int capacity = Math.min(maxBatch, Math.max(rows, 1));
        long[] volumeShape = {1, 1, size, size, size};
        FloatBuffer ctBuffer = directFloats((long) capacity * voxels);
        FloatBuffer maskBuffer = directFloats((long) capacity * voxels);
        List<OnnxTensor> tensors = new ArrayList<>();
        try {
            OnnxTensor preTensor = track(tensors, OnnxTensor.createTensor(environment, FloatBuffer.wrap(pre),
                    volumeShape));
            OnnxTensor maskTensor = track(tensors, OnnxTensor.createTensor(environment, FloatBuffer.wrap(mask),
                    volumeShape));
            Map<Integer, Map<String, OnnxTensor>> outputsByBatch = new HashMap<>();
            for (int first = 0; first < rows; first += maxBatch) {
                int batch = Math.min(maxBatch, rows - first);
                float[] protocolRows = new float[batch * width];
                float[] noiseRows = new float[batch * z];
                for (int r = 0; r < batch; r++) {
                    int row = first + r;
                    System.arraycopy(protocols.get(row / draws), 0, protocolRows, r * width, width);
                    System.arraycopy(noise[row % draws], 0, noiseRows, r * z, z);
                }
                Map<String, OnnxTensor> outputs = outputsByBatch.get(batch);
                if (outputs == null) {
                    long[] outputShape = {batch, 1, size, size, size};
                    outputs = Map.of(
                            WorldModelContract.POST_CT, track(tensors, OnnxTensor.createTensor(environment,
                                    window(ctBuffer, 0, batch * voxels), outputShape)),
                            WorldModelContract.POST_MASK, track(tensors, OnnxTensor.createTensor(environment,
                                    window(maskBuffer, 0, batch * voxels), outputShape)));
                    outputsByBatch.put(batch, outputs);
                }
                Map<String, OnnxTensor> pinned = outputs;
                try (OnnxTensor protocolTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(protocolRows),
                        new long[] {batch, width});
                        OnnxTensor noiseTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(noiseRows),
                                new long[] {batch, z})) {
                    Map<String, OnnxTensor> inputs = Map.of(WorldModelContract.PRE_CT, preTensor,
                            WorldModelContract.PRE_MASK, maskTensor, WorldModelContract.PROTOCOL, protocolTensor,
                            WorldModelContract.NOISE, noiseTensor);
                    ortThread.call(() -> {
                        session.run(inputs, pinned).close(); // closing the result leaves pinned outputs open
                        return null;
                    });
                }
                for (int r = 0; r < batch; r++) {
                    int row = first + r;
                    FloatBuffer ct = window(ctBuffer, r * voxels, voxels).asReadOnlyBuffer();
                    FloatBuffer prob = window(maskBuffer, r * voxels, voxels).asReadOnlyBuffer();
                    consumer.accept(new SimulationView(row / draws, row % draws, ct, prob, sum(prob),
                            executionProvider));
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the world model: " + e.getMessage(), e);
        } finally {
            tensors.forEach(OnnxTensor::close);
        }
        return new SimulationRun(rows, executionProvider, System.nanoTime() - start);
    }

    private static OnnxTensor track(List<OnnxTensor> tensors, OnnxTensor tensor) {
        tensors.add(tensor);
        return tensor;
    }

    private static FloatBuffer directFloats(long count) {
        if (count > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("batch too large: " + count + " output floats; lower maxBatch");
        }
        return ByteBuffer.allocateDirect((int) count * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** A view of buffer[offset, offset + length), position 0. */
    private static FloatBuffer window(FloatBuffer buffer, int offset, int length) {
        return buffer.duplicate().position(offset).limit(offset + length).slice();
    }

    private static double sum(FloatBuffer values) {
        double total = 0;
        for (int i = 0, n = values.limit(); i < n; i++) {
            total += values.get(i);
        }
        return total;
    }

    private static void checkVolume(String field, float[] values, int voxels) {
        if (values == null || values.length != voxels) {
            throw new IllegalArgumentException(field + " must hold S^3 = " + voxels + " values, got "
                    + (values == null ? "null" : values.length));
        }
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // Already failing: the first error is the one to report.
            }
        }
    }

    @Override
    public void close() {
        try {
            ortThread.call(() -> {
                session.close();
                return null;
            });
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session: " + e.getMessage(), e);
        } finally {
            ortThread.close();
        }
    }
}
