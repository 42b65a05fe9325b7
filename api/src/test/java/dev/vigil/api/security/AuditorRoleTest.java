package dev.vigil.api.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static dev.vigil.api.TestUsers.as;
import static org.hamcrest.Matchers.containsString;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.vigil.api.WithTestUsers;
import dev.vigil.api.recommend.RecommendationResource;
import dev.vigil.api.rest.AuthResource;
import dev.vigil.api.serving.BedsideFixture;
import dev.vigil.api.serving.ServingService;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7 item 5: auditors read everything audit-related and change nothing. Each read is answered, each change
 * (rules, promotions, recommendations, reports, feedback, users, data) is refused, and no state-changing endpoint
 * names the auditor role at all.
 */
@QuarkusTest
class AuditorRoleTest extends WithTestUsers {

    private static String run;
    private static String recommendationSeq;

    /** A served run and one real recommendation, made once. */
    private static synchronized void fixture() {
        if (run == null) {
            run = BedsideFixture.servedRun();
            String patient = Arc.container().instance(ServingService.class).get().active(ServingService.SEPSIS)
                    .policy().data().episodes().get(2).id();
            recommendationSeq = as(Roles.CLINICIAN).when().get("/api/patients/" + patient + "/recommendation").then()
                    .statusCode(200).extract().header(RecommendationResource.AUDIT_HEADER);
        }
    }

    private static String fill(String path) {
        return path.replace("{run}", run).replace("{seq}", recommendationSeq);
    }

    @ParameterizedTest
    @MethodSource("reads")
    void auditorsReadEverythingAuditRelated(String path) {
        fixture();
        as(Roles.AUDITOR).when().get(fill(path)).then().statusCode(200);
    }

    static Stream<String> reads() {
        return Stream.of("/api/audit/entries", "/api/audit/entries?order=desc&limit=5&kind=recommendation",
                "/api/audit/entries/{seq}/report", "/api/audit/verification", "/api/reports",
                "/api/reports?kind=safety", "/api/runs/{run}/reports", "/api/rule-sets",
                "/api/rule-sets/sepsis-bedside/versions", "/api/rule-sets/sepsis-bedside/versions/1.0.0",
                "/api/serving", "/api/serving/sepsis-treatment/promotions");
    }

    @ParameterizedTest
    @MethodSource("changes")
    void auditorsChangeNothing(String method, String path, String body) {
        fixture();
        as(Roles.AUDITOR).contentType("application/json").body(body).when().request(method, fill(path)).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("Your roles do not allow this"));
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("POST", "/api/rule-sets/sepsis-bedside/versions",
                        "{\"yaml\":\"id: sepsis-bedside\",\"reason\":\"auditor edit\"}"),
                Arguments.of("POST", "/api/serving/sepsis-treatment/promotions",
                        "{\"run\":\"{run}\",\"reason\":\"auditor promotes\"}"),
                Arguments.of("POST", "/api/recommendations", "{\"useCase\":\"sepsis-treatment\",\"patientId\":\"p\"}"),
                Arguments.of("GET", "/api/patients/p-any/recommendation", ""),
                Arguments.of("POST", "/api/recommendations/{seq}/feedback", "{\"outcome\":\"accepted\"}"),
                Arguments.of("POST", "/api/runs/{run}/reports/safety", "{}"),
                Arguments.of("POST", "/api/runs/{run}/reports/evaluation", "{}"),
                Arguments.of("GET", "/api/admin/users", ""),
                Arguments.of("POST", "/api/admin/users",
                        "{\"username\":\"x-auditor\",\"password\":\"long-enough-pass\",\"roles\":[\"admin\"]}"),
                Arguments.of("PATCH", "/api/admin/users/t-clinician", "{\"enabled\":false}"),
                Arguments.of("PUT", "/api/admin/users/t-clinician/password", "{\"password\":\"another-long-pass\"}"),
                Arguments.of("POST", "/api/ingestions", "{}"));
    }

    /** CDS Hooks feedback comes from EHRs with a signed JWT; an auditor's credentials do not open it. */
    @Test
    void auditorsCannotPostCdsFeedbackAsAUser() {
        as(Roles.AUDITOR).contentType("application/json")
                .body("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\",\"outcomeTimestamp\":"
                        + "\"2026-11-27T08:00:00Z\"}]}")
                .when().post("/cds-services/vigil-sepsis-patient-view/feedback").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }

    /** Whatever endpoint is added later: none that changes state may let auditors in (signing out aside). */
    @Test
    void noStateChangingEndpointAllowsAuditors() {
        methods().that().areAnnotatedWith(POST.class).or().areAnnotatedWith(PUT.class)
                .or().areAnnotatedWith(PATCH.class).or().areAnnotatedWith(DELETE.class)
                .and().areNotDeclaredIn(AuthResource.class)
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>(
                        "not allow the auditor role") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMethod method,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        var roles = method.tryGetAnnotationOfType(RolesAllowed.class)
                                .or(() -> method.getOwner().tryGetAnnotationOfType(RolesAllowed.class));
                        if (roles.isPresent() && Arrays.asList(roles.get().value()).contains(Roles.AUDITOR)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
                                    method.getFullName() + " lets auditors change state"));
                        }
                    }
                })
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.vigil.api"));
    }
}
