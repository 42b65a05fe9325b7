package dev.vigil.api.ui;

import static dev.vigil.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.TestUsers;
import dev.vigil.api.security.Roles;
import dev.vigil.api.serving.BedsideFixture;
import dev.vigil.api.serving.ServingService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An auditor sees the chain verified, filters the trail by patient and reads one recommendation's report. */
@QuarkusTest
class AuditTrailBrowserTest extends BrowserTestBase {

    @Inject
    ServingService serving;

    @Test
    void auditorFiltersTheTrailAndOpensARecommendation() {
        BedsideFixture.servedRun();
        String patient = serving.active(ServingService.SEPSIS).policy().data().episodes().get(2).id();
        String seq = as(Roles.CLINICIAN).when().get("/api/patients/" + patient + "/recommendation").then()
                .statusCode(200).extract().header("X-Vigil-Audit-Seq");
        as(Roles.CLINICIAN).contentType("application/json")
                .body(Map.of("outcome", "overridden", "reason", "fluid overloaded on exam"))
                .when().post("/api/recommendations/" + seq + "/feedback").then().statusCode(201);

        signIn(TestUsers.BY_ROLE.get(Roles.AUDITOR), TestUsers.PASSWORD);
        browser.open(base + "#/audit/trail");
        assertThat(browser.waitFor("[data-testid=audit-verification]").getAttribute("data-valid")).isEqualTo("true");
        browser.waitFor("[data-testid=audit-filter-patient]").sendKeys(patient);
        browser.waitFor("[data-testid=audit-apply]").click();
        browser.waitFor("[data-testid=audit-entries] tr[data-seq='" + seq + "']");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=audit-entries] tbody tr")))
                .allSatisfy(row -> assertThat(row.getText()).contains(patient));
        browser.driver().findElement(By.cssSelector("tr[data-seq='" + seq + "'] [data-testid=audit-open]")).click();
        assertThat(browser.waitFor("[data-testid=entry-check]").getText()).contains("hash valid");
        assertThat(browser.waitFor("[data-testid=entry-rules]").getText()).contains("sepsis.spo2-low");
        browser.waitFor("[data-testid=entry-guardian]");
        assertThat(browser.waitFor("[data-testid=entry-feedback]").getText()).contains("overridden")
                .contains("fluid overloaded");
        browser.screenshot("audit-trail");
        signOut();
    }
}
