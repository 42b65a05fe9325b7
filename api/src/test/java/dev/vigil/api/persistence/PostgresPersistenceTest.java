package dev.vigil.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The persistence contract on a real PostgreSQL server. `./vigil test` (and so CI) installs and starts one
 * and sets {@code vigil.test.postgres.url}; a bare {@code mvn test} without it skips this class.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfSystemProperty(named = "vigil.test.postgres.url", matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL server given; ./vigil test starts one")
class PostgresPersistenceTest extends PersistenceContract {

    @Override
    String expectedProductName() {
        return "PostgreSQL";
    }

    @Test
    void usesTimestampsWithTimeZone() throws Exception {
        try (var c = dataSource.getConnection(); var rs = c.getMetaData().getColumns(null, null, "app_user", "created_at")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("TYPE_NAME")).isEqualTo("timestamptz");
        }
    }
}
