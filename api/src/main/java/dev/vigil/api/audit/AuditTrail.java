package dev.vigil.api.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Appends to the audit trail. Appends are group-committed: each caller queues its record, and whichever caller takes
 * the append lock writes every record queued so far in one transaction, which locks the chain head row, reads the
 * last sequence number and hash, writes the entries one after the other (each chained to the one before) and moves
 * the head. Every caller returns only after the transaction holding its entry has committed, with that entry; when
 * the transaction fails, every caller of that batch gets the failure and none of its entries is stored. Under load,
 * one transaction (one head lock, one commit) then serves many requests instead of one each. Appends from another
 * process on the same database still queue on the head row lock, so the chain never forks.
 */
@ApplicationScoped
public class AuditTrail {

    /** At most this many entries per transaction: bounds the transaction when very many requests queue at once. */
    static final int MAX_BATCH = 256;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    private final ReentrantLock appending = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();
    Clock clock = Clock.systemUTC();

    /** A record waiting for its place in the chain, and the entry it got (or why it got none). */
    private static final class Pending {
        final AuditRecord record;
        final String responseSha256;
        final CompletableFuture<AuditEntry> entry = new CompletableFuture<>();

        Pending(AuditRecord record) {
            this.record = record;
            this.responseSha256 = AuditChain.responseSha256(record);
        }
    }

    /** Appends one entry and returns it once it is committed. */
    public AuditEntry append(AuditRecord record) {
        Pending pending = new Pending(record);
        queued.add(pending);
        // Only a lock holder takes records off the queue, and it settles all it took before it unlocks: a record not
        // settled when its caller holds the lock is therefore still queued, and this caller writes it.
        while (!pending.entry.isDone()) {
            appending.lock();
            try {
                if (!pending.entry.isDone()) {
                    writeQueued();
                }
            } finally {
                appending.unlock();
            }
        }
        try {
            return pending.entry.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = queued.poll(); p != null; p = batch.size() < MAX_BATCH ? queued.poll() : null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<AuditEntry> entries = QuarkusTransaction.requiringNew().call(() -> appendInTransaction(batch));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).entry.complete(entries.get(i));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.entry.completeExceptionally(e));
        }
    }

    /**
     * Plain JDBC on the transaction's connection rather than JPA: this runs for every bedside request, and entity
     * bookkeeping (persist, dirty checks, flush) cost more than the SQL itself. Entries are immutable and the head
     * row is only ever read in a fresh transaction, so no persistence context can hold a stale copy.
     */
    private List<AuditEntry> appendInTransaction(List<Pending> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long seq;
            String previous;
            try (PreparedStatement lock = connection.prepareStatement(
                    "select last_seq, last_hash from audit_head where id = ? for update")) {
                lock.setInt(1, AuditHead.ID);
                try (ResultSet head = lock.executeQuery()) {
                    if (!head.next()) {
                        throw new IllegalStateException(
                                "The audit chain head row is missing: the database was not migrated");
                    }
                    seq = head.getLong(1);
                    previous = head.getString(2);
                }
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            OffsetDateTime recordedAt = at.atOffset(ZoneOffset.UTC);
            List<AuditEntry> entries = new ArrayList<>(batch.size());
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_entry (seq, recorded_at, "
                    + "kind, caller, patient_id, request_sha256, response_json, model_version, data_version, "
                    + "rule_version, previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Pending p : batch) {
                    seq++;
                    String hash = AuditChain.hash(seq, at, p.record, p.responseSha256, previous);
                    AuditRecord r = p.record;
                    insert.setLong(1, seq);
                    insert.setObject(2, recordedAt);
                    insert.setString(3, r.kind());
                    insert.setString(4, r.caller());
                    insert.setString(5, r.patientId());
                    insert.setString(6, r.requestSha256());
                    insert.setString(7, r.responseJson());
                    insert.setString(8, r.modelVersion());
                    insert.setString(9, r.dataVersion());
                    insert.setString(10, r.ruleVersion());
                    insert.setString(11, previous);
                    insert.setString(12, hash);
                    insert.addBatch();
                    entries.add(new AuditEntry(seq, at, r, previous, hash));
                    previous = hash;
                }
                insert.executeBatch();
            }
            try (PreparedStatement advance = connection.prepareStatement(
                    "update audit_head set last_seq = ?, last_hash = ? where id = ?")) {
                advance.setLong(1, seq);
                advance.setString(2, previous);
                advance.setInt(3, AuditHead.ID);
                advance.executeUpdate();
            }
            return entries;
        }
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
