package org.councilflow.shell.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Browsers;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** A real headless Chromium against the running app and the real Keycloak login page. */
@IntegrationTest
class SignInBrowserTests {

    @LocalServerPort
    int port;

    BrowserContext browser;
    Page page;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.newContext();
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anAnonymousVisitorIsSentToKeycloaksLoginPageAndComesBackGreeted() {
        page.navigate("http://localhost:" + port + "/");

        page.waitForURL(url -> url.startsWith(DevServices.keycloak().issuerUri() + "/protocol/openid-connect/auth"));
        assertThat(page.locator("#kc-login")).isVisible();
        Browsers.screenshot(page, "sign-in/01-keycloak-login");

        page.fill("#username", "barnet.author");
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");

        assertThat(page.locator("#greeting")).hasText("Welcome, Priya Shah");
        assertThat(page.getByText("barnet: author")).isVisible();
        Browsers.screenshot(page, "sign-in/02-home");
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        page.navigate("http://localhost:" + port + "/");
        page.fill("#username", "barnet.clerk");
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        assertThat(page.locator("#greeting")).hasText("Welcome, David Cole");

        page.getByText("Sign out").click();
        page.waitForURL(url -> url.startsWith(DevServices.keycloak().issuerUri()));
        page.navigate("http://localhost:" + port + "/");

        assertThat(page.locator("#kc-login")).isVisible();
    }
}
