package dev.vigil.api.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Walks the audit chain in sequence order and names the first entry changed or removed: a gap in the sequence
 * (an entry removed), an entry whose recomputed hash differs from the stored one (an entry changed), an entry
 * whose previous hash is not the hash of the entry before it (the entry before it was replaced), or fewer entries
 * than the chain head records (the last entries removed).
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 500;

    @Inject
    AuditTrail trail;

    public AuditVerification verify() {
        long headSeq = trail.headSeq();
        long expected = 1;
        String previousHash = AuditChain.GENESIS;
        long checked = 0;
        while (true) {
            List<AuditEntry> page = trail.page(expected - 1, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry entry : page) {
                if (entry.getSeq() != expected) {
                    return AuditVerification.broken(checked, expected, "entry " + expected + " was removed: the "
                            + "sequence jumps from " + (expected - 1) + " to " + entry.getSeq());
                }
                String recomputed = AuditChain.hash(entry.getSeq(), entry.getRecordedAt(), entry.record(),
                        entry.getPreviousHash());
                if (!recomputed.equals(entry.getEntryHash())) {
                    return AuditVerification.broken(checked, expected, "entry " + expected + " was changed: its "
                            + "content no longer matches its hash");
                }
                if (!entry.getPreviousHash().equals(previousHash)) {
                    // The entry itself is intact, so the one before it was rewritten with a recomputed hash.
                    return AuditVerification.broken(checked, expected - 1, "entry " + (expected - 1) + " was "
                            + "replaced: entry " + expected + " names another hash for it");
                }
                previousHash = entry.getEntryHash();
                expected++;
                checked++;
            }
            // The next page starts after the last entry seen, whatever its number was.
            expected = page.get(page.size() - 1).getSeq() + 1;
        }
        if (checked < headSeq) {
            return AuditVerification.broken(checked, checked + 1, "entry " + (checked + 1) + " was removed: the chain "
                    + "head records " + headSeq + " entries, " + checked + " are stored");
        }
        return AuditVerification.ok(checked);
    }
}
