package dev.vigil.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.TestUsers;
import dev.vigil.api.rules.RuleSetService;
import dev.vigil.api.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** An auditor reads the rule set's versions, with who changed what and why, and the difference. */
@QuarkusTest
class RuleSetsBrowserTest extends BrowserTestBase {

    @Inject
    RuleSetService rules;

    @Test
    void showsVersionsAndTheDifferenceBetweenTheNewestTwo() {
        // Built on the newest version (other tests may have published some) so that exactly one rule differs.
        var newest = rules.latest("sepsis-bedside");
        String next = (Integer.parseInt(newest.getVersion().split("\\.")[0]) + 1) + ".0.0";
        rules.publish("sepsis-bedside", newest.getYaml()
                .replace("version: \"" + newest.getVersion() + "\"", "version: \"" + next + "\"")
                .replace("value: 65 }", "value: 60 }"), "Unit protocol allows MAP 60 in chronic hypertension",
                "t-researcher");

        signIn(TestUsers.BY_ROLE.get(Roles.AUDITOR), TestUsers.PASSWORD);
        browser.open(base + "#/audit/rule-sets");
        assertThat(browser.waitFor("[data-testid='version-" + next + "']").getText())
                .contains("t-researcher").contains("chronic hypertension");
        browser.waitFor("[data-testid='version-1.0.0']");
        assertThat(browser.waitFor("[data-testid=rule-set-diff-summary]").getText())
                .isEqualTo("0 added, 1 changed, 0 removed");
        assertThat(browser.waitFor("[data-testid='rule-diff-fields-sepsis.map-low']").getText())
                .contains("map < 65").contains("map < 60");
        assertThat(browser.waitFor("[data-testid=rules-table]").getText()).contains("sepsis.spo2-low");
        browser.screenshot("audit-rule-sets");
        signOut();
    }
}
