package dev.vigil.worldmodel.dynamics;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;
import dev.vigil.worldmodel.onnx.OrtThread;
import dev.vigil.worldmodel.onnx.SessionConfig;
import dev.vigil.worldmodel.onnx.SimulationRun;
import dev.vigil.worldmodel.onnx.WorldModelContract;
import dev.vigil.worldmodel.onnx.WorldModelSession;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Ranking-style throughput of the dynamics model through ONNX Runtime on the CPU: one 64^3 patient under
 * every valid protocol (180) x K = 4 noise draws, through {@link WorldModelSession} and, alternating in the
 * same process, through bare {@code OrtSession.run} calls on the same model and batches (inputs built once,
 * outputs left in ONNX Runtime's buffers). Prints ms per patient ranking and the ratio of the two rates.
 *
 * <p>Usage: {@code WorldModelBenchmark [rounds] [maxBatch] [threads]} (defaults 5, 60, 0 = all cores).
 * The network has the standard architecture and random weights (speed does not depend on their values).
 */
public final class WorldModelBenchmark {

    private static final int DRAWS = 4;

    private WorldModelBenchmark() {}

    public static void main(String[] args) throws Exception {
        // ONNX Runtime needs more than the main thread's 1 MiB stack (see OrtThread) for the bare runs.
        OrtThread.runMain("benchmark", () -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int maxBatch = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        DynamicsArchitecture architecture = DynamicsArchitecture.standard();
        int size = architecture.size();
        Path file = Files.createTempFile("vigil-dynamics-bench", ".onnx");
        try {
            DynamicsOnnxExporter.write(ParameterLayout.initial(architecture, 1), file);
            float[][] patient = patient(size, 3);
            List<float[]> protocols = mewmProtocols();
            System.out.printf("model %s, %d protocols x %d draws = %d simulations per ranking, batch %d, threads %s%n",
                    architecture, protocols.size(), DRAWS, protocols.size() * DRAWS, maxBatch,
                    threads == 0 ? "all" : threads);
            try (WorldModelSession session = WorldModelSession.open(file,
                    new SessionConfig(ExecutionProviderChoice.CPU, threads, size, maxBatch));
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                if (threads > 0) {
                    options.setIntraOpNumThreads(threads);
                }
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                try (OrtSession bare = environment.createSession(file.toString(), options)) {
                    BareBatches batches = new BareBatches(environment, patient, protocols,
                            session.noise(42, DRAWS), maxBatch);
                    System.out.println("round    bare ms (cpu ms)   session ms (cpu ms)   ratio (bare / session time)");
                    for (int round = 0; round <= rounds; round++) {
                        long bareCpu = processCpuNanos();
                        long bareNanos = batches.run(bare);
                        bareCpu = processCpuNanos() - bareCpu;
                        double[] volume = new double[1];
                        long sessionCpu = processCpuNanos();
                        SimulationRun run = session.simulateEach(patient[0], patient[1], protocols, DRAWS, 42,
                                view -> volume[0] += view.tumourVoxels());
                        sessionCpu = processCpuNanos() - sessionCpu;
                        System.out.printf("%-7s %8.0f (%6.0f)   %10.0f (%6.0f)     %.2f   (%s)%n",
                                round == 0 ? "warm-up" : round, bareNanos / 1e6, bareCpu / 1e6, run.nanos() / 1e6,
                                sessionCpu / 1e6, (double) bareNanos / run.nanos(), run.executionProvider());
                    }
                    batches.close();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** CPU time of the whole process, every thread (ONNX Runtime's native pool included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The same batches as the session builds, as ready ONNX tensors. */
    private static final class BareBatches implements AutoCloseable {
        private final List<Map<String, OnnxTensor>> inputs = new ArrayList<>();
        private final List<OnnxTensor> tensors = new ArrayList<>();

        BareBatches(OrtEnvironment environment, float[][] patient, List<float[]> protocols, float[][] noise,
                int maxBatch) throws Exception {
            int size = (int) Math.round(Math.cbrt(patient[0].length));
            long[] volume = {1, 1, size, size, size};
            OnnxTensor pre = track(OnnxTensor.createTensor(environment, FloatBuffer.wrap(patient[0]), volume));
            OnnxTensor mask = track(OnnxTensor.createTensor(environment, FloatBuffer.wrap(patient[1]), volume));
            int rows = protocols.size() * DRAWS;
            int z = noise[0].length;
            for (int first = 0; first < rows; first += maxBatch) {
                int batch = Math.min(maxBatch, rows - first);
                float[] p = new float[batch * 14];
                float[] n = new float[batch * z];
                for (int r = 0; r < batch; r++) {
                    System.arraycopy(protocols.get((first + r) / DRAWS), 0, p, r * 14, 14);
                    System.arraycopy(noise[(first + r) % DRAWS], 0, n, r * z, z);
                }
                inputs.add(Map.of(WorldModelContract.PRE_CT, pre, WorldModelContract.PRE_MASK, mask,
                        WorldModelContract.PROTOCOL,
                        track(OnnxTensor.createTensor(environment, FloatBuffer.wrap(p), new long[] {batch, 14})),
                        WorldModelContract.NOISE,
                        track(OnnxTensor.createTensor(environment, FloatBuffer.wrap(n), new long[] {batch, z}))));
            }
        }

        private OnnxTensor track(OnnxTensor tensor) {
            tensors.add(tensor);
            return tensor;
        }

        long run(OrtSession session) throws Exception {
            long start = System.nanoTime();
            for (Map<String, OnnxTensor> batch : inputs) {
                try (OrtSession.Result ignored = session.run(batch)) {
                    // Outputs stay in ONNX Runtime's memory: the bare cost of the model itself.
                }
            }
            return System.nanoTime() - start;
        }

        @Override
        public void close() {
            tensors.forEach(OnnxTensor::close);
        }
    }

    /** A synthetic patient: noisy liver-like background and a bright sphere (pre CT, mask). */
    static float[][] patient(int size, long seed) {
        Random random = new Random(seed);
        float[] pre = new float[size * size * size];
        float[] mask = new float[pre.length];
        double c = size / 2.0;
        double radius = size / 5.0;
        for (int zz = 0; zz < size; zz++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int i = (zz * size + y) * size + x;
                    boolean inside = Math.pow(x - c, 2) + Math.pow(y - c, 2) + Math.pow(zz - c, 2) < radius * radius;
                    mask[i] = inside ? 1f : 0f;
                    pre[i] = (float) Math.min(1, Math.max(0, (inside ? 0.7 : 0.4) + 0.05 * random.nextGaussian()));
                }
            }
        }
        return new float[][] {pre, mask};
    }

    /**
     * The 180 protocols of MeWM's action space: one or two drugs (no two platinum agents, no two
     * anthracyclines) x Lipiodol with at most one more embolic (36 drug sets x 5 embolic sets).
     */
    static List<float[]> mewmProtocols() {
        List<String> drugs = ProtocolVocabulary.TERMS.subList(0, 9);
        List<String> platinum = List.of("oxaliplatin", "lobaplatin", "nedaplatin", "cisplatin");
        List<String> anthracyclines = List.of("epirubicin", "idarubicin", "pirarubicin");
        List<List<String>> drugSets = new ArrayList<>();
        for (int i = 0; i < drugs.size(); i++) {
            drugSets.add(List.of(drugs.get(i)));
            for (int j = i + 1; j < drugs.size(); j++) {
                String a = drugs.get(i);
                String b = drugs.get(j);
                boolean clash = (platinum.contains(a) && platinum.contains(b))
                        || (anthracyclines.contains(a) && anthracyclines.contains(b));
                if (!clash) {
                    drugSets.add(List.of(a, b));
                }
            }
        }
        List<String> extraEmbolics = new ArrayList<>(ProtocolVocabulary.TERMS.subList(10, 14));
        extraEmbolics.add(0, null);
        List<float[]> protocols = new ArrayList<>();
        for (List<String> drugSet : drugSets) {
            for (String embolic : extraEmbolics) {
                List<String> terms = new ArrayList<>(drugSet);
                terms.add("lipiodol");
                if (embolic != null) {
                    terms.add(embolic);
                }
                protocols.add(ProtocolVocabulary.multiHot(terms));
            }
        }
        return protocols;
    }
}
