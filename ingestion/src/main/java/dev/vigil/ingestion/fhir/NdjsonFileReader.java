package dev.vigil.ingestion.fhir;

import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one Bulk Data file line by line on the reader thread: classifies each line from its {@link LineHeader}
 * (rejecting missing, unknown and wrong types and duplicate ids, in file order) and hands the rest to the parser
 * threads in batches.
 */
final class NdjsonFileReader {

    /** A batch is also cut at this many characters so that files of huge lines keep memory bounded. */
    static final int MAX_BATCH_CHARS = 4 << 20;
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int MAX_TYPE_IN_MESSAGE = 64;

    /** Where batches go; throws only when the ingestion is interrupted. */
    interface BatchSink {
        void accept(LineBatch batch) throws InterruptedIOException;
    }

    /** Progress reporting over the whole folder. */
    interface ProgressSink {
        void bytesRead(long bytesOfThisFile);
    }

    private final BulkExportFile file;
    private final String source;
    private final ResourceKeySet seen;
    private final IngestionListener listener;
    private final BatchSink batches;
    private final ProgressSink progress;
    private final int linesPerBatch;
    private List<LineBatch.Line> pending = new ArrayList<>();
    private long pendingChars;

    NdjsonFileReader(BulkExportFile file, ResourceKeySet seen, IngestionListener listener, BatchSink batches,
            ProgressSink progress, int linesPerBatch) {
        this.file = file;
        this.source = file.path().toString();
        this.seen = seen;
        this.listener = listener;
        this.batches = batches;
        this.progress = progress;
        this.linesPerBatch = linesPerBatch;
    }

    /** Reads the whole file; problems with the file itself become issues, except an interrupt. */
    void read() throws InterruptedIOException {
        long completeLines = 0;
        try (InputStream raw = Files.newInputStream(file.path());
                CountingInputStream counted = new CountingInputStream(raw);
                DamageTolerantInputStream decoded = new DamageTolerantInputStream(
                        file.gzip() ? new GZIPInputStream(counted, BUFFER_BYTES) : counted);
                BufferedReader reader = new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8),
                        BUFFER_BYTES)) {
            // One line behind: only at the end is it known whether the last line is complete.
            String previous = null;
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (previous != null) {
                        take(previous, completeLines, counted);
                    }
                    previous = completeLines == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
                    completeLines++;
                }
                if (previous != null && (decoded.damage() == null || decoded.endedWithNewline())) {
                    take(previous, completeLines, counted);
                } else if (previous != null) {
                    completeLines--;
                }
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                // A failing disk, not the gzip decoder (see DamageTolerantInputStream): keep what was read.
                if (previous != null) {
                    take(previous, completeLines, counted);
                }
                flush();
                reportReadFailure(completeLines, e);
            }
            flush();
            progress.bytesRead(counted.count());
            if (decoded.damage() != null) {
                reportReadFailure(completeLines, decoded.damage());
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (ZipException e) {
            // Thrown while opening: the gzip header is damaged or the file is not gzip at all.
            issue(IssueKind.TRUNCATED_FILE, 0, "is not a readable gzip file (" + e.getMessage() + "): "
                    + "re-download or re-export it, or rename it to .ndjson if it is not compressed");
        } catch (EOFException e) {
            issue(IssueKind.TRUNCATED_FILE, 0, "ends before its gzip header is complete: re-download or "
                    + "re-export it");
        } catch (IOException e) {
            issue(IssueKind.SOURCE_UNAVAILABLE, 0, "could not be opened (" + e.getClass().getSimpleName()
                    + "): check that the file exists and is readable");
        }
    }

    /** One complete line: checked, batched, and the batch handed over when full. */
    private void take(String line, long number, CountingInputStream counted) throws InterruptedIOException {
        if (!line.isBlank()) {
            classify(line, number);
        }
        if (pending.size() >= linesPerBatch || pendingChars >= MAX_BATCH_CHARS) {
            flush();
            progress.bytesRead(counted.count());
        }
    }

    /**
     * A gzip decoder throws {@link EOFException} when the data ends early and {@link ZipException} when it is
     * corrupt; anything else is a failing disk or a file that vanished.
     */
    private void reportReadFailure(long linesRead, IOException failure) {
        String kept = "the " + linesRead + " complete lines before were read";
        if (file.gzip() && failure instanceof EOFException) {
            issue(IssueKind.TRUNCATED_FILE, linesRead, "the compressed file ends early after line " + linesRead
                    + ": " + kept + "; re-download or re-export the file to get the rest");
        } else if (file.gzip() && failure instanceof ZipException) {
            issue(IssueKind.TRUNCATED_FILE, linesRead, "the compressed data is damaged after line " + linesRead
                    + " (" + failure.getMessage() + "): " + kept + "; re-download or re-export the file");
        } else {
            issue(IssueKind.SOURCE_UNAVAILABLE, linesRead, "reading failed after line " + linesRead + " ("
                    + failure.getClass().getSimpleName() + "): " + kept + "; check the disk and the file");
        }
    }

    private void classify(String line, long number) {
        LineHeader header = LineHeader.scan(line);
        String type = header.resourceType();
        String id = header.id();
        if (header.malformed() != null) {
            issue(IssueKind.MALFORMED, number, type, id, header.malformed()
                    + ": fix or remove the line; the other lines were read");
        } else if (type == null) {
            issue(IssueKind.MISSING_RESOURCE_TYPE, number, null, id, "the resource has no top-level "
                    + "\"resourceType\" string: each line of a Bulk Data file must be a FHIR resource that names "
                    + "its type");
        } else if (!FhirParsers.isResourceType(type)) {
            issue(IssueKind.UNKNOWN_RESOURCE_TYPE, number, type, id, "\"" + shorten(type) + "\" is not an R4 "
                    + "resource type: check its spelling (types are case-sensitive) and that the export is "
                    + "FHIR R4");
        } else if (!type.equals(file.resourceType())) {
            issue(IssueKind.WRONG_RESOURCE_TYPE, number, type, id, "a " + type + " in " + file.name()
                    + ", which is named for " + file.resourceType() + " resources: Bulk Data keeps one type per "
                    + "file, so it was dropped; move it to a " + type + " file");
        } else if (id != null && !seen.add(type, id)) {
            issue(IssueKind.DUPLICATE_ID, number, type, id, type + "/" + id + " was already read earlier in "
                    + "this ingestion: the first one is kept and this one dropped");
        } else {
            pending.add(new LineBatch.Line(number, id, line));
            pendingChars += line.length();
        }
    }

    private void flush() throws InterruptedIOException {
        if (!pending.isEmpty()) {
            batches.accept(new LineBatch(source, file.resourceType(), Collections.unmodifiableList(pending)));
            pending = new ArrayList<>();
            pendingChars = 0;
        }
    }

    private void issue(IssueKind kind, long line, String type, String id, String message) {
        listener.issue(new IngestionIssue(kind, new ResourceOrigin(source, line, type, id), message));
    }

    private void issue(IssueKind kind, long line, String message) {
        issue(kind, line, null, null, message);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TYPE_IN_MESSAGE ? text : text.substring(0, MAX_TYPE_IN_MESSAGE) + "…";
    }
}
