package dev.vigil.api.ui;

import dev.vigil.api.WithTestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One headless Chromium per test class, and signing in and out through the real login page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase extends WithTestUsers {

    @TestHTTPResource("/")
    URL base;

    BrowserSession browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    void signIn(String username, String password) {
        browser.open(base + "#/login");
        browser.type("#username", username);
        browser.type("#password", password);
        browser.click("#login-submit");
        browser.waitFor("nav[data-testid=main-nav]");
    }

    void signOut() {
        browser.click("[data-testid=logout]");
        browser.waitFor("#login-submit");
    }
}
