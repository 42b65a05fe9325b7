package dev.vigil.ingestion.fhir;

import dev.vigil.ingestion.report.IngestionIssue;
import java.util.List;

/**
 * Everything one Bundle file yielded, in entry order, kept together so that the reading thread can deliver
 * files in a fixed order (which makes "the first duplicate wins" deterministic) although they are parsed in
 * parallel.
 *
 * @param items each a {@link SourcedResource} or an {@link IngestionIssue}, in entry order
 */
record ParsedFile(List<Object> items) {
}
