package dev.vigil.api.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends to the audit trail. Each append is its own transaction that locks the chain head row, reads the last
 * sequence number and hash, writes the next entry and moves the head: concurrent appends (threads of this server or
 * another process on the same database) queue on that row lock and the chain never forks. Within this JVM a fair
 * lock queues the appends first, so the database sees one head lock request at a time.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    private final ReentrantLock appending = new ReentrantLock(true);
    Clock clock = Clock.systemUTC();

    /** Appends one entry in a transaction of its own and returns it. */
    public AuditEntry append(AuditRecord record) {
        appending.lock();
        try {
            return QuarkusTransaction.requiringNew().call(() -> appendInTransaction(record));
        } finally {
            appending.unlock();
        }
    }

    private AuditEntry appendInTransaction(AuditRecord record) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("The audit chain head row is missing: the database was not migrated");
        }
        long seq = head.getLastSeq() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditChain.hash(seq, at, record, head.getLastHash());
        AuditEntry entry = new AuditEntry(seq, at, record, head.getLastHash(), hash);
        em.persist(entry);
        head.advance(seq, hash);
        return entry;
    }

    /** Entries after {@code afterSeq}, in order, at most {@code limit}. */
    public List<AuditEntry> page(long afterSeq, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from AuditEntry e where e.seq > :after order by e.seq", AuditEntry.class)
                .setParameter("after", afterSeq).setMaxResults(limit).getResultList());
    }

    /** One page of the entries a query selects, with how many it selects in all (paging aside). */
    public record Page(long total, List<AuditEntry> entries) {
    }

    /** The entries a query selects: filters as JPQL parameters, portable to H2 and PostgreSQL. */
    public Page search(AuditQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter(where, parameters, "e.caller = :caller", "caller", query.caller());
        filter(where, parameters, "e.patientId = :patient", "patient", query.patientId());
        // locate() rather than like: a model text with % or _ must not act as a wildcard.
        filter(where, parameters, "locate(:model, e.modelVersion) > 0", "model", query.model());
        filter(where, parameters, "e.kind = :kind", "kind", query.kind());
        filter(where, parameters, "e.recordedAt >= :from", "from", query.from());
        filter(where, parameters, "e.recordedAt < :to", "to", query.to());
        StringBuilder paged = new StringBuilder(where);
        Map<String, Object> pageParameters = new LinkedHashMap<>(parameters);
        filter(paged, pageParameters, "e.seq > :after", "after", query.after());
        filter(paged, pageParameters, "e.seq < :before", "before", query.before());
        String order = query.newestFirst() ? " order by e.seq desc" : " order by e.seq";
        return QuarkusTransaction.requiringNew().call(() -> {
            var count = em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
            parameters.forEach(count::setParameter);
            var page = em.createQuery("from AuditEntry e" + paged + order, AuditEntry.class)
                    .setMaxResults(query.limit());
            pageParameters.forEach(page::setParameter);
            return new Page(count.getSingleResult(), page.getResultList());
        });
    }

    private static void filter(StringBuilder where, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }

    /** The entry with this sequence number, if stored. */
    public Optional<AuditEntry> find(long seq) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(em.find(AuditEntry.class, seq)));
    }

    /** Entries about one patient, newest first, at most {@code limit}. */
    public List<AuditEntry> forPatient(String patientId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from AuditEntry e where e.patientId = :p order by e.seq desc", AuditEntry.class)
                .setParameter("p", patientId).setMaxResults(limit).getResultList());
    }

    /** The head: the sequence number and hash of the last entry appended (0 and 64 zeros before the first). */
    public long headSeq() {
        return QuarkusTransaction.requiringNew().call(() -> em.find(AuditHead.class, AuditHead.ID).getLastSeq());
    }

    /** The chain head as read in one transaction: how many entries there must be and the last one's hash. */
    public record Head(long seq, String hash) {
    }

    public Head head() {
        return QuarkusTransaction.requiringNew().call(() -> {
            AuditHead head = em.find(AuditHead.class, AuditHead.ID);
            return new Head(head.getLastSeq(), head.getLastHash());
        });
    }

    /** The number of entries stored. */
    public long count() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select count(e) from AuditEntry e",
                Long.class).getSingleResult());
    }
}
