package dev.vigil.api.audit;

import java.time.Instant;

/**
 * Which audit entries to list. Every filter is optional (null: any); {@code after} and {@code before} page through
 * the result by sequence number and do not change its total.
 *
 * @param caller exactly this caller (a user name, or {@code cds:<iss> <sub>})
 * @param patientId exactly this patient
 * @param model text the model version contains (e.g. a run id or its prefix)
 * @param kind exactly this kind, e.g. {@code recommendation}
 * @param from recorded at or after this instant
 * @param to recorded before this instant
 * @param after sequence numbers greater than this
 * @param before sequence numbers less than this
 * @param limit at most this many entries (1..{@value #MAX_LIMIT})
 * @param newestFirst descending sequence order instead of ascending
 */
public record AuditQuery(String caller, String patientId, String model, String kind, Instant from, Instant to,
        Long after, Long before, int limit, boolean newestFirst) {

    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + "; got " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        caller = blankToNull(caller);
        patientId = blankToNull(patientId);
        model = blankToNull(model);
        kind = blankToNull(kind);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
