package dev.vigil.api.persistence;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Boots the application on a real PostgreSQL server: the one `./vigil test` starts and names in the
 * {@code vigil.test.postgres.*} system properties. The only change is configuration, as for a site.
 */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", System.getProperty("vigil.test.postgres.url", ""),
                "quarkus.datasource.username", System.getProperty("vigil.test.postgres.user", ""),
                "quarkus.datasource.password", System.getProperty("vigil.test.postgres.password", ""),
                "quarkus.flyway.clean-at-start", "true");
    }

    @Override
    public String getConfigProfile() {
        return "test-postgres";
    }
}
