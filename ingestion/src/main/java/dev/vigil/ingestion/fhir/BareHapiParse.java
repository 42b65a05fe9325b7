package dev.vigil.ingestion.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark baseline: parses every line of a Bulk Data folder's resource files with HAPI and does nothing
 * else (no checks, no duplicate filter, no sink, no report), on the same number of parser threads fed the same
 * way as {@link BulkNdjsonSource}. Comparing the two in one run shows what the pipeline costs over HAPI itself.
 */
public final class BareHapiParse {

    private static final int LINES_PER_BATCH = BulkNdjsonSource.DEFAULT_LINES_PER_BATCH;

    private BareHapiParse() {
    }

    /**
     * What a bare parse did.
     *
     * @param resources lines HAPI parsed
     * @param failures lines HAPI rejected
     * @param nanos wall-clock time, listing included
     */
    public record Result(long resources, long failures, long nanos) {

        /** Parsed resources per second of wall-clock time. */
        public double resourcesPerSecond() {
            return nanos == 0 ? 0 : resources * 1e9 / nanos;
        }
    }

    /**
     * Parses the folder's resource files ({@code Type[.nnn].ndjson[.gz]}) with {@code threads} parser threads.
     *
     * @return resources parsed per second
     * @throws IOException if the folder or a file cannot be read
     */
    public static double parseFolder(Path folder, int threads) throws IOException {
        return measure(folder, threads).resourcesPerSecond();
    }

    /** Like {@link #parseFolder} but with the counts and the time. */
    public static Result measure(Path folder, int threads) throws IOException {
        long start = System.nanoTime();
        LongAdder parsed = new LongAdder();
        LongAdder failed = new LongAdder();
        try (WorkerPool<List<String>> parsers = new WorkerPool<>("vigil-bare-parser", threads, 2 * threads,
                lines -> {
                    for (String line : lines) {
                        try {
                            FhirParsers.json().parseResource(line);
                            parsed.increment();
                        } catch (RuntimeException e) {
                            failed.increment();
                        }
                    }
                })) {
            for (BulkExportFile file : BulkExportListing.of(folder).files()) {
                try (InputStream raw = Files.newInputStream(file.path());
                        BufferedReader reader = new BufferedReader(new InputStreamReader(
                                file.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw, StandardCharsets.UTF_8),
                                1 << 16)) {
                    List<String> batch = new ArrayList<>(LINES_PER_BATCH);
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (!line.isBlank()) {
                            batch.add(line);
                        }
                        if (batch.size() == LINES_PER_BATCH) {
                            parsers.submit(batch);
                            batch = new ArrayList<>(LINES_PER_BATCH);
                        }
                    }
                    if (!batch.isEmpty()) {
                        parsers.submit(batch);
                    }
                }
            }
            parsers.finish();
        }
        return new Result(parsed.sum(), failed.sum(), System.nanoTime() - start);
    }
}
