package org.councilflow.resilience;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.KeycloakService;
import org.councilflow.support.Api;
import org.councilflow.support.Browsers;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * Keycloak stops while CouncilFlow runs. Tokens already issued keep working (the signing keys are cached), people
 * already signed in to the staff UI carry on, a new sign-in is told plainly that it cannot happen now, and once
 * Keycloak is back everything works again without restarting CouncilFlow.
 */
@IntegrationTest
class KeycloakOutageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    /** Actuator is on the management port (a random one in tests), never on the public one. */
    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    private String management(String path) {
        return "http://localhost:" + managementPort + path;
    }

    final KeycloakService keycloak = DevServices.keycloak();
    final HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    BrowserContext before;
    BrowserContext during;

    @AfterEach
    void keycloakRunsAgain() {
        keycloak.startAgain();
        for (BrowserContext context : new BrowserContext[] { before, during }) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void issuedTokensAndSignedInPeopleCarryOnNewSignInsAreToldWhyAndAllRecoversWithoutARestart() throws Exception {
        Api api = new Api(rest);
        String authorsToken = Tokens.fresh("barnet.author", Tokens.DEMO_PASSWORD);
        assertThat(api.call(HttpMethod.GET, "/api/me", authorsToken, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        before = Browsers.newContext();
        Page signedIn = before.newPage();
        signIn(signedIn, "barnet.manager");

        keycloak.stop();

        assertThat(api.call(HttpMethod.GET, "/api/me", authorsToken, null).getStatusCode())
                .as("an issued token, checked against the cached keys").isEqualTo(HttpStatus.OK);
        JsonNode document = new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        assertThat(api.call(HttpMethod.POST, "/api/t/barnet/reports", authorsToken, Map.of("planId", DemoData.BARNET_PLAN,
                "document", document)).getStatusCode()).as("and it can change things").isEqualTo(HttpStatus.CREATED);
        signedIn.navigate(base() + "/inbox");
        assertThat(signedIn.locator("vaadin-grid")).isVisible();
        assertThat(signedIn.url()).as("a signed-in person stays signed in").startsWith(base());

        // the sign-in check remembers its last answer for a few seconds (a crowd signing in asks once), so within
        // that time of Keycloak going down a new sign-in may still be sent there
        HttpResponse<String> signInPage = await("new sign-ins are told").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> noRedirects.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/authorization/keycloak"))
                        .build(), HttpResponse.BodyHandlers.ofString()), response -> response.statusCode() == 503);
        assertThat(signInPage.statusCode()).isEqualTo(503);
        assertThat(signInPage.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(signInPage.body()).contains("Sign-in is unavailable at the moment");
        during = Browsers.newContext();
        Page newcomer = during.newPage();
        newcomer.navigate(base() + "/");
        assertThat(newcomer.locator("h1")).hasText("Sign-in is unavailable at the moment");
        Browsers.screenshot(newcomer, "resilience/keycloak-down-sign-in");
        assertThat(rest.getForEntity(management("/actuator/health/readiness"), String.class).getStatusCode())
                .as("still ready: it serves the public, the API and everyone signed in").isEqualTo(HttpStatus.OK);

        keycloak.startAgain();

        newcomer.getByText("Try signing in again").click();
        newcomer.waitForURL(url -> url.startsWith(keycloak.issuerUri() + "/protocol/openid-connect/auth"));
        newcomer.fill("#username", "barnet.clerk");
        newcomer.fill("#password", Tokens.DEMO_PASSWORD);
        newcomer.click("#kc-login");
        assertThat(newcomer.locator("#greeting")).hasText("Welcome, David Cole");
        assertThat(api.call(HttpMethod.GET, "/api/me", Tokens.fresh("barnet.member", Tokens.DEMO_PASSWORD), null)
                .getStatusCode()).as("a token issued after the outage").isEqualTo(HttpStatus.OK);
        assertThat(api.call(HttpMethod.GET, "/api/me", authorsToken, null).getStatusCode())
                .as("and one from before it").isEqualTo(HttpStatus.OK);
    }

    private void signIn(Page page, String username) {
        page.navigate(base() + "/");
        page.fill("#username", username);
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        assertThat(page.locator("#greeting")).isVisible();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
