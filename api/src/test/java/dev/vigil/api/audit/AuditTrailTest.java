package dev.vigil.api.audit;

import static dev.vigil.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.api.WithTestUsers;
import dev.vigil.api.security.Roles;
import dev.vigil.common.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The hash chain: concurrent appends, and tampering found at the right entry. */
@QuarkusTest
class AuditTrailTest extends WithTestUsers {

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerifier verifier;

    @Inject
    EntityManager em;

    static AuditRecord record(String patient, String response) {
        return new AuditRecord("test", "t-tester", patient, Sha256.hex(response.getBytes(StandardCharsets.UTF_8)),
                "{\"r\":\"" + response + "\"}", "model", "data", "rules");
    }

    @Test
    void theCanonicalFormIsDocumentedAndHashed() {
        AuditRecord r = new AuditRecord("recommendation", "alice", null, "a".repeat(64), "{}", "m", "d", "r");
        Instant at = Instant.parse("2026-11-27T08:00:00.123Z");
        String canonical = AuditChain.canonical(7, at, r, AuditChain.GENESIS);
        assertThat(canonical).isEqualTo("[\"vigil-audit-v1\",\"7\",\"2026-11-27T08:00:00.123Z\",\"recommendation\","
                + "\"alice\",\"\",\"" + "a".repeat(64) + "\",\"" + Sha256.hex("{}".getBytes(StandardCharsets.UTF_8))
                + "\",\"m\",\"d\",\"r\",\"" + "0".repeat(64) + "\"]");
        assertThat(AuditChain.hash(7, at, r, AuditChain.GENESIS))
                .isEqualTo(Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void concurrentAppendsKeepTheChainValidAndComplete() throws Exception {
        long before = trail.headSeq();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Long>> seqs = new ArrayList<>();
        for (int i = 0; i < 32 * 8; i++) {
            int n = i;
            seqs.add(pool.submit(() -> {
                AuditEntry entry = trail.append(record("p" + n, "r" + n));
                // Group commit: each caller gets the entry of its own record, not a neighbour's in the batch.
                assertThat(entry.getPatientId()).isEqualTo("p" + n);
                assertThat(entry.getResponseJson()).isEqualTo("{\"r\":\"r" + n + "\"}");
                return entry.getSeq();
            }));
        }
        List<Long> got = new ArrayList<>();
        for (Future<Long> f : seqs) {
            got.add(f.get());
        }
        pool.shutdown();
        assertThat(got).doesNotHaveDuplicates().allMatch(s -> s > before && s <= before + 256);
        assertThat(trail.headSeq()).isEqualTo(before + 256);
        AuditVerification v = verifier.verify();
        assertThat(v.valid()).as(v.problem()).isTrue();
        assertThat(v.entries()).isGreaterThanOrEqualTo(before + 256);
    }

    @Test
    void whenABatchCannotBeWrittenEveryCallerInItFailsAndNothingIsStored() throws Exception {
        AuditTrail.Head head = trail.head();
        long count = trail.count();
        sql("DELETE FROM audit_head");
        try {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<AuditEntry>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                calls.add(pool.submit(() -> trail.append(record("lost" + n, "x" + n))));
            }
            for (Future<AuditEntry> call : calls) {
                assertThatThrownBy(call::get).hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("head row is missing");
            }
            pool.shutdown();
        } finally {
            sql("INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, " + head.seq() + ", '" + head.hash()
                    + "')");
        }
        assertThat(trail.count()).isEqualTo(count);
        assertThat(trail.append(record("after", "y")).getSeq()).isEqualTo(head.seq() + 1);
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void editsAndDeletionsInTheDatabaseAreFoundAtTheRightEntry() {
        List<AuditEntry> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(trail.append(record("tamper-" + i, "t" + i)));
        }
        assertThat(verifier.verify().valid()).isTrue();
        AuditEntry third = five.get(2);

        sql("UPDATE audit_entry SET response_json = '{\"r\":\"forged\"}' WHERE seq = " + third.getSeq());
        AuditVerification edited = verifier.verify();
        assertThat(edited.valid()).isFalse();
        assertThat(edited.firstBadSeq()).isEqualTo(third.getSeq());
        assertThat(edited.problem()).contains("was changed");
        as(Roles.AUDITOR).when().get("/api/audit/verification").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBadSeq", equalTo((int) third.getSeq()));
        sql("UPDATE audit_entry SET response_json = '" + third.getResponseJson() + "' WHERE seq = " + third.getSeq());
        assertThat(verifier.verify().valid()).isTrue();

        // An edit that recomputes the entry's own hash is found at that entry too: the next one names the old hash.
        AuditRecord forged = record("tamper-2", "forged");
        String rehash = AuditChain.hash(third.getSeq(), third.getRecordedAt(), forged, third.getPreviousHash());
        sql("UPDATE audit_entry SET response_json = '" + forged.responseJson() + "', request_sha256 = '"
                + forged.requestSha256() + "', entry_hash = '" + rehash + "' WHERE seq = " + third.getSeq());
        AuditVerification replaced = verifier.verify();
        assertThat(replaced.firstBadSeq()).isEqualTo(third.getSeq());
        assertThat(replaced.problem()).contains("replaced");
        sql("UPDATE audit_entry SET response_json = '" + third.getResponseJson() + "', request_sha256 = '"
                + third.getRequestSha256() + "', entry_hash = '" + third.getEntryHash() + "' WHERE seq = "
                + third.getSeq());

        sql("DELETE FROM audit_entry WHERE seq = " + third.getSeq());
        AuditVerification deleted = verifier.verify();
        assertThat(deleted.valid()).isFalse();
        assertThat(deleted.firstBadSeq()).isEqualTo(third.getSeq());
        assertThat(deleted.problem()).contains("was removed");
        reinsert(third);
        assertThat(verifier.verify().valid()).isTrue();

        AuditEntry last = trail.append(record("tamper-last", "last"));
        sql("DELETE FROM audit_entry WHERE seq = " + last.getSeq());
        AuditVerification tail = verifier.verify();
        assertThat(tail.firstBadSeq()).isEqualTo(last.getSeq());
        assertThat(tail.problem()).contains("chain head records");
        reinsert(last);
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void auditorsReadTheTrailAndNobodyElse() {
        trail.append(record("readable", "x"));
        as(Roles.AUDITOR).when().get("/api/audit/entries?after=0&limit=5").then().statusCode(200)
                .body("size()", equalTo(5)).body("[0].seq", equalTo(1));
        as(Roles.CLINICIAN).when().get("/api/audit/verification").then().statusCode(403);
        as(Roles.RESEARCHER).when().get("/api/audit/entries").then().statusCode(403);
        as(Roles.AUDITOR).when().get("/api/audit/entries?limit=0").then().statusCode(400);
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private void reinsert(AuditEntry e) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO audit_entry (seq, recorded_at, "
                + "kind, caller, patient_id, request_sha256, response_json, model_version, data_version, rule_version, "
                + "previous_hash, entry_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, e.getSeq()).setParameter(2, e.getRecordedAt()).setParameter(3, e.getKind())
                .setParameter(4, e.getCaller()).setParameter(5, e.getPatientId()).setParameter(6, e.getRequestSha256())
                .setParameter(7, e.getResponseJson()).setParameter(8, e.getModelVersion())
                .setParameter(9, e.getDataVersion()).setParameter(10, e.getRuleVersion())
                .setParameter(11, e.getPreviousHash()).setParameter(12, e.getEntryHash()).executeUpdate());
    }
}
