package dev.vigil.worldmodel.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Thread-safe for concurrent {@code simulate} calls (ONNX Runtime sessions are).
 */
public final class WorldModelSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorldModelSession.class.getName());

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String executionProvider;
    private final WorldModelContract.Dimensions dimensions;
    private final int maxBatch;

    private WorldModelSession(OrtEnvironment environment, OrtSession session, String executionProvider,
            WorldModelContract.Dimensions dimensions, int maxBatch) {
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
                    LOG.info(() -> "world model " + source + ": CUDA not offered by this ONNX Runtime build, using CPU");
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
            return new WorldModelSession(environment, session, provider, dimensions, config.maxBatch());
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
        simulateEach(pre, mask, protocols, draws, seed, results::add);
        return results;
    }

    /**
     * Simulates one patient under each protocol x {@code draws} noise draws, handing each result to the
     * consumer as soon as its batch is done (protocol-major order), so a ranking need not hold them all.
     */
    public SimulationRun simulateEach(float[] pre, float[] mask, List<float[]> protocols, int draws, long seed,
            Consumer<Simulation> consumer) {
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
        int rows = protocols.size() * draws;
        long[] volumeShape = {1, 1, size, size, size};
        try (OnnxTensor preTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(pre), volumeShape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(mask), volumeShape)) {
            for (int first = 0; first < rows; first += maxBatch) {
                int batch = Math.min(maxBatch, rows - first);
                float[] protocolRows = new float[batch * WorldModelContract.PROTOCOL_WIDTH];
                float[] noiseRows = new float[batch * z];
                for (int r = 0; r < batch; r++) {
                    int row = first + r;
                    System.arraycopy(protocols.get(row / draws), 0, protocolRows, r * WorldModelContract.PROTOCOL_WIDTH,
                            WorldModelContract.PROTOCOL_WIDTH);
                    System.arraycopy(noise[row % draws], 0, noiseRows, r * z, z);
                }
                try (OnnxTensor protocolTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(protocolRows),
                        new long[] {batch, WorldModelContract.PROTOCOL_WIDTH});
                        OnnxTensor noiseTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(noiseRows),
                                new long[] {batch, z});
                        OrtSession.Result result = session.run(Map.of(WorldModelContract.PRE_CT, preTensor,
                                WorldModelContract.PRE_MASK, maskTensor, WorldModelContract.PROTOCOL, protocolTensor,
                                WorldModelContract.NOISE, noiseTensor))) {
                    FloatBuffer ct = output(result, WorldModelContract.POST_CT, batch, voxels);
                    FloatBuffer prob = output(result, WorldModelContract.POST_MASK, batch, voxels);
                    for (int r = 0; r < batch; r++) {
                        int row = first + r;
                        float[] postCt = new float[voxels];
                        float[] postMask = new float[voxels];
                        ct.get(r * voxels, postCt);
                        prob.get(r * voxels, postMask);
                        double volume = 0;
                        for (float p : postMask) {
                            volume += p;
                        }
                        consumer.accept(new Simulation(row / draws, row % draws, postCt, postMask, volume,
                                executionProvider));
                    }
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the world model: " + e.getMessage(), e);
        }
        return new SimulationRun(rows, executionProvider, System.nanoTime() - start);
    }

    private static FloatBuffer output(OrtSession.Result result, String name, int batch, int voxels) {
        OnnxTensor tensor = (OnnxTensor) result.get(name).orElseThrow(
                () -> new IllegalStateException("the model returned no output " + name));
        FloatBuffer buffer = tensor.getFloatBuffer();
        if (buffer.remaining() != (long) batch * voxels) {
            throw new IllegalStateException("output " + name + " holds " + buffer.remaining() + " values, expected "
                    + batch + " x " + voxels);
        }
        return buffer;
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
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session: " + e.getMessage(), e);
        }
    }
}
