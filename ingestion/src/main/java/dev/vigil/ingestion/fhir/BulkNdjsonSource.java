package dev.vigil.ingestion.fhir;

import dev.vigil.ingestion.report.IngestionListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Resource;

/**
 * A FHIR Bulk Data export folder: one resource type per file, {@code Type.ndjson}, {@code Type.ndjson.gz} or
 * split files {@code Type.000.ndjson(.gz)}, {@code Type.001.ndjson(.gz)}, ...
 *
 * <p><b>Streaming with bounded memory.</b> The calling thread is the reader: it reads the files one after the
 * other in {@linkplain BulkExportFile#READING_ORDER a fixed order}, line by line, and checks each line cheaply
 * ({@link LineHeader}); lines that pass go in batches through a bounded queue to a small pool of parser threads
 * that run HAPI and call the sink. Memory is therefore bounded by the queue (a few batches of
 * {@value #DEFAULT_LINES_PER_BATCH} lines) plus the duplicate filter (8-16 bytes per resource), whatever the
 * export's size. Reading is far cheaper than HAPI parsing, so one reader keeps the parser threads busy.
 *
 * <p><b>Deterministic.</b> Every decision that compares lines (which of two duplicates is kept) is taken on the
 * reader thread in file and line order, and each line's parse depends only on the line, so the set of delivered
 * resources and of issues never depends on thread timing; only the delivery order does. One consequence: a
 * duplicate is judged by {@code resourceType} and {@code id} before parsing, so if the first occurrence later
 * fails to parse (it is reported as MALFORMED), the second is still reported as DUPLICATE_ID and dropped.
 *
 * <p><b>Bad input</b> becomes issues: MALFORMED (with file, line and, when known, the resource id),
 * MISSING_RESOURCE_TYPE, UNKNOWN_RESOURCE_TYPE, WRONG_RESOURCE_TYPE (dropped: Bulk Data keeps one type per
 * file), DUPLICATE_ID (the first is kept), TRUNCATED_FILE (a gzip file that ends early; the lines before are
 * kept). Files that are not resource files ({@code log.ndjson}, {@code manifest.json}, notes) are reported as
 * skipped files, not issues.
 *
 * <p><b>Progress</b> is bytes read from disk (compressed bytes for gzip) against the resource files' total size.
 */
public final class BulkNdjsonSource implements FhirSource {

    /** Lines handed to a parser thread at a time: enough to make the queue hand-off negligible. */
    public static final int DEFAULT_LINES_PER_BATCH = 256;

    private final Path folder;
    private final int parserThreads;
    private final int linesPerBatch;

    /** Reads {@code folder} with one parser thread per available processor. */
    public BulkNdjsonSource(Path folder) {
        this(folder, Runtime.getRuntime().availableProcessors());
    }

    /** Reads {@code folder} with {@code parserThreads} parser threads (plus the calling thread as reader). */
    public BulkNdjsonSource(Path folder, int parserThreads) {
        this(folder, parserThreads, DEFAULT_LINES_PER_BATCH);
    }

    /**
     * Reads {@code folder} with {@code parserThreads} parser threads and batches of {@code linesPerBatch} lines.
     *
     * @throws IllegalArgumentException if a count is below 1
     */
    public BulkNdjsonSource(Path folder, int parserThreads, int linesPerBatch) {
        if (parserThreads < 1) {
            throw new IllegalArgumentException("parserThreads must be at least 1, was " + parserThreads);
        }
        if (linesPerBatch < 1) {
            throw new IllegalArgumentException("linesPerBatch must be at least 1, was " + linesPerBatch);
        }
        this.folder = folder;
        this.parserThreads = parserThreads;
        this.linesPerBatch = linesPerBatch;
    }

    @Override
    public String describe() {
        return "Bulk Data NDJSON folder " + folder;
    }

    /**
     * Reads every resource file of the folder.
     *
     * @throws IOException if the folder does not exist or cannot be listed, or the reading thread is interrupted
     *     ({@link java.io.InterruptedIOException})
     */
    @Override
    public void read(Consumer<SourcedResource> sink, IngestionListener listener) throws IOException {
        listener.sourceStarted(describe());
        BulkExportListing listing = BulkExportListing.of(folder);
        for (BulkExportListing.Skipped skipped : listing.skipped()) {
            listener.fileSkipped(skipped.path().toString(), skipped.reason());
        }
        long totalBytes = listing.totalBytes();
        ResourceKeySet seen = new ResourceKeySet();
        try (WorkerPool<LineBatch> parsers = new WorkerPool<>("vigil-ndjson-parser", parserThreads,
                2 * parserThreads, batch -> parse(batch, sink, listener))) {
            long bytesBefore = 0;
            for (BulkExportFile file : listing.files()) {
                long base = bytesBefore;
                new NdjsonFileReader(file, seen, listener, parsers::submit,
                        bytesOfFile -> listener.progress(base + bytesOfFile, totalBytes), linesPerBatch).read();
                bytesBefore += file.size();
            }
            parsers.finish();
        }
        listener.progress(totalBytes, totalBytes);
    }

    /** On a parser thread: each line parses on its own; a failure is an issue for that line only. */
    private static void parse(LineBatch batch, Consumer<SourcedResource> sink, IngestionListener listener) {
        for (LineBatch.Line line : batch.lines()) {
            ResourceOrigin origin = new ResourceOrigin(batch.source(), line.number(), batch.resourceType(),
                    line.id());
            Resource resource = FhirParsers.parseJsonOrReport(line.json(), origin, listener);
            if (resource != null) {
                sink.accept(new SourcedResource(resource, origin));
                listener.resourceRead(batch.resourceType());
            }
        }
    }
}
