package dev.vigil.ingestion.fhir;

import dev.vigil.ingestion.report.IngestionListener;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A place FHIR R4 resources come from: Bundle files, a Bulk Data NDJSON folder, a FHIR server.
 *
 * <p>{@link #read} delivers every resource it can parse to {@code sink} and reports everything else to the
 * listener; bad input never stops it. The sink may be called from several threads at once and must be
 * thread-safe; delivery order is not defined (consumers that need determinism sort).
 */
public interface FhirSource {

    /** A short description for reports and progress bars, e.g. the folder or the server URL. */
    String describe();

    /**
     * Reads everything.
     *
     * @throws IOException only when the source as a whole cannot be read (folder missing, server unreachable
     *     at the start); problems with single files, lines or resources go to the listener
     */
    void read(Consumer<SourcedResource> sink, IngestionListener listener) throws IOException;
}
