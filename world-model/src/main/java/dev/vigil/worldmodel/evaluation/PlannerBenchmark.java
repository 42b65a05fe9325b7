package dev.vigil.worldmodel.evaluation;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.vigil.worldmodel.dynamics.DynamicsArchitecture;
import dev.vigil.worldmodel.dynamics.DynamicsOnnxExporter;
import dev.vigil.worldmodel.dynamics.DynamicsWeights;
import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;
import dev.vigil.worldmodel.onnx.OrtThread;
import dev.vigil.worldmodel.onnx.WorldModelContract;
import dev.vigil.worldmodel.planner.HccCase;
import dev.vigil.worldmodel.planner.HccCases;
import dev.vigil.worldmodel.planner.PlanResult;
import dev.vigil.worldmodel.planner.PlannerConfig;
import dev.vigil.worldmodel.planner.ScorerFeatures;
import dev.vigil.worldmodel.planner.SurvivalScorer;
import dev.vigil.worldmodel.planner.TacePlanner;
import dev.vigil.worldmodel.planner.VolumeEncoding;
import dev.vigil.worldmodel.planner.WorldModelBundle;
import dev.vigil.worldmodel.planner.WorldModelTrainingConfig;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import dev.vigil.worldmodel.synth.HccCohortConfig;
import dev.vigil.worldmodel.synth.HccCohortGenerator;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.fhir.BulkNdjsonSource;
import dev.vigil.ingestion.pipeline.IngestionPipeline;
import dev.vigil.ingestion.report.IssueRecorder;
import dev.vigil.ingestion.units.UnitConverter;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * End-to-end planner speed (issue 5 item 9): one synthetic 64^3 patient (made by the cohort generator and
 * ingested) ranked under every valid protocol with K = 4 by {@link TacePlanner#plan} (simulation, scoring,
 * contraindications, ranking, curves; no images kept), alternating with bare {@code OrtSession.run} calls on the
 * same ONNX model and batches. The dynamics model has the standard architecture with seeded random weights
 * (speed does not depend on the values); the scorer is fitted on random feature rows. With {@code members} > 1
 * the planner runs an ensemble of that many such models (seeds 1..members), K shared out among them as in
 * {@link dev.vigil.worldmodel.planner.PlannerConfig}; the bare runs stay on member 1 with all K draws.
 *
 * <p>Usage: {@code PlannerBenchmark [rounds=5] [size=64] [members=3]}.
 */
public final class PlannerBenchmark {

    private static final int K = 4;
    private static final int BATCH = 60;

    private PlannerBenchmark() {}

    public static void main(String[] args) throws Exception {
        // ONNX Runtime needs more than the main thread's 1 MiB stack (see OrtThread) for the bare runs.
        OrtThread.runMain("planner-benchmark", () -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : WorldModelTrainingConfig.DEFAULT_ENSEMBLE_SIZE;
        Path dir = Files.createTempDirectory("vigil-planner-bench");
        new HccCohortGenerator(new HccCohortConfig(1, 3, size, 0)).generate(dir);
        TrajectoryDataset data = new IngestionPipeline(UnitConverter.load()).run(
                new BulkNdjsonSource(dir.resolve(HccCohortGenerator.FHIR_DIR)), CohortSpecs.shipped("hcc-tace"),
                new IssueRecorder(), "bench");
        HccCase patient = HccCases.fromDataset(data, dir).get(0);
        DynamicsArchitecture architecture = new DynamicsArchitecture(size, 4, 16, 32, 8);
        List<byte[]> ensemble = new java.util.ArrayList<>();
        for (int m = 1; m <= members; m++) {
            ensemble.add(DynamicsOnnxExporter.export(DynamicsWeights.initial(architecture, m)).toByteArray());
        }
        byte[] onnx = ensemble.get(0);
        WorldModelBundle bundle = WorldModelBundle.ofEnsemble(ensemble, randomScorer(), Map.of("cropSize",
                Integer.toString(size)));
        Path model = dir.resolve("dynamics.onnx");
        Files.write(model, onnx);
        List<float[]> protocols = ProtocolSpace.validProtocols().stream().map(TaceProtocol::multiHot).toList();
        System.out.printf("patient %s, %d^3, %d protocols x K = %d = %d simulations, batch %d, %d member(s)%n",
                patient.patientId(), size, protocols.size(), K, protocols.size() * K, BATCH, members);
        try (TacePlanner planner = new TacePlanner(bundle, new PlannerConfig(K, 42, ExecutionProviderChoice.CPU, 0, 0));
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession bare = environment.createSession(model.toString(), options)) {
                List<Map<String, OnnxTensor>> batches = batches(environment, patient, protocols, 8);
                System.out.println("round    bare ms (cpu ms)   plan ms (cpu ms)   ratio bare / plan time   provider");
                for (int round = 0; round <= rounds; round++) {
                    long cpu = processCpuNanos();
                    long start = System.nanoTime();
                    for (Map<String, OnnxTensor> batch : batches) {
                        try (OrtSession.Result ignored = bare.run(batch)) {
                            // outputs stay in ONNX Runtime's memory
                        }
                    }
                    long bareNanos = System.nanoTime() - start;
                    long bareCpu = processCpuNanos() - cpu;
                    cpu = processCpuNanos();
                    start = System.nanoTime();
                    PlanResult result = planner.plan(patient);
                    long planNanos = System.nanoTime() - start;
                    long planCpu = processCpuNanos() - cpu;
                    System.out.printf("%-7s %8.0f (%6.0f)   %8.0f (%6.0f)     %.2f   %s, %d plans%n",
                            round == 0 ? "warm-up" : round, bareNanos / 1e6, bareCpu / 1e6, planNanos / 1e6,
                            planCpu / 1e6, (double) bareNanos / planNanos, result.executionProvider(),
                            result.plans().size());
                }
                java.util.Set<OnnxTensor> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                batches.forEach(m -> distinct.addAll(m.values()));
                distinct.forEach(OnnxTensor::close);
            }
        }
    }

    /** The planner's batches as ready tensors: protocol-major rows, draw k's noise from Random(42) as the session. */
    private static List<Map<String, OnnxTensor>> batches(OrtEnvironment environment, HccCase patient,
            List<float[]> protocols, int z) throws Exception {
        int size = patient.preCt().geometry().nx();
        long[] volume = {1, 1, size, size, size};
        OnnxTensor pre = OnnxTensor.createTensor(environment, FloatBuffer.wrap(VolumeEncoding.encode(patient.preCt())),
                volume);
        OnnxTensor mask = OnnxTensor.createTensor(environment,
                FloatBuffer.wrap(VolumeEncoding.encode(patient.preMask())), volume);
        Random random = new Random(42);
        float[][] noise = new float[K][z];
        for (float[] row : noise) {
            for (int j = 0; j < z; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        List<Map<String, OnnxTensor>> batches = new ArrayList<>();
        int rows = protocols.size() * K;
        for (int first = 0; first < rows; first += BATCH) {
            int batch = Math.min(BATCH, rows - first);
            float[] p = new float[batch * 14];
            float[] n = new float[batch * z];
            for (int r = 0; r < batch; r++) {
                System.arraycopy(protocols.get((first + r) / K), 0, p, r * 14, 14);
                System.arraycopy(noise[(first + r) % K], 0, n, r * z, z);
            }
            batches.add(Map.of(WorldModelContract.PRE_CT, pre, WorldModelContract.PRE_MASK, mask,
                    WorldModelContract.PROTOCOL, OnnxTensor.createTensor(environment, FloatBuffer.wrap(p),
                            new long[] {batch, 14}),
                    WorldModelContract.NOISE, OnnxTensor.createTensor(environment, FloatBuffer.wrap(n),
                            new long[] {batch, z})));
        }
        return batches;
    }

    /** A scorer fitted on random rows: same work per evaluation as a trained one. */
    private static SurvivalScorer randomScorer() {
        Random random = new Random(7);
        int n = 200;
        double[][] rows = new double[n][ScorerFeatures.NAMES.size()];
        double[] times = new double[n];
        int[] events = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = random.nextGaussian();
            }
            times[i] = 30 + 1000 * random.nextDouble();
            events[i] = random.nextDouble() < 0.6 ? 1 : 0;
        }
        return SurvivalScorer.fit(rows, times, events);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
