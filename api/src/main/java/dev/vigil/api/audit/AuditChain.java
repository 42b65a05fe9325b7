package dev.vigil.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The canonical serialisation an entry's hash is taken of (format {@value #FORMAT}): a compact JSON array of
 * strings, in this order,
 *
 * <pre>
 * ["vigil-audit-v1", seq, recordedAt, kind, caller, patientId, requestSha256, SHA-256(responseJson),
 *  modelVersion, dataVersion, ruleVersion, previousHash]
 * </pre>
 *
 * with {@code seq} in decimal, {@code recordedAt} as ISO-8601 UTC ({@link DateTimeFormatter#ISO_INSTANT}, millisecond
 * precision), a missing patient id as "", the response's SHA-256 over its UTF-8 bytes, and JSON string escaping of
 * RFC 8259 as Jackson writes it (no white space). The entry hash is the lower-case hex SHA-256 of the UTF-8 bytes of
 * that text. The first entry's previous hash is 64 zeros.
 */
public final class AuditChain {

    public static final String FORMAT = "vigil-audit-v1";
    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    /** The canonical text of an entry. */
    public static String canonical(long seq, Instant recordedAt, AuditRecord record, String previousHash) {
        return canonical(seq, recordedAt, record, responseSha256(record), previousHash);
    }

    /** SHA-256 of the response's UTF-8 bytes, as the canonical text holds it. */
    public static String responseSha256(AuditRecord record) {
        return Sha256.hex(record.responseJson().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The canonical text with the response's hash already taken ({@link #responseSha256}): appends hash the
     * response before they queue for the chain head, so the serial part of an append stays short.
     */
    static String canonical(long seq, Instant recordedAt, AuditRecord record, String responseSha256,
            String previousHash) {
        List<String> fields = List.of(FORMAT, Long.toString(seq), DateTimeFormatter.ISO_INSTANT.format(recordedAt),
                record.kind(), record.caller(), record.patientId() == null ? "" : record.patientId(),
                record.requestSha256(), responseSha256,
                record.modelVersion(), record.dataVersion(), record.ruleVersion(), previousHash);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a list of strings as JSON", e);
        }
    }

    /** The entry hash: SHA-256 of the canonical text. */
    public static String hash(long seq, Instant recordedAt, AuditRecord record, String previousHash) {
        return hash(seq, recordedAt, record, responseSha256(record), previousHash);
    }

    static String hash(long seq, Instant recordedAt, AuditRecord record, String responseSha256,
            String previousHash) {
        return Sha256.hex(canonical(seq, recordedAt, record, responseSha256, previousHash)
                .getBytes(StandardCharsets.UTF_8));
    }
}
