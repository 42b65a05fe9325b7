package dev.vigil.ingestion.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The top-level {@code resourceType} and {@code id} of one NDJSON line, read cheaply with Jackson's streaming
 * parser before the expensive HAPI parse.
 *
 * <p>Why: the reader thread classifies every line (missing, unknown or wrong type, duplicate id) in file order,
 * so that which duplicate is kept never depends on which parser thread is faster. The scan stops as soon as
 * both fields are found (Bulk Data writers put them first), so it costs a small fraction of the HAPI parse.
 * Syntax errors after the two fields are left for HAPI to find.
 *
 * @param resourceType the top-level {@code resourceType} string, or null when absent or not a string
 * @param id the top-level {@code id} string, or null when absent or not a string
 * @param malformed why the line is not a JSON object, redacted for reports; null when the scan succeeded
 */
record LineHeader(String resourceType, String id, String malformed) {

    /** Thread-safe once configured; Jackson's default leaves the source text out of its error locations. */
    private static final JsonFactory JSON = new JsonFactory();

    static LineHeader scan(String line) {
        String type = null;
        String id = null;
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new LineHeader(null, null, "the line is not a JSON object (each NDJSON line must be one "
                        + "resource, {...})");
            }
            while (type == null || id == null) {
                JsonToken token = parser.nextToken();
                if (token != JsonToken.FIELD_NAME) {
                    break;
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && "resourceType".equals(name)) {
                    type = parser.getText();
                } else if (value == JsonToken.VALUE_STRING && "id".equals(name)) {
                    id = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            return new LineHeader(type, id, "not valid JSON: " + ParseError.of(e).describeInLine());
        }
        return new LineHeader(type, id, null);
    }
}
