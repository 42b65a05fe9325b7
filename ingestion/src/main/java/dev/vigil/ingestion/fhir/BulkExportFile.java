package dev.vigil.ingestion.fhir;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One resource file of a Bulk Data export, e.g. {@code Observation.001.ndjson.gz}.
 *
 * @param path where it is
 * @param resourceType the type its name declares (the part before the first dot)
 * @param part the split index ({@code 001} is 1), or -1 for an unsplit file
 * @param gzip whether it is gzip-compressed ({@code .ndjson.gz})
 * @param size its size in bytes on disk (compressed size for gzip)
 */
record BulkExportFile(Path path, String resourceType, long part, boolean gzip, long size) {

    /**
     * Reading order: by type, then by split index as a number (so {@code .2.} precedes {@code .10.}), then by
     * name. Duplicates keep the first occurrence in this order, so it must not depend on the file system.
     */
    static final Comparator<BulkExportFile> READING_ORDER = Comparator
            .comparing(BulkExportFile::resourceType)
            .thenComparingLong(BulkExportFile::part)
            .thenComparing(file -> file.path().getFileName().toString());

    /** The file name, for messages. */
    String name() {
        return path.getFileName().toString();
    }
}
