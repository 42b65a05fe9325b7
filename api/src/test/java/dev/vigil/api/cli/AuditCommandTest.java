package dev.vigil.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.audit.AuditChain;
import dev.vigil.api.audit.AuditRecord;
import dev.vigil.common.Sha256;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code vigil audit verify} through the real main class, on a database file this test also opens with JDBC: it
 * appends a chain of entries (hashed as the trail hashes them), then changes one row and deletes another, and the
 * command names the first one.
 */
@QuarkusMainTest
@TestProfile(AuditCommandTest.FileDatabase.class)
class AuditCommandTest {

    static final Path FOLDER = Path.of("target", "audit-command-test").toAbsolutePath();
    static final String URL = "jdbc:h2:file:" + FOLDER.resolve("vigil") + ";AUTO_SERVER=TRUE";

    /** A database file shared by the launched application and the test (AUTO_SERVER lets both open it). */
    public static class FileDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", URL);
        }
    }

    @Test
    void namesTheFirstEntryChangedOrRemoved(QuarkusMainLauncher launcher) throws Exception {
        deleteFolder();
        LaunchResult empty = launcher.launch("audit", "verify");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.getOutput()).contains("OK: 0 entries, head " + AuditChain.GENESIS);

        List<String> hashes = appendChain(5);
        LaunchResult intact = launcher.launch("audit", "verify");
        assertThat(intact.exitCode()).isZero();
        assertThat(intact.getOutput()).contains("OK: 5 entries, head " + hashes.get(4));

        sql("UPDATE audit_entry SET response_json = '{\"r\":\"forged\"}' WHERE seq = 4");
        LaunchResult changed = launcher.launch("audit", "verify");
        assertThat(changed.exitCode()).isEqualTo(AuditCommand.BROKEN);
        assertThat(changed.getOutput()).contains("BROKEN at entry 4: entry 4 was changed");

        sql("DELETE FROM audit_entry WHERE seq = 2");
        LaunchResult removed = launcher.launch("audit", "verify");
        assertThat(removed.exitCode()).isEqualTo(AuditCommand.BROKEN);
        assertThat(removed.getOutput()).contains("BROKEN at entry 2: entry 2 was removed");
    }

    /** Appends {@code n} entries as AuditTrail does: each hashed with the previous one's hash; moves the head. */
    private static List<String> appendChain(int n) throws SQLException {
        List<String> hashes = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        Instant at = Instant.parse("2026-11-27T08:00:00.000Z");
        try (Connection db = connect()) {
            for (int seq = 1; seq <= n; seq++) {
                String response = "{\"r\":" + seq + "}";
                AuditRecord record = new AuditRecord("recommendation", "t-clinician", "p" + seq,
                        Sha256.hex(("request " + seq).getBytes(StandardCharsets.UTF_8)), response, "model", "data",
                        "rules");
                Instant recorded = at.plus(seq, ChronoUnit.MINUTES);
                String hash = AuditChain.hash(seq, recorded, record, previous);
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO audit_entry (seq, recorded_at, kind, "
                        + "caller, patient_id, request_sha256, response_json, model_version, data_version, "
                        + "rule_version, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, seq);
                    insert.setObject(2, recorded.atOffset(ZoneOffset.UTC));
                    insert.setString(3, record.kind());
                    insert.setString(4, record.caller());
                    insert.setString(5, record.patientId());
                    insert.setString(6, record.requestSha256());
                    insert.setString(7, record.responseJson());
                    insert.setString(8, record.modelVersion());
                    insert.setString(9, record.dataVersion());
                    insert.setString(10, record.ruleVersion());
                    insert.setString(11, previous);
                    insert.setString(12, hash);
                    insert.executeUpdate();
                }
                hashes.add(hash);
                previous = hash;
            }
            try (PreparedStatement head = db.prepareStatement(
                    "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                head.setLong(1, n);
                head.setString(2, previous);
                head.executeUpdate();
            }
        }
        return hashes;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection db = connect(); var s = db.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "vigil");
        credentials.setProperty("password", "vigil");
        return new org.h2.Driver().connect(URL, credentials);
    }

    private static void deleteFolder() throws java.io.IOException {
        if (Files.exists(FOLDER)) {
            try (Stream<Path> files = Files.walk(FOLDER)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
