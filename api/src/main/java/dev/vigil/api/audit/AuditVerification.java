package dev.vigil.api.audit;

/**
 * The result of walking the chain.
 *
 * @param valid whether every entry is in place and unchanged
 * @param entries how many entries were checked
 * @param firstBadSeq the sequence number of the first entry changed or removed, or null when valid
 * @param problem what is wrong with it, in words, or null when valid
 * @param headHash the hash the chain head recorded when the walk began (the last entry's, when valid)
 */
public record AuditVerification(boolean valid, long entries, Long firstBadSeq, String problem, String headHash) {

    static AuditVerification ok(long entries, String headHash) {
        return new AuditVerification(true, entries, null, null, headHash);
    }

    static AuditVerification broken(long entries, long seq, String problem, String headHash) {
        return new AuditVerification(false, entries, seq, problem, headHash);
    }
}
