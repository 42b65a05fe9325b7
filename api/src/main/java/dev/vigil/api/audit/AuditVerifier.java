package dev.vigil.api.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Walks the audit chain in sequence order and names the first entry changed or removed: a gap in the sequence
 * (an entry removed), an entry whose recomputed hash differs from the stored one (an entry changed), an entry
 * whose previous hash is not the hash of the entry before it (the entry before it was replaced), the head's entry
 * with another hash than the head records (it was replaced), or fewer entries than the chain head records (the
 * last entries removed).
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 500;

    @Inject
    AuditTrail trail;

    /**
     * One entry's own check: whether its content still matches its hash, and whether it links to the entry before
     * it (its previous hash is that entry's hash; 64 zeros for entry 1). The whole chain is {@link #verify()}.
     */
    public EntryCheck check(AuditEntry entry) {
        boolean hashValid = AuditChain.hash(entry.getSeq(), entry.getRecordedAt(), entry.record(),
                entry.getPreviousHash()).equals(entry.getEntryHash());
        String expectedPrevious;
        String linkProblem = null;
        if (entry.getSeq() == 1) {
            expectedPrevious = AuditChain.GENESIS;
        } else {
            expectedPrevious = trail.find(entry.getSeq() - 1).map(AuditEntry::getEntryHash).orElse(null);
            if (expectedPrevious == null) {
                linkProblem = "entry " + (entry.getSeq() - 1) + " was removed";
            }
        }
        boolean linked = expectedPrevious != null && expectedPrevious.equals(entry.getPreviousHash());
        if (expectedPrevious != null && !linked) {
            linkProblem = "its previous hash is not the hash of entry " + (entry.getSeq() - 1)
                    + " (that entry was changed or replaced)";
        }
        String problem = !hashValid ? "entry " + entry.getSeq() + " was changed: its content no longer matches its hash"
                : linkProblem;
        return new EntryCheck(hashValid, linked, problem);
    }

    /** The check of one entry; {@code problem} is null when its hash is valid and it is linked. */
    public record EntryCheck(boolean hashValid, boolean linked, String problem) {
    }

    public AuditVerification verify() {
        AuditTrail.Head head = trail.head();
        long headSeq = head.seq();
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
                            + "sequence jumps from " + (expected - 1) + " to " + entry.getSeq(), head.hash());
                }
                String recomputed = AuditChain.hash(entry.getSeq(), entry.getRecordedAt(), entry.record(),
                        entry.getPreviousHash());
                if (!recomputed.equals(entry.getEntryHash())) {
                    return AuditVerification.broken(checked, expected, "entry " + expected + " was changed: its "
                            + "content no longer matches its hash", head.hash());
                }
                if (!entry.getPreviousHash().equals(previousHash)) {
                    // The entry itself is intact, so the one before it was rewritten with a recomputed hash.
                    return AuditVerification.broken(checked, expected - 1, "entry " + (expected - 1) + " was "
                            + "replaced: entry " + expected + " names another hash for it", head.hash());
                }
                if (entry.getSeq() == headSeq && !entry.getEntryHash().equals(head.hash())) {
                    // Intact and linked, yet not the hash the head recorded: it was rewritten with a recomputed hash.
                    return AuditVerification.broken(checked, expected, "entry " + expected + " was replaced: the "
                            + "chain head records another hash for it", head.hash());
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
                    + "head records " + headSeq + " entries, " + checked + " are stored", head.hash());
        }
        return AuditVerification.ok(checked, head.hash());
    }
}
