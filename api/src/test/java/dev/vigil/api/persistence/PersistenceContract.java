package dev.vigil.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.artifact.ArtifactService;
import dev.vigil.api.audit.AuditEntry;
import dev.vigil.api.audit.AuditRecord;
import dev.vigil.api.audit.AuditTrail;
import dev.vigil.api.audit.AuditVerifier;
import dev.vigil.api.artifact.StoredArtifact;
import dev.vigil.api.security.Roles;
import dev.vigil.api.security.UserAccount;
import dev.vigil.api.security.UserConflictException;
import dev.vigil.api.security.UserService;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the persistence layer must do on every supported database. Each database has a subclass that
 * boots the application against it.
 */
abstract class PersistenceContract {

    @Inject
    UserService users;

    @Inject
    ArtifactService artifacts;

    @Inject
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    AuditVerifier verifier;

    abstract String expectedProductName();

    @Test
    void runsOnTheExpectedDatabase() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualToIgnoringCase(expectedProductName());
        }
    }

    @Test
    void flywayAppliedEveryMigration() throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select \"version\" from \"flyway_schema_history\" where \"success\" = true order by \"installed_rank\"")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        } catch (java.sql.SQLException quotedNamesFailed) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select version from flyway_schema_history where success = true order by installed_rank")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
        }
        assertThat(versions).containsSubsequence("1", "2");
    }

    @Test
    void roundTripsAUserWithRolesAndTimestamps() {
        String name = unique("rt");
        UserAccount created = users.create(name, "Round Trip", "a-long-password", List.of(Roles.AUDITOR, Roles.CLINICIAN));
        assertThat(created.getId()).isNotNull();

        UserAccount loaded = users.find(name).orElseThrow();
        assertThat(loaded.getRoles()).containsExactlyInAnyOrder(Roles.AUDITOR, Roles.CLINICIAN);
        assertThat(loaded.getDisplayName()).isEqualTo("Round Trip");
        assertThat(loaded.isEnabled()).isTrue();
        // Stored with time zone: what comes back is the same instant, to the microsecond at least.
        assertThat(loaded.getCreatedAt().toEpochMilli()).isEqualTo(created.getCreatedAt().toEpochMilli());

        users.update(name, null, List.of(Roles.RESEARCHER), false);
        UserAccount changed = users.find(name).orElseThrow();
        assertThat(changed.getRoles()).containsExactly(Roles.RESEARCHER);
        assertThat(changed.isEnabled()).isFalse();
    }

    @Test
    void theDatabaseEnforcesUniqueUsernames() throws Exception {
        String name = unique("uq");
        users.create(name, null, "a-long-password", List.of(Roles.AUDITOR));
        assertThatThrownBy(() -> users.create(name, null, "a-long-password", List.of(Roles.AUDITOR)))
                .isInstanceOf(UserConflictException.class);
        // And beneath the service: the constraint itself holds.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("insert into app_user (username, display_name, password_hash, "
                    + "enabled, created_at) values ('" + name + "', 'x', 'x', true, CURRENT_TIMESTAMP)"))
                    .isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void recordsAnArtifactOnceAndKeepsItsBytes() {
        byte[] bytes = ("artifact " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        StoredArtifact first = artifacts.put(new ByteArrayInputStream(bytes), "text/plain", "test", "a test blob", "t");
        StoredArtifact second = artifacts.put(new ByteArrayInputStream(bytes), "text/plain", "test", "again", "t");
        assertThat(second.getSha256()).isEqualTo(first.getSha256());
        assertThat(second.getDescription()).isEqualTo("a test blob");
        assertThat(artifacts.find(first.getSha256())).isPresent();
        assertThat(artifacts.store().readAllBytes(first.getSha256())).isEqualTo(bytes);
        assertThat(first.getSizeBytes()).isEqualTo(bytes.length);
    }

    @Test
    void sessionLookupSeesRolesAndDisablingAtOnce() {
        String name = unique("sl");
        users.create(name, "Session Lookup", "a-long-password", List.of(Roles.CLINICIAN, Roles.AUDITOR));
        UserService.Principal principal = users.current(name).orElseThrow();
        assertThat(principal.displayName()).isEqualTo("Session Lookup");
        assertThat(principal.roles()).containsExactlyInAnyOrder(Roles.CLINICIAN, Roles.AUDITOR);

        users.update(name, null, List.of(Roles.RESEARCHER), null);
        assertThat(users.current(name).orElseThrow().roles()).containsExactly(Roles.RESEARCHER);
        users.update(name, null, null, false);
        assertThat(users.current(name)).isEmpty();
        assertThat(users.current(unique("nobody"))).isEmpty();
    }

    @Test
    void auditAppendsChainConcurrentlyAndVerify() throws Exception {
        long before = audit.headSeq();
        int callers = 8;
        int each = 25;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        List<java.util.concurrent.Future<List<AuditEntry>>> futures = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            futures.add(pool.submit(() -> {
                List<AuditEntry> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(audit.append(new AuditRecord("persistence-test", "caller-" + caller, "patient-" + i,
                            "0".repeat(64), "{\"i\":" + i + "}", "model 1", "data 1", "rules 1.0.0")));
                }
                return mine;
            }));
        }
        List<Long> seqs = new ArrayList<>();
        for (var f : futures) {
            f.get().forEach(e -> seqs.add(e.getSeq()));
        }
        pool.shutdown();
        assertThat(seqs).doesNotHaveDuplicates().hasSize(callers * each);
        assertThat(audit.headSeq()).isEqualTo(before + callers * each);
        List<AuditEntry> stored = audit.page(before, callers * each);
        assertThat(stored).extracting(AuditEntry::getSeq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(before + 1, before + callers * each).boxed().toList());
        // The timestamp read back is the instant the hash was made from, so the chain verifies.
        assertThat(verifier.verify().valid()).isTrue();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
