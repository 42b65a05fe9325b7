package dev.vigil.worldmodel.synth;

import dev.vigil.ingestion.synth.fhir.NameBasedIds;
import dev.vigil.safety.contraindication.ContraindicationRuleSet;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.volume.Nifti;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a synthetic HCC cohort treated with TACE (docs/methods/synthetic-hcc.md):
 * <pre>
 *   outDir/fhir/{Patient,Condition,Observation,Procedure,DocumentReference,Encounter}.ndjson   Bulk NDJSON
 *   outDir/images/&lt;key&gt;/{pre_ct,pre_mask,post_ct,post_mask}.nii.gz                             NIfTI-1
 *   outDir/ground-truth.json
 * </pre>
 * Patient k comes from the k-th {@code split()} of {@code new SplittableRandom(seed)}: the same config gives
 * the same bytes whatever the number of threads, and patient k is the same in a cohort of any size above k.
 * Workers simulate patients and write their images in parallel; FHIR lines and the ground truth are written
 * in patient order. The NDJSON files and the ground
 * truth appear whole (written as hidden {@code .partial} files and renamed at the end); each NIfTI file is
 * written atomically.
 */
public final class HccCohortGenerator {

    public static final String FHIR_DIR = "fhir";
    public static final String IMAGES_DIR = "images";
    public static final String GROUND_TRUTH = HccGroundTruthWriter.FILE_NAME;

    private final HccCohortConfig config;
    private final int threads;

    /** Uses every available processor. */
    public HccCohortGenerator(HccCohortConfig config) {
        this(config, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads worker threads for simulation and images, 1..256; never changes the output */
    public HccCohortGenerator(HccCohortConfig config, int threads) {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1..256 (it never changes the output), got " + threads);
        }
        this.config = config;
        this.threads = threads;
    }

    /**
     * Generates the cohort into {@code outDir} (created if missing).
     *
     * @throws FileAlreadyExistsException if {@code outDir} already holds a cohort
     */
    public HccCohortSummary generate(Path outDir) throws IOException {
        Path fhir = outDir.resolve(FHIR_DIR);
        for (Path existing : List.of(fhir, outDir.resolve(IMAGES_DIR), outDir.resolve(GROUND_TRUTH))) {
            if (Files.exists(existing)) {
                throw new FileAlreadyExistsException(existing.toString(), null, "the directory already holds a "
                        + "cohort: choose a new or empty output directory");
            }
        }
        Files.createDirectories(fhir);
        ContraindicationRuleSet contraindications = ContraindicationRuleSet.shipped();
        HccPatientSampler sampler = new HccPatientSampler(config);
        PhantomRenderer renderer = new PhantomRenderer(config.cropSize());
        NameBasedIds ids = new NameBasedIds();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "vigil-synth-hcc");
            thread.setDaemon(true);
            return thread;
        });

        Map<HccResourceFile, Path> partials = new EnumMap<>(HccResourceFile.class);
        Map<HccResourceFile, Writer> writers = new EnumMap<>(HccResourceFile.class);
        Map<HccResourceFile, Long> counts = new EnumMap<>(HccResourceFile.class);
        Path truthPartial = outDir.resolve("." + GROUND_TRUTH + ".partial");
        boolean complete = false;
        try {
            for (HccResourceFile file : HccResourceFile.values()) {
                Path partial = fhir.resolve("." + file.fileName() + ".partial");
                partials.put(file, partial);
                writers.put(file, new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16));
                counts.put(file, 0L);
            }
            Tally tally = new Tally();
            HccCohortSummary summary;
            try (OutputStream truthOut = new BufferedOutputStream(Files.newOutputStream(truthPartial), 1 << 16);
                    HccGroundTruthWriter truth = new HccGroundTruthWriter(truthOut, config,
                            contraindications.ref().toString())) {
                SplittableRandom root = new SplittableRandom(config.seed());
                ArrayDeque<Future<Rendered>> pending = new ArrayDeque<>();
                int next = 0;
                while (next < config.patients() || !pending.isEmpty()) {
                    // Splits on this thread, in patient order: the output never depends on the threads.
                    while (next < config.patients() && pending.size() < 2 * threads) {
                        int index = next++;
                        SplittableRandom random = root.split();
                        pending.add(pool.submit(() -> render(index, random, sampler, renderer, outDir,
                                contraindications)));
                    }
                    Rendered rendered = await(pending.poll());
                    for (Map.Entry<HccResourceFile, List<String>> entry : rendered.lines().entrySet()) {
                        Writer writer = writers.get(entry.getKey());
                        for (String line : entry.getValue()) {
                            writer.write(line);
                            writer.write('\n');
                        }
                        counts.merge(entry.getKey(), (long) entry.getValue().size(), Long::sum);
                    }
                    SimulatedPatient simulated = rendered.simulated();
                    boolean postLinked = rendered.lines().get(HccResourceFile.DOCUMENT_REFERENCE).size()
                            == ImageFile.values().length;
                    truth.patient(simulated, ids.uuid(simulated.patient().key()), rendered.contraindications(),
                            postLinked, rendered.preMaskVoxels(), rendered.postMaskVoxels());
                    tally.add(simulated, !rendered.contraindications().isEmpty());
                }
                Map<String, Long> resources = new LinkedHashMap<>();
                counts.forEach((file, count) -> resources.put(file.resourceType(), count));
                summary = tally.summary(outDir, resources);
                truth.summary(summary);
            }
            for (Writer writer : writers.values()) {
                writer.close();
            }
            writers.clear();
            for (HccResourceFile file : HccResourceFile.values()) {
                Files.move(partials.get(file), fhir.resolve(file.fileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(truthPartial, outDir.resolve(GROUND_TRUTH), StandardCopyOption.ATOMIC_MOVE);
            complete = true;
            return summary;
        } finally {
            pool.shutdownNow();
            if (!complete) {
                for (Writer writer : writers.values()) {
                    try {
                        writer.close();
                    } catch (IOException ignored) {
                        // the original failure is the one to report
                    }
                }
                for (Path partial : partials.values()) {
                    Files.deleteIfExists(partial);
                }
                Files.deleteIfExists(truthPartial);
            }
        }
    }

    /** One patient simulated, its images written, its FHIR lines rendered: the work of a worker thread. */
    private static Rendered render(int index, SplittableRandom random, HccPatientSampler sampler,
            PhantomRenderer renderer, Path outDir, ContraindicationRuleSet contraindications) throws IOException {
        SimulatedPatient simulated = SimulatedPatient.simulate(sampler.sample(index, random));
        HccPatient patient = simulated.patient();
        Path folder = outDir.resolve(IMAGES_DIR).resolve(patient.key());
        Files.createDirectories(folder);
        Phantom before = renderer.before(patient);
        Phantom after = renderer.after(patient, simulated.givenResponse());
        Nifti.write(folder.resolve(ImageFile.PRE_CT.fileName()), before.ct());
        Nifti.writeMask(folder.resolve(ImageFile.PRE_MASK.fileName()), before.mask());
        Nifti.write(folder.resolve(ImageFile.POST_CT.fileName()), after.ct());
        Nifti.writeMask(folder.resolve(ImageFile.POST_MASK.fileName()), after.mask());
        Map<HccResourceFile, List<String>> lines = FHIR.get().write(simulated);
        List<String> violated = contraindications.evaluate(patient.covariates()).violatedIds();
        return new Rendered(simulated, lines, violated, before.mask().count(), after.mask().count());
    }

    /** HccFhirWriter is not thread-safe: one per worker thread. */
    private static final ThreadLocal<HccFhirWriter> FHIR = ThreadLocal.withInitial(HccFhirWriter::new);

    private record Rendered(SimulatedPatient simulated, Map<HccResourceFile, List<String>> lines,
            List<String> contraindications, int preMaskVoxels, int postMaskVoxels) {
    }

    private static Rendered await(Future<Rendered> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while generating the cohort", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("Generating the cohort failed", cause);
        }
    }

    /** Counts for the summary. */
    private static final class Tally {
        private int patients;
        private int deaths;
        private int heldOut;
        private int contraindicated;
        private int choseBest;
        private final Map<Integer, Integer> given = new TreeMap<>();
        private final Map<Integer, Integer> best = new TreeMap<>();

        void add(SimulatedPatient simulated, boolean contraindication) {
            patients++;
            deaths += simulated.died() ? 1 : 0;
            heldOut += simulated.patient().heldOut() ? 1 : 0;
            contraindicated += contraindication ? 1 : 0;
            choseBest += simulated.givenIndex() == simulated.bestIndex() ? 1 : 0;
            given.merge(simulated.givenIndex(), 1, Integer::sum);
            best.merge(simulated.bestIndex(), 1, Integer::sum);
        }

        /** The most common given protocol; on a tie the one with the lowest index. */
        HccCohortSummary summary(Path directory, Map<String, Long> resources) {
            int mostCommon = -1;
            int count = 0;
            for (Map.Entry<Integer, Integer> entry : given.entrySet()) {
                if (entry.getValue() > count) {
                    mostCommon = entry.getKey();
                    count = entry.getValue();
                }
            }
            return new HccCohortSummary(directory, patients, deaths, heldOut, contraindicated,
                    ProtocolSpace.validProtocols().get(mostCommon).label(), count,
                    choseBest, best.size(), resources);
        }
    }
}
