package dev.vigil.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.TestUsers;
import dev.vigil.api.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signs in to the real web UI in headless Chromium as each role and checks what that role sees. */
@QuarkusTest
class WebUiBrowserTest extends BrowserTestBase {

    private static final Map<String, String> SECTION_OF_ROLE = Map.of(
            Roles.CLINICIAN, "clinician", Roles.RESEARCHER, "research", Roles.AUDITOR, "audit",
            Roles.ADMIN, "admin");

    @BeforeEach
    void users() {
        if (users.find("t-multi").isEmpty()) {
            users.create("t-multi", "Multi Role", TestUsers.PASSWORD, List.of(Roles.CLINICIAN, Roles.RESEARCHER));
        }
        // Start every test signed out: the UI keeps nothing but the session cookie.
        browser.driver().manage().deleteAllCookies();
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    void eachRoleSeesOnlyItsOwnSections(String role) throws Exception {
        String username = TestUsers.BY_ROLE.get(role);
        signIn(username, TestUsers.PASSWORD);

        assertThat(browser.waitFor("[data-testid=current-user]").getText()).contains(username);
        browser.waitFor("[data-testid=page-home]");
        assertThat(visibleSections()).containsExactly(SECTION_OF_ROLE.get(role));
        assertThat(browser.waitFor("[data-testid=system-info]").getText()).contains("0.1.0-SNAPSHOT");
        assertThat(Files.size(browser.screenshot(role + "-home"))).isPositive();

        browser.click("[data-testid=nav-" + SECTION_OF_ROLE.get(role) + "]");
        String page = role.equals(Roles.ADMIN) ? "page-admin-users" : "page-" + SECTION_OF_ROLE.get(role);
        browser.waitFor("[data-testid=" + page + "]");
        browser.screenshot(role + "-section");

        signOut();
    }

    @Test
    void aUserWithTwoRolesSeesBothSections() {
        signIn("t-multi", TestUsers.PASSWORD);
        browser.waitFor("[data-testid=page-home]");
        assertThat(visibleSections()).containsExactly("clinician", "research");
        signOut();
    }

    @Test
    void aClinicianTypingTheAdminAddressIsToldWhy() {
        signIn(TestUsers.BY_ROLE.get(Roles.CLINICIAN), TestUsers.PASSWORD);
        browser.waitFor("[data-testid=page-home]");
        browser.open(base + "#/admin/users");
        assertThat(browser.waitFor("[data-testid=forbidden]").getText()).contains("clinician").contains("admin");
        assertThat(browser.isPresent("[data-testid=users-table]")).isFalse();
        browser.screenshot("clinician-forbidden-admin");
        signOut();
    }

    @Test
    void aWrongPasswordIsRefusedOnThePage() {
        browser.open(base + "#/login");
        browser.type("#username", TestUsers.BY_ROLE.get(Roles.ADMIN));
        browser.type("#password", "not-the-password");
        browser.click("#login-submit");
        assertThat(browser.waitFor("[data-testid=login-error]").getText()).contains("Unknown user or wrong password");
        assertThat(browser.isPresent("[data-testid=main-nav]")).isFalse();
        browser.screenshot("login-refused");
    }

    @Test
    void anAdministratorCreatesAUserWhoCanThenSignIn() {
        signIn(TestUsers.BY_ROLE.get(Roles.ADMIN), TestUsers.PASSWORD);
        browser.click("[data-testid=nav-admin]");
        browser.waitFor("[data-testid=users-table]");

        browser.type("#new-username", "ui.made");
        browser.type("#new-display-name", "Made In The UI");
        browser.type("#new-password", "made-in-the-ui");
        browser.click("input[name=new-role][value=auditor]");
        browser.click("#create-user");

        WebElement row = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-username='ui.made']")));
        assertThat(row.getText()).contains("Made In The UI").contains("auditor");
        browser.screenshot("admin-users");
        assertThat(users.find("ui.made")).get().satisfies(u -> assertThat(u.getRoles()).containsExactly("auditor"));
        signOut();

        signIn("ui.made", "made-in-the-ui");
        browser.waitFor("[data-testid=page-home]");
        assertThat(visibleSections()).containsExactly("audit");
        signOut();
    }

    @Test
    void aDuplicateUserShowsTheServersReason() {
        signIn(TestUsers.BY_ROLE.get(Roles.ADMIN), TestUsers.PASSWORD);
        browser.click("[data-testid=nav-admin]");
        browser.waitFor("[data-testid=users-table]");
        browser.type("#new-username", TestUsers.BY_ROLE.get(Roles.CLINICIAN));
        browser.type("#new-password", "some-long-password");
        browser.click("input[name=new-role][value=clinician]");
        browser.click("#create-user");
        assertThat(browser.waitFor("[data-testid=form-error]").getText()).contains("already exists");
        signOut();
    }

    private Set<String> visibleSections() {
        Set<String> sections = new TreeSet<>();
        for (String section : List.of("clinician", "research", "audit", "admin")) {
            if (browser.isPresent("[data-testid=nav-" + section + "]")) {
                sections.add(section);
            }
        }
        return sections;
    }
}
