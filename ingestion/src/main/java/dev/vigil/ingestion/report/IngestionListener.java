package dev.vigil.ingestion.report;

/**
 * Hears about an ingestion as it goes. Implementations must be thread-safe: sources parse on several
 * threads.
 */
public interface IngestionListener {

    /** A piece of input was rejected or is worth counting. */
    void issue(IngestionIssue issue);

    /** A resource was parsed successfully (counted per type in the report). */
    void resourceRead(String resourceType);

    /**
     * How far reading has come.
     *
     * @param unitsDone bytes read (files) or resources fetched (servers)
     * @param unitsTotal the total, or -1 when unknown
     */
    void progress(long unitsDone, long unitsTotal);

    /**
     * A source begins reading. Called once per {@link dev.vigil.ingestion.fhir.FhirSource#read} so that a
     * report can say what it covers; the default ignores it.
     *
     * @param description the source's {@code describe()}, e.g. a folder or a server URL
     */
    default void sourceStarted(String description) {
    }

    /**
     * A file in a source folder was deliberately not read (e.g. a Bulk Data export's {@code log.ndjson} or
     * {@code manifest.json}). Not an issue: exports carry such files by design. The default ignores it.
     *
     * @param file the file's path as the source saw it
     * @param reason why it was not read, e.g. "log is not an R4 resource type"
     */
    default void fileSkipped(String file, String reason) {
    }

    /** A listener that ignores everything. */
    IngestionListener NONE = new IngestionListener() {
        @Override
        public void issue(IngestionIssue issue) {
        }

        @Override
        public void resourceRead(String resourceType) {
        }

        @Override
        public void progress(long unitsDone, long unitsTotal) {
        }
    };
}
