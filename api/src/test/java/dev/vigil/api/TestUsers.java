package dev.vigil.api;

import dev.vigil.api.security.Roles;
import dev.vigil.api.security.UserService;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** One user per role for the tests, created through the real service, once per application boot. */
public final class TestUsers {

    public static final String PASSWORD = "correct-horse-battery";
    public static final Map<String, String> BY_ROLE = Map.of(
            Roles.CLINICIAN, "t-clinician",
            Roles.RESEARCHER, "t-researcher",
            Roles.AUDITOR, "t-auditor",
            Roles.ADMIN, "t-admin");

    private TestUsers() {
    }

    /** Creates the users that do not exist yet. */
    public static void ensure(UserService users) {
        BY_ROLE.forEach((role, name) -> {
            if (users.find(name).isEmpty()) {
                users.create(name, "Test " + role, PASSWORD, List.of(role));
            }
        });
    }

    /** A request signed in with HTTP Basic as the test user of {@code role}. */
    public static RequestSpecification as(String role) {
        return RestAssured.given().auth().preemptive().basic(BY_ROLE.get(role), PASSWORD);
    }
}
