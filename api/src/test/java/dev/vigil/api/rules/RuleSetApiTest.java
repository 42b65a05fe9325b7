package dev.vigil.api.rules;

import static dev.vigil.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.vigil.api.WithTestUsers;
import dev.vigil.api.security.Roles;
import dev.vigil.safety.cost.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class RuleSetApiTest extends WithTestUsers {

    @Inject
    RuleSetService service;

    private String shipped() {
        return service.require("sepsis-bedside", "1.0.0").getYaml();
    }

    @Test
    void theShippedRuleSetIsRegisteredAsItsFirstVersion() {
        as(Roles.AUDITOR).when().get("/api/rule-sets").then().statusCode(200)
                .body("id", hasItem("sepsis-bedside"));
        as(Roles.CLINICIAN).when().get("/api/rule-sets/sepsis-bedside/versions/1.0.0").then().statusCode(200)
                .body("version.createdBy", equalTo(RuleSetService.SHIPPED_BY))
                .body("version.contentHash", equalTo(RuleSets.sepsisBedside().contentHash()))
                .body("rules.id", hasItem("sepsis.spo2-low"))
                .body("rules.find { it.id == 'sepsis.spo2-low' }.condition", equalTo("spo2 < 92"));
    }

    @Test
    void anEditPublishesANewVersionAndLeavesTheOldOneUnchanged() {
        String v = "2." + System.nanoTime() % 100000 + ".0";
        String edited = shipped().replace("version: \"1.0.0\"", "version: \"" + v + "\"")
                .replace("condition: { feature: spo2, op: \"<\", value: 92 }",
                        "condition: { feature: spo2, op: \"<\", value: 90 }");
        as(Roles.RESEARCHER).contentType("application/json")
                .body(Map.of("yaml", edited, "reason", "Lower SpO2 threshold per unit protocol"))
                .when().post("/api/rule-sets/sepsis-bedside/versions").then().statusCode(201)
                .body("version", equalTo(v))
                .body("createdBy", equalTo("t-researcher"))
                .body("reason", equalTo("Lower SpO2 threshold per unit protocol"));

        as(Roles.AUDITOR).when().get("/api/rule-sets/sepsis-bedside/versions/1.0.0").then().statusCode(200)
                .body("rules.find { it.id == 'sepsis.spo2-low' }.condition", equalTo("spo2 < 92"));
        as(Roles.AUDITOR).when().get("/api/rule-sets/sepsis-bedside/diff?from=1.0.0&to=" + v).then()
                .statusCode(200)
                .body("rules.size()", equalTo(1))
                .body("rules[0].ruleId", equalTo("sepsis.spo2-low"))
                .body("rules[0].kind", equalTo("CHANGED"))
                .body("rules[0].fields[0].before", equalTo("spo2 < 92"))
                .body("rules[0].fields[0].after", equalTo("spo2 < 90"));
        assertThat(service.latest("sepsis-bedside").getVersion()).isEqualTo(v);
    }

    @Test
    void refusesAVersionNotAboveTheNewest() {
        as(Roles.ADMIN).contentType("application/json")
                .body(Map.of("yaml", shipped(), "reason", "again"))
                .when().post("/api/rule-sets/sepsis-bedside/versions").then().statusCode(409)
                .body("detail", containsString("not above the newest version"));
    }

    @Test
    void refusesAnUnchangedContentAnInvalidFileAndAMissingReason() {
        String same = shipped().replace("version: \"1.0.0\"", "version: \"99.0.0\"");
        as(Roles.ADMIN).contentType("application/json").body(Map.of("yaml", same, "reason", "bump"))
                .when().post("/api/rule-sets/sepsis-bedside/versions").then().statusCode(400)
                .body("detail", containsString("say the same as version"));
        String invalid = same.replace("weight: 1", "weight: -1");
        as(Roles.ADMIN).contentType("application/json").body(Map.of("yaml", invalid, "reason", "bad"))
                .when().post("/api/rule-sets/sepsis-bedside/versions").then().statusCode(400)
                .body("detail", containsString("line"));
        as(Roles.ADMIN).contentType("application/json").body(Map.of("yaml", same, "reason", " "))
                .when().post("/api/rule-sets/sepsis-bedside/versions").then().statusCode(400);
        as(Roles.ADMIN).when().get("/api/rule-sets/sepsis-bedside/versions/7.7.7").then().statusCode(404)
                .body("detail", containsString("its versions are"));
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.AUDITOR, Roles.CLINICIAN})
    void auditorsAndCliniciansCannotEditRules(String role) {
        as(role).contentType("application/json").body(Map.of("yaml", shipped(), "reason", "try"))
                .when().post("/api/rule-sets/sepsis-bedside/versions").then().statusCode(403);
    }
}
