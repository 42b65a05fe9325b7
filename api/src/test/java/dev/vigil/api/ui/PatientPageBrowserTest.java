package dev.vigil.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.TestUsers;
import dev.vigil.api.security.Roles;
import dev.vigil.api.serving.BedsideFixture;
import dev.vigil.api.serving.ServingService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A clinician finds a patient of the served policy, reads the course and the recommendation with its guardian and
 * safety evidence, and overrides it with a reason that lands in the audit trail.
 */
@QuarkusTest
class PatientPageBrowserTest extends BrowserTestBase {

    @Inject
    ServingService serving;

    @Test
    void clinicianReadsTheRecommendationAndOverridesIt() {
        BedsideFixture.servedRun();
        String patient = serving.active(ServingService.SEPSIS).policy().data().episodes().get(0).id();

        signIn(TestUsers.BY_ROLE.get(Roles.CLINICIAN), TestUsers.PASSWORD);
        browser.open(base + "#/clinician/patients");
        browser.waitFor("[data-testid=patients-table] tr[data-patient-id='" + patient + "']");
        browser.driver().findElement(By.cssSelector("tr[data-patient-id='" + patient + "'] a")).click();

        browser.waitFor("[data-testid=page-patient]");
        assertThat(browser.waitFor("[data-testid=recommendation-headline]").getText()).isNotBlank();
        assertThat(browser.waitFor("[data-testid=guardian-badge]").getText()).contains("Guardian").contains("threshold");
        assertThat(browser.waitFor("[data-testid=recommendation-rules]").getText()).contains("sepsis.spo2-low");
        assertThat(browser.waitFor("[data-testid=recommendation-versions]").getText()).contains("sepsis-bedside");
        browser.waitFor("[data-testid=similar-patients]");
        browser.waitFor("[data-testid=patient-treatments] svg");
        browser.screenshot("clinician-patient");

        browser.waitFor("[data-testid=feedback-reason]").sendKeys("Patient already on maximal vasopressor support");
        browser.waitFor("[data-testid=feedback-override]").click();
        assertThat(browser.waitFor("[data-testid=feedback-sent]").getText()).contains("overridden")
                .contains("maximal vasopressor");
        signOut();
    }
}
