package dev.vigil.api.tace;

import static dev.vigil.api.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.api.WithTestUsers;
import dev.vigil.api.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Before any world model is trained, the endpoints say so with the command to run (own empty database). */
@QuarkusTest
@TestProfile(TaceNoWorldModelTest.EmptyDatabase.class)
class TaceNoWorldModelTest extends WithTestUsers {

    /** A database and data folder of its own, so that models other tests trained are not there. */
    public static class EmptyDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:vigil-tace-empty;DB_CLOSE_DELAY=-1",
                    "vigil.data-dir", "target/test-data-tace-empty");
        }
    }

    @Test
    void everyEndpointAnswers409WithTheTrainCommand() {
        as(Roles.CLINICIAN).when().get("/api/tace/patients").then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("No world model has been trained yet"))
                .body("detail", containsString("./vigil worldmodel train --dataset"));
        as(Roles.CLINICIAN).contentType("application/json").body("{}").when()
                .post("/api/tace/patients/anyone/plans").then().statusCode(409);
        as(Roles.RESEARCHER).when().get("/api/tace/world-model").then().statusCode(409)
                .body("detail", containsString("./vigil worldmodel train"));
    }
}
