package dev.vigil.ingestion.fhir;

import java.util.List;

/**
 * Lines of one NDJSON file that passed the reader's checks, on their way to a parser thread. Batching amortises
 * the queue hand-off over many lines.
 *
 * @param source the file, as it appears in origins
 * @param resourceType the file's (and therefore every line's) resource type
 * @param lines the lines, in file order
 */
record LineBatch(String source, String resourceType, List<Line> lines) {

    /**
     * One line to parse.
     *
     * @param number its 1-based line number in the file
     * @param id the resource id the reader's scan found, or null
     * @param json the line's text
     */
    record Line(long number, String id, String json) {
    }
}
