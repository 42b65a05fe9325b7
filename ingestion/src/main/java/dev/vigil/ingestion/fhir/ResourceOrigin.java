package dev.vigil.ingestion.fhir;

/**
 * Where a resource (or a rejected piece of input) came from, precise enough for a person to find it.
 *
 * @param source the file (path as given), or the server's base URL
 * @param line the 1-based line of an NDJSON file, the 1-based entry of a Bundle, or 0 when not applicable
 * @param resourceType the resource type, or null when it could not be read
 * @param resourceId the resource's logical id, or null when it could not be read
 */
public record ResourceOrigin(String source, long line, String resourceType, String resourceId) {

    /** E.g. {@code Observation.000.ndjson line 17 (Observation/abc)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(" line ").append(line);
        }
        if (resourceType != null || resourceId != null) {
            text.append(" (").append(resourceType == null ? "?" : resourceType);
            if (resourceId != null) {
                text.append('/').append(resourceId);
            }
            text.append(')');
        }
        return text.toString();
    }
}
