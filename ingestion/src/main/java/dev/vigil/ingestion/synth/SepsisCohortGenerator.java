package dev.vigil.ingestion.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.common.CodeVersion;
import dev.vigil.ingestion.synth.cohort.SyntheticPatient;
import dev.vigil.ingestion.synth.cohort.SyntheticPatientFactory;
import dev.vigil.ingestion.synth.fhir.ResourceFile;
import dev.vigil.ingestion.synth.fhir.SepsisFhirWriter;
import dev.vigil.ingestion.synth.sepsis.ClinicianPolicy;
import dev.vigil.ingestion.synth.sepsis.ClinicianPolicyConfig;
import dev.vigil.ingestion.synth.truth.GroundTruthConfig;
import dev.vigil.ingestion.synth.truth.GroundTruthFormat;
import dev.vigil.ingestion.synth.truth.GroundTruthWriter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a synthetic ICU sepsis cohort with known ground truth: FHIR R4 Bulk Data NDJSON (one file per resource
 * type) and {@code ground-truth.ndjson}, into a directory. The API behind {@code ./vigil synth sepsis}.
 *
 * <p>Determinism: the root generator {@code new SplittableRandom(seed)} is split once per patient, in patient
 * order, on the calling thread; patients are simulated and rendered in chunks on worker threads and the chunks
 * are written in patient order. So the bytes depend on the config only, never on the number of threads, and
 * patient k is the same in a cohort of any size above k.
 *
 * <p>Files appear complete or not at all: each is written as a hidden {@code .<name>.partial} file and renamed
 * when everything has been written; on failure the partial files are deleted.
 */
public final class SepsisCohortGenerator {

    /** Patients per unit of parallel work: big enough to amortise the hand-over, small enough to bound memory. */
    static final int CHUNK = 100;
    private static final int BUFFER = 1 << 20;

    private final int threads;
    private final JsonFactory json = new JsonFactory().setRootValueSeparator(null);

    /** Uses every available processor. */
    public SepsisCohortGenerator() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** @param threads worker threads, 1..256; does not change the output */
    public SepsisCohortGenerator(int threads) {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1..256 (it never changes the output), got " + threads);
        }
        this.threads = threads;
    }

    /** The files a cohort consists of, in writing order. */
    public static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (ResourceFile file : ResourceFile.values()) {
            names.add(file.fileName());
        }
        names.add(GroundTruthFormat.FILE_NAME);
        return names;
    }

    /**
     * Generates the cohort into {@code directory} (created if missing).
     *
     * @throws FileAlreadyExistsException if the directory already holds one of the cohort's files
     * @throws IOException if writing fails; nothing partial is left behind
     */
    public SepsisCohortSummary generate(SepsisCohortConfig config, Path directory) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(directory);
        List<String> names = fileNames();
        for (String name : names) {
            if (Files.exists(directory.resolve(name))) {
                throw new FileAlreadyExistsException(directory.resolve(name).toString(), null,
                        "the directory already holds a cohort: choose a new or empty --out directory, or delete the"
                                + " old files first");
            }
        }
        List<Path> partials = new ArrayList<>();
        for (String name : names) {
            partials.add(directory.resolve("." + name + ".partial"));
        }
        List<OutputStream> outputs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "vigil-synth-sepsis");
            thread.setDaemon(true);
            return thread;
        });
        boolean complete = false;
        try {
            for (Path partial : partials) {
                outputs.add(new BufferedOutputStream(Files.newOutputStream(partial), BUFFER));
            }
            ClinicianPolicyConfig clinician = config.clinician();
            GroundTruthConfig truthConfig = new GroundTruthConfig(config.patients(), config.seed(),
                    clinician.unsafeRate(), clinician.fluidCeilingMl(), clinician.vasopressorCeiling(),
                    clinician.mapTarget(), config.onsetYear());
            outputs.get(names.size() - 1).write(new GroundTruthWriter().header(truthConfig,
                    CodeVersion.current().label()));
            Totals totals = writeChunks(config, pool, outputs);
            for (OutputStream output : outputs) {
                output.close();
            }
            outputs.clear();
            List<Path> files = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < names.size(); i++) {
                Path target = directory.resolve(names.get(i));
                Files.move(partials.get(i), target, StandardCopyOption.ATOMIC_MOVE);
                files.add(target);
                bytes += Files.size(target);
            }
            complete = true;
            return new SepsisCohortSummary(directory, files, totals.resources(), bytes, config.patients(),
                    totals.deathsInWindow, totals.deaths90, totals.decisions, totals.unsafe,
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            pool.shutdownNow();
            if (!complete) {
                for (OutputStream output : outputs) {
                    try {
                        output.close();
                    } catch (IOException ignored) {
                        // the original failure is the one to report
                    }
                }
                for (Path partial : partials) {
                    Files.deleteIfExists(partial);
                }
            }
        }
    }

    private Totals writeChunks(SepsisCohortConfig config, ExecutorService pool, List<OutputStream> outputs)
            throws IOException {
        SplittableRandom root = new SplittableRandom(config.seed());
        ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
        Totals totals = new Totals();
        int next = 0;
        while (next < config.patients() || !pending.isEmpty()) {
            while (next < config.patients() && pending.size() < 2 * threads) {
                int first = next;
                int count = Math.min(CHUNK, config.patients() - first);
                List<SplittableRandom> randoms = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    randoms.add(root.split());
                }
                pending.add(pool.submit(() -> renderChunk(config, first, randoms)));
                next += count;
            }
            Chunk chunk = await(pending.poll());
            for (int i = 0; i < chunk.bytes.length; i++) {
                outputs.get(i).write(chunk.bytes[i]);
            }
            totals.add(chunk);
        }
        return totals;
    }

    private Chunk renderChunk(SepsisCohortConfig config, int first, List<SplittableRandom> randoms) {
        SyntheticPatientFactory factory = new SyntheticPatientFactory(new ClinicianPolicy(config.clinician()),
                config.seed(), config.onsetYear());
        SepsisFhirWriter fhir = new SepsisFhirWriter();
        GroundTruthWriter truth = new GroundTruthWriter();
        ResourceFile[] files = ResourceFile.values();
        ByteArrayOutputStream[] buffers = new ByteArrayOutputStream[files.length + 1];
        Map<ResourceFile, JsonGenerator> generators = new EnumMap<>(ResourceFile.class);
        Chunk chunk = new Chunk(files.length + 1);
        try {
            for (ResourceFile file : files) {
                int initial = file == ResourceFile.OBSERVATION ? 1 << 24 : 1 << 16;
                buffers[file.ordinal()] = new ByteArrayOutputStream(initial);
                generators.put(file, json.createGenerator(buffers[file.ordinal()]));
            }
            buffers[files.length] = new ByteArrayOutputStream(1 << 20);
            SepsisFhirWriter.Sinks sinks = new SepsisFhirWriter.Sinks(generators);
            for (int i = 0; i < randoms.size(); i++) {
                SyntheticPatient patient = factory.create(first + i, randoms.get(i));
                fhir.write(patient, sinks);
                buffers[files.length].write(truth.patient(patient));
                chunk.deathsInWindow += patient.episode().diedInWindow() ? 1 : 0;
                chunk.deaths90 += patient.episode().outcome().died() ? 1 : 0;
                chunk.decisions += patient.episode().steps();
                chunk.unsafe += patient.episode().unsafeDecisions();
            }
            for (JsonGenerator generator : generators.values()) {
                generator.close();
            }
            for (ResourceFile file : files) {
                chunk.resources[file.ordinal()] = sinks.count(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering patients " + first + ".." + (first + randoms.size() - 1), e);
        }
        for (int i = 0; i < buffers.length; i++) {
            chunk.bytes[i] = buffers[i].toByteArray();
        }
        return chunk;
    }

    private static Chunk await(Future<Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while generating the cohort", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("Generating the cohort failed", cause);
        }
    }

    /** One chunk's rendered bytes per file (FHIR files in ResourceFile order, then the ground truth). */
    private static final class Chunk {
        final byte[][] bytes;
        final long[] resources = new long[ResourceFile.values().length];
        int deathsInWindow;
        int deaths90;
        long decisions;
        long unsafe;

        Chunk(int files) {
            bytes = new byte[files][];
        }
    }

    private static final class Totals {
        final long[] resources = new long[ResourceFile.values().length];
        int deathsInWindow;
        int deaths90;
        long decisions;
        long unsafe;

        void add(Chunk chunk) {
            for (int i = 0; i < resources.length; i++) {
                resources[i] += chunk.resources[i];
            }
            deathsInWindow += chunk.deathsInWindow;
            deaths90 += chunk.deaths90;
            decisions += chunk.decisions;
            unsafe += chunk.unsafe;
        }

        Map<String, Long> resources() {
            Map<String, Long> byType = new LinkedHashMap<>();
            for (ResourceFile file : ResourceFile.values()) {
                byType.put(file.resourceType(), resources[file.ordinal()]);
            }
            return byType;
        }
    }
}
