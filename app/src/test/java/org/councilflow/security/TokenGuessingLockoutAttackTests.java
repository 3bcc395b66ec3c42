package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.councilflow.ratelimit.RateLimitProperties;
import org.councilflow.ratelimit.RateLimiter;
import org.councilflow.ratelimit.RateLimiter.Rule;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Twenty refused tokens from one address (an office behind one NAT, a neighbour on the same proxy) must not lock the
 * people with valid tokens at that address out of the API: only further failures are throttled.
 */
@IntegrationTest
class TokenGuessingLockoutAttackTests {

    static final String SHARED_ADDRESS = "203.0.113.40";

    @LocalServerPort
    int port;

    @Autowired
    RateLimiter limiter;

    @Autowired
    RateLimitProperties properties;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void forgetCounts() {
        limiter.reset();
    }

    @Test
    void aValidTokenPassesFromAnAddressOverTheFailureLimitWhileGuessesAreRefused() throws Exception {
        for (int i = 1; i < properties.failedAuthentications(); i++) {
            limiter.record(Rule.FAILED_AUTHENTICATION, SHARED_ADDRESS);
        }
        assertThat(get("guessed.token.value").statusCode()).as("the last failure allowed").isEqualTo(401);
        assertThat(get("another.guessed.token").statusCode()).as("further guesses are throttled").isEqualTo(429);
        assertThat(get(null).statusCode()).as("no token at all is a failure too").isEqualTo(429);

        HttpResponse<String> valid = get(Tokens.of("barnet.author"));

        assertThat(valid.statusCode()).as("a valid token from the same address").isEqualTo(200);
        assertThat(valid.body()).contains("barnet.author");
        assertThat(get(Tokens.of("tower-hamlets.clerk")).statusCode()).isEqualTo(200);
        assertThat(get("yet.another.guess").statusCode()).as("still throttled").isEqualTo(429);
    }

    private HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .header("Accept", "application/json").header("X-Forwarded-For", SHARED_ADDRESS);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
