package org.councilflow.shell.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Browsers;
import org.councilflow.support.DevServicesProperties;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** A real headless Chromium against the running app and the real Keycloak login page. */
@IntegrationTest
class SignInBrowserTests {

    @LocalServerPort
    int port;

    /** As the database's superuser: set-up outside the application under test. */
    JdbcClient jdbc = JdbcClient.create(DevServices.postgres().superuserDataSource(DevServicesProperties.TEST_DATABASE));

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
    void aPersonWithRolesInTwoCouncilsSwitchesBetweenThem() {
        signIn("partner.director");
        assertThat(page.locator("#working-in")).hasText("You are working in London Borough of Barnet as board-chair.");

        page.locator("#council-switcher").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new Page.GetByRoleOptions().setName("London Borough of Tower Hamlets")).click();

        assertThat(page.locator("#working-in")).hasText("You are working in London Borough of Tower Hamlets as manager.");
        Browsers.screenshot(page, "sign-in/03-switched-council");
    }

    @Test
    void aSuspendedCouncilsUserIsToldSoPlainly() {
        jdbc.sql("UPDATE app.tenant SET status = 'SUSPENDED', status_reason = 'Contract ended' WHERE id = 'barnsley'").update();
        signIn("barnsley.author");

        assertThat(page.locator("#council-refusal")).hasText("Barnsley Metropolitan Borough Council is suspended on"
                + " CouncilFlow: Contract ended. Nothing has been deleted; contact the CouncilFlow operator.");
        assertThat(page.locator("#working-in")).hasCount(0);
    }

    private void signIn(String username) {
        page.navigate("http://localhost:" + port + "/");
        page.fill("#username", username);
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        assertThat(page.locator("#greeting")).isVisible();
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        page.navigate("http://localhost:" + port + "/");
        page.fill("#username", "barnet.clerk");
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        assertThat(page.locator("#greeting")).hasText("Welcome, David Cole");

        page.locator("#user-menu").click();
        page.getByText("Sign out").click();
        page.waitForURL(url -> url.startsWith(DevServices.keycloak().issuerUri()));
        page.navigate("http://localhost:" + port + "/");

        assertThat(page.locator("#kc-login")).isVisible();
    }
}
