package org.councilflow.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.councilflow.ratelimit.RateLimiter.Rule;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.MovableClock;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real limiter behind the real filter chain. The test profile's limits are far above what the suite sends, so
 * each test spends all but the last of a client's requests through the limiter bean, then goes over the limit by
 * HTTP. Clients are told apart by their address, here set with {@code X-Forwarded-For} (which the application
 * honours as configured by {@code server.forward-headers-strategy}).
 */
@IntegrationTest
class RateLimitIntegrationTests {

    static final String CLIENT = "203.0.113.7";
    static final String OTHER_CLIENT = "203.0.113.8";

    @LocalServerPort
    int port;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @Autowired
    RateLimiter limiter;

    @Autowired
    RateLimitProperties properties;

    @Autowired
    MovableClock clock;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void forgetCounts() {
        clock.reset();
        limiter.reset();
    }

    @Test
    void aBrowserOverThePublicSitesLimitGetsAReadablePageWithRetryAfter() throws Exception {
        spendAllButOne(Rule.PUBLIC_SITE, CLIENT);

        assertThat(get("/councils/barnet", CLIENT, "text/html", null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get("/councils/barnet", CLIENT, "text/html,application/xhtml+xml", null);

        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, properties.window().toSeconds());
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(refused.body()).contains("<h1>Too many requests</h1>", "lang=\"en-GB\"", "Please wait");
    }

    @Test
    void feedsAndOpenDataOverTheLimitGetAProblemDocument() throws Exception {
        spendAllButOne(Rule.PUBLIC_SITE, CLIENT);
        get("/councils/barnet/decisions.json", CLIENT, "application/json", null);

        for (String path : new String[] {"/councils/barnet/decisions.json", "/councils/barnet/decisions.atom",
                "/councils/barnet/search?q=plan", "/councils/nowhere"}) {
            HttpResponse<String> refused = get(path, CLIENT, "application/json", null);

            assertThat(refused.statusCode()).as(path).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).as(path).isPresent();
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("status").asInt()).isEqualTo(429);
            assertThat(problem.get("title").asText()).isEqualTo("Too many requests");
            assertThat(problem.get("detail").asText()).startsWith("Too many requests from your address. Try again in");
            assertThat(problem.get("retryAfterSeconds").asLong())
                    .isEqualTo(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()));
        }
    }

    @Test
    void theNextWindowAllowsAgain() throws Exception {
        spendAllButOne(Rule.PUBLIC_SITE, CLIENT);
        get("/councils/barnet", CLIENT, "text/html", null);
        HttpResponse<String> refused = get("/councils/barnet", CLIENT, "text/html", null);
        assertThat(refused.statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())));

        assertThat(get("/councils/barnet", CLIENT, "text/html", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherClientHasItsOwnAllowance() throws Exception {
        spendAllButOne(Rule.PUBLIC_SITE, CLIENT);
        get("/councils/barnet", CLIENT, "text/html", null);
        assertThat(get("/councils/barnet", CLIENT, "text/html", null).statusCode()).isEqualTo(429);

        assertThat(get("/councils/barnet", OTHER_CLIENT, "text/html", null).statusCode()).isEqualTo(200);
        assertThat(get("/councils/barnet", "127.0.0.1", "text/html", null).statusCode()).isEqualTo(200);
    }

    @Test
    void healthProbesAndTheApiWithAValidTokenAreNeverLimited() throws Exception {
        for (Rule rule : Rule.values()) {
            spendAllButOne(rule, CLIENT);
            limiter.acquire(rule, CLIENT);
        }
        assertThat(get("/councils/barnet", CLIENT, "text/html", null).statusCode()).isEqualTo(429);

        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(get(managementPort, probe, CLIENT, "application/json", null).statusCode()).as(probe).isEqualTo(200);
        }
        spendAllButOne(Rule.PUBLIC_SITE, OTHER_CLIENT);
        limiter.acquire(Rule.PUBLIC_SITE, OTHER_CLIENT);
        assertThat(get("/api/me", OTHER_CLIENT, "application/json", Tokens.of("barnet.author")).statusCode()).isEqualTo(200);
    }

    @Test
    void signInAndSignOutEndpointsAreLimited() throws Exception {
        spendAllButOne(Rule.LOGIN, CLIENT);

        HttpResponse<String> startsSignIn = get("/oauth2/authorization/keycloak", CLIENT, "text/html", null);
        assertThat(startsSignIn.statusCode()).as("redirect to Keycloak").isEqualTo(302);

        for (String path : new String[] {"/oauth2/authorization/keycloak", "/login/oauth2/code/keycloak?code=x&state=y",
                "/logout", "/login"}) {
            HttpResponse<String> refused = get(path, CLIENT, "text/html", null);
            assertThat(refused.statusCode()).as(path).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).as(path).isPresent();
            assertThat(refused.body()).contains("Too many requests");
        }
        assertThat(get("/oauth2/authorization/keycloak", OTHER_CLIENT, "text/html", null).statusCode()).isEqualTo(302);
    }

    @Test
    void aClientGuessingTokensIsRefusedFurtherFailuresUntilItsWindowEndsButValidTokensPass() throws Exception {
        for (int i = 1; i < properties.failedAuthentications(); i++) {
            limiter.record(Rule.FAILED_AUTHENTICATION, CLIENT);
        }
        String valid = Tokens.of("barnet.author");
        assertThat(get("/api/me", CLIENT, "application/json", valid).statusCode()).as("successes are not counted")
                .isEqualTo(200);

        assertThat(get("/api/me", CLIENT, "application/json", "guessed.token.value").statusCode()).isEqualTo(401);
        HttpResponse<String> refused = get("/api/me", CLIENT, "application/json", "guessed.again");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(refused.body()).get("status").asInt()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(get("/api/me", CLIENT, "text/html", null).statusCode()).as("API clients get problems").isEqualTo(429);
        assertThat(get("/api/me", CLIENT, "application/json", valid).statusCode()).as("a valid token passes").isEqualTo(200);
        assertThat(get("/api/me", OTHER_CLIENT, "application/json", "guessed.token.value").statusCode()).isEqualTo(401);

        clock.advance(Duration.ofSeconds(retryAfter));

        assertThat(get("/api/me", CLIENT, "application/json", "guessed.token.value").statusCode()).isEqualTo(401);
    }

    private void spendAllButOne(Rule rule, String client) {
        for (int i = 1; i < properties.limit(rule); i++) {
            assertThat(limiter.acquire(rule, client).allowed()).isTrue();
        }
    }

    private HttpResponse<String> get(String path, String client, String accept, String token) throws Exception {
        return get(port, path, client, accept, token);
    }

    private HttpResponse<String> get(int port, String path, String client, String accept, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept)
                .header("X-Forwarded-For", client);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
