package dev.vigil.ingestion.fhir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Sorts a Bulk Data export folder's files into resource files to read and files to skip.
 *
 * <p>Bulk Data writes one resource type per file, named for the type; an export folder also holds files that
 * are not resources at all (the server's {@code log.ndjson}, a {@code manifest.json}, notes). Those are listed as
 * skipped, not reported as errors: they are there by design.
 *
 * @param files the resource files, in {@linkplain BulkExportFile#READING_ORDER reading order}
 * @param skipped the other entries of the folder with the reason each was skipped, sorted by name
 */
record BulkExportListing(List<BulkExportFile> files, List<Skipped> skipped) {

    private static final String NDJSON = ".ndjson";
    private static final String NDJSON_GZ = ".ndjson.gz";

    /**
     * A folder entry that was not read.
     *
     * @param path the entry
     * @param reason why, for the report
     */
    record Skipped(Path path, String reason) {
    }

    /** The sum of the resource files' sizes: the denominator of progress. */
    long totalBytes() {
        return files.stream().mapToLong(BulkExportFile::size).sum();
    }

    /**
     * Lists {@code folder} (not recursively: exports are flat).
     *
     * @throws IOException if {@code folder} is not a readable folder
     */
    static BulkExportListing of(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("Bulk Data folder " + folder + " does not exist or is not a folder: "
                    + "give the folder that holds the export's Type.ndjson files");
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = listing.sorted().toList();
        }
        List<BulkExportFile> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean gzip = lower.endsWith(NDJSON_GZ);
            if (Files.isDirectory(entry)) {
                skipped.add(new Skipped(entry, "a folder; Bulk Data exports are flat, so folders are not read"));
            } else if (!gzip && !lower.endsWith(NDJSON)) {
                skipped.add(new Skipped(entry, "not an .ndjson or .ndjson.gz file"));
            } else {
                int dot = name.indexOf('.');
                String type = name.substring(0, dot);
                if (!FhirParsers.isResourceType(type)) {
                    skipped.add(new Skipped(entry, "'" + type + "' is not an R4 resource type (Bulk Data names "
                            + "each file for the one resource type it holds, e.g. Observation.000.ndjson)"));
                } else {
                    String middle = name.substring(dot, name.length() - (gzip ? NDJSON_GZ : NDJSON).length());
                    files.add(new BulkExportFile(entry, type, part(middle), gzip, Files.size(entry)));
                }
            }
        }
        files.sort(BulkExportFile.READING_ORDER);
        return new BulkExportListing(List.copyOf(files), List.copyOf(skipped));
    }

    /** {@code ""} is an unsplit file (-1), {@code ".007"} is part 7; anything else sorts after the numbered parts. */
    private static long part(String middle) {
        if (middle.isEmpty()) {
            return -1;
        }
        String digits = middle.substring(1);
        if (!digits.isEmpty() && digits.length() < 18 && digits.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(digits);
        }
        return Long.MAX_VALUE;
    }
}
