package dev.vigil.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.SyntheticCohorts;
import dev.vigil.api.TestUsers;
import dev.vigil.api.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A researcher uploads a Bulk NDJSON cohort in the browser, follows the job, reads the ingestion report, and
 * opens a patient's timeline.
 */
@QuarkusTest
class DatasetPagesBrowserTest extends BrowserTestBase {

    @Test
    void ingestsAnUploadAndShowsTheReportAndATimeline() {
        Path cohort = SyntheticCohorts.withOneBadLine(Path.of("target", "test-cohorts"), 6, 303);
        signIn(TestUsers.BY_ROLE.get(Roles.RESEARCHER), TestUsers.PASSWORD);

        browser.open(base + "#/research/datasets");
        browser.waitFor("[data-testid=ingest-form]");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#ingest-cohort")).selectByValue("icu-sepsis");
        browser.type("#ingest-name", "browser-6");
        String files = SyntheticCohorts.ndjsonFiles(cohort).stream().map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining("\n"));
        browser.driver().findElement(By.cssSelector("#ingest-file")).sendKeys(files);
        browser.click("#ingest-submit");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=job-state]"), "SUCCEEDED"));
        browser.screenshot("research-ingested");
        browser.click("[data-testid=job-dataset-link]");

        WebElement report = browser.waitFor("[data-testid=dataset-report]");
        WebElement malformed = browser.waitFor("[data-testid=issue-kind-MALFORMED]");
        assertThat(malformed.getAttribute("data-severity")).isEqualTo("error");
        assertThat(malformed.getText()).contains("1");
        assertThat(report.getText()).contains("Observation");
        assertThat(browser.waitFor("[data-testid=csv-download]").getAttribute("href")).endsWith("/csv");
        browser.screenshot("research-dataset");

        browser.waitFor("[data-testid=episodes-table] tr[data-episode-id] a").click();
        browser.waitFor("[data-testid=patient-timeline]");
        browser.waitFor("[data-testid=chart-vitals] svg");
        browser.waitFor("[data-testid=chart-treatments] svg");
        assertThat(browser.waitFor("[data-testid=outcome-badge]").getText()).isNotBlank();
        browser.screenshot("research-timeline");
    }
}
