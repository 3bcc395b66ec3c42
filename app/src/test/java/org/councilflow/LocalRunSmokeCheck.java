package org.councilflow;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.councilflow.support.Browsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * CI's check of the README's run command ({@code .ci/run}): against the instance {@code ./run-local.sh} started on
 * http://localhost:8080, an author signs in through Keycloak's real login page in Chromium and finds a task in the
 * inbox, and the public site shows a published decision. Not part of the test suite (its name matches no test
 * pattern): run with {@code -Dtest=LocalRunSmokeCheck} while the local instance is up.
 */
class LocalRunSmokeCheck {

    private static final String APP = System.getProperty("councilflow.smoke.url", "http://localhost:8080");
    private static final String KEYCLOAK = System.getProperty("councilflow.smoke.keycloak-url", "http://127.0.0.1:8180");

    @Test
    void anAuthorSignsInThroughKeycloakAndFindsWorkInTheInbox() {
        try (BrowserContext context = Browsers.newContext()) {
            Page page = context.newPage();
            page.navigate(APP + "/");
            page.waitForURL(url -> url.contains("/protocol/openid-connect/auth"));
            page.fill("#username", "barnet.author");
            page.fill("#password", "demo");
            page.click("#kc-login");
            assertThat(page.locator("#greeting")).isVisible();

            page.navigate(APP + "/inbox");
            assertThat(page.getByText("Progress update on the improvement plan for the next meeting").first()).isVisible();
            Browsers.screenshot(page, "local-run/inbox");
        }
    }

    @Test
    void thePublicSiteShowsAPublishedDecision() throws Exception {
        for (String council : new String[] {"barnet", "tower-hamlets", "barnsley"}) {
            assertThat(text("/councils/" + council + "/decisions")).as(council)
                    .doesNotContain("No decisions have been published yet")
                    .contains("Update report on progress of the improvement plan");
        }
        // the reference decision of 12 September 2018, with its original date
        assertThat(text("/councils/barnet/decisions")).contains("Barnet Children's Services Improvement Action Plan and"
                + " other CES Committee priorities").contains("12/09/2018");
    }

    @Test
    void theWelshCouncilPublishesInWelshFirstWithTheSwitchToEnglish() throws Exception {
        Document home = page("/councils/denbighshire");
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(home.body().text()).contains("Pwyllgor Cynllunio");
        assertThat(home.select("a[hreflang=en]")).as("the switch to English").isNotEmpty();

        Document decisions = page("/councils/denbighshire/decisions");
        assertThat(decisions.selectFirst("html").attr("lang")).isEqualTo("cy");
        String decision = decisions.select("a[href*=/decisions/]").stream().map(a -> a.attr("href"))
                .filter(href -> href.matches(".*/decisions/[0-9a-f-]{36}.*")).findFirst().orElseThrow();
        Document welsh = page(decision.startsWith("http") ? URI.create(decision).getPath() : decision);
        assertThat(welsh.body().text()).contains("Bod y Pwyllgor yn nodi\u2019r adroddiad blynyddol ar orfodi cynllunio.")
                .contains("Nododd y Pwyllgor yr adroddiad.");

        Document english = page("/councils/denbighshire/decisions?lang=en");
        assertThat(english.selectFirst("html").attr("lang")).startsWith("en");
        assertThat(english.body().text()).contains("Planning enforcement: annual report");
    }

    @Test
    void everyWorkingRoleOfEveryCouncilFindsWorkInTheInbox() throws Exception {
        for (String council : new String[] {"barnet", "tower-hamlets", "barnsley"}) {
            // Barnsley's demo council has switched board review off
            String[] roles = council.equals("barnsley") ? new String[] {"author", "manager", "clerk"}
                    : new String[] {"author", "manager", "board-chair", "clerk"};
            for (String role : roles) {
                String user = council + "." + role;
                HttpResponse<String> inbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(APP + "/api/t/" + council + "/tasks")).header("Authorization", "Bearer " + token(user))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(inbox.statusCode()).as(user).isEqualTo(200);
                assertThat(new ObjectMapper().readTree(inbox.body()).size()).as(user + "'s inbox").isPositive();
            }
        }
    }

    @Test
    void everyCouncilHasPublishedItsImprovementJourney() throws Exception {
        for (String council : new String[] {"barnet", "tower-hamlets", "barnsley"}) {
            assertThat(text("/councils/" + council + "/improvement-journey")).as(council)
                    .contains("Improvement journey").doesNotContain("No improvement journey has been published yet");
        }
    }

    /** A token of the local run's Keycloak for a demo login, by the API client's password grant. */
    private static String token(String username) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                        + "/realms/councilflow/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=councilflow-api&username="
                        + username + "&password=demo&scope=openid"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("a token for " + username).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    /** A public page, parsed. */
    private static Document page(String path) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    /** A public page's text, without its markup. */
    private static String text(String path) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(page.body()).body().text();
    }
}
