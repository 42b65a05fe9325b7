package dev.vigil.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.TestUsers;
import dev.vigil.api.ingestion.IngestionRunner;
import dev.vigil.api.security.Roles;
import dev.vigil.api.tace.TaceFixture;
import dev.vigil.api.tace.TaceFixturePatients;
import dev.vigil.api.tace.TacePlanningService;
import dev.vigil.api.tace.WorldModelRecord;
import dev.vigil.api.tace.WorldModelRegistry;
import dev.vigil.api.tace.WorldModelTraining;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A clinician ranks TACE plans in the browser; a researcher reads the world model's page. */
@QuarkusTest
class TaceBrowserTest extends BrowserTestBase {

    @Inject
    IngestionRunner ingestion;

    @Inject
    WorldModelTraining training;

    @Inject
    WorldModelRegistry registry;

    private TaceFixturePatients patients;

    @BeforeEach
    void worldModel() {
        TaceFixture.worldModel(ingestion, training, registry);
        patients = TaceFixturePatients.fromGroundTruth();
    }

    @Test
    void clinicianRanksPlansSeesCurvesAndScrollsThroughSlices() {
        String model = registry.requireNewest().getId();
        signIn(TestUsers.BY_ROLE.get(Roles.CLINICIAN), TestUsers.PASSWORD);
        browser.open(base + "#/clinician/tace");
        new Select(browser.waitFor("#tace-patient")).selectByValue(patients.eligible());
        browser.click("[data-testid=rank-plans]");
        WebElement result = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(),
                java.time.Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-testid=tace-result]")));
        assertThat(result.getAttribute("data-recommendable")).isEqualTo("true");
        assertThat(browser.waitFor("[data-testid=tace-provider]").getText()).isEqualTo("CPU");
        assertThat(browser.waitFor("[data-testid=tace-world-model-id]").getText()).isEqualTo(model.substring(0, 12));
        assertThat(browser.isPresent("[data-testid=tace-contraindications]")).isFalse();

        List<WebElement> rows = browser.driver().findElements(By.cssSelector("[data-testid=plans-table] tbody tr"));
        assertThat(rows).hasSize(10);
        assertThat(rows.get(0).getAttribute("data-recommended")).isEqualTo("true");
        assertThat(rows.get(0).findElement(By.cssSelector("[data-testid=plan-recommended]")).getText())
                .isEqualTo("recommended");
        assertThat(rows.get(0).findElement(By.cssSelector("[data-testid=plan-risk]")).getText())
                .matches("\\d+\\.\\d{3} \\(\\d+\\.\\d{3}–\\d+\\.\\d{3}\\)");
        assertThat(rows.subList(1, rows.size())).allMatch(r -> "false".equals(r.getAttribute("data-recommended")));
        browser.click("[data-testid=plans-show-all]");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=plans-table] tbody tr")))
                .hasSizeGreaterThan(100);

        // Survival curves of the top three plans, drawn as SVG with a legend entry per plan.
        WebElement chart = browser.waitFor("[data-testid=survival-chart] svg");
        assertThat(chart.findElements(By.cssSelector("path")).size()).isGreaterThan(3);
        assertThat(browser.waitFor("[data-testid=survival-chart]").getText()).contains("#1 ").contains("#3 ");

        // Slices of plan 1, then of plan 2; the slider moves both images to another z.
        WebElement pre = browser.waitFor("[data-testid=slice-pre]");
        WebElement post = browser.waitFor("[data-testid=slice-post]");
        browser.wait.until(d -> loaded(pre) && loaded(post));
        assertThat(pre.getAttribute("src")).contains("/plans/1/slices/8?kind=pre");
        assertThat(browser.waitFor("[data-testid=slice-z-label]").getText()).isEqualTo("8");
        browser.waitFor("#slice-z").sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        browser.wait.until(d -> "10".equals(browser.waitFor("[data-testid=slice-z-label]").getText()));
        assertThat(browser.waitFor("[data-testid=slice-post]").getAttribute("src"))
                .contains("/plans/1/slices/10?kind=post");
        browser.wait.until(d -> loaded(browser.waitFor("[data-testid=slice-post]")));
        browser.driver().findElements(By.cssSelector("[data-testid=plans-table] tbody tr[data-rank='2'] "
                + "[data-testid=select-plan]")).get(0).click();
        browser.wait.until(d -> "2".equals(browser.waitFor("[data-testid=slice-viewer]").getAttribute("data-rank")));
        browser.wait.until(d -> loaded(browser.waitFor("[data-testid=slice-post]")));
        browser.click("[data-testid=plans-show-all]");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("window.scrollTo(0, 0);");
        browser.screenshot("clinician-tace-plans");
        js.executeScript("arguments[0].scrollIntoView();", browser.waitFor("[data-testid=survival-chart]"));
        browser.screenshot("clinician-tace-curves-and-slices");
        signOut();
    }

    @Test
    void aContraindicatedPatientShowsTheRulesFirstAndNoRecommendation() {
        signIn(TestUsers.BY_ROLE.get(Roles.CLINICIAN), TestUsers.PASSWORD);
        browser.open(base + "#/clinician/tace");
        new Select(browser.waitFor("#tace-patient")).selectByValue(patients.contraindicated());
        browser.click("[data-testid=rank-plans]");
        WebElement result = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(),
                java.time.Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-testid=tace-result][data-patient-id='" + patients.contraindicated()
                                + "']")));
        assertThat(result.getAttribute("data-recommendable")).isEqualTo("false");
        WebElement rules = browser.waitFor("[data-testid=tace-contraindications]");
        assertThat(rules.getText()).contains("no plan is recommended").contains(patients.contraindicationRule());
        // The contraindications come before the ranked plans in the page.
        Object before = ((JavascriptExecutor) browser.driver()).executeScript(
                "return !!(arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING);",
                rules, browser.waitFor("[data-testid=plans-table]"));
        assertThat(before).isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=plans-table] tr[data-recommended=true]")))
                .isEmpty();
        assertThat(browser.isPresent("[data-testid=plan-recommended]")).isFalse();
        assertThat(browser.waitFor("[data-testid=plans-table] tbody tr [data-testid=plan-flags]").getText())
                .contains(patients.contraindicationRule());
        browser.screenshot("clinician-tace-contraindicated");
        signOut();
    }

    @Test
    void researcherReadsProvenanceAndTheStoredEvaluation() throws Exception {
        WorldModelRecord model = registry.requireNewest();
        // An evaluation writes evaluation.json into the bundle folder; this one is test input for the page.
        Path evaluation = Path.of(model.getPath()).resolve(TacePlanningService.EVALUATION_FILE);
        Files.writeString(evaluation, """
                {"simulationQuality": [{"method": "world model", "dice": 0.5}, {"method": "no change", "dice": 0.25}],
                 "protocolSelection": {"rows": [{"method": "world model", "f1": 0.75, "top1": 0.5}]}}
                """);
        try {
            signIn(TestUsers.BY_ROLE.get(Roles.RESEARCHER), TestUsers.PASSWORD);
            browser.open(base + "#/research/world-model");
            assertThat(browser.waitFor("[data-testid=world-model-id]").getText()).contains(model.getId());
            assertThat(browser.waitFor("[data-testid=world-model-data-hash]").getText()).matches("[0-9a-f]{64}");
            assertThat(browser.waitFor("[data-testid=world-model-manifest] tr[data-key=format]").getText())
                    .contains("vigil-world-model/2");
            WebElement quality = browser.waitFor("[data-testid=eval-table-simulationQuality]");
            assertThat(quality.getText()).contains("no change").contains("0.2500");
            assertThat(browser.waitFor("[data-testid=eval-table-protocolSelection]").getText()).contains("0.7500");
            browser.screenshot("research-world-model");
            signOut();
        } finally {
            Files.deleteIfExists(evaluation);
        }
    }

    private boolean loaded(WebElement image) {
        Object width = ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
        return width instanceof Number n && n.intValue() > 0;
    }
}
