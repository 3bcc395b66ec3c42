package org.councilflow.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.councilflow.devservices.DevServices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real access tokens from the run's Keycloak, by the password grant of the public API client. */
public final class Tokens {

    public static final String DEMO_PASSWORD = "demo";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    /** Access tokens live five minutes; one is reused for at most three, so a long run never sends an expired one. */
    private static final long REUSE_MILLIS = 180_000;
    private static final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String token, long obtainedAt) {
    }

    private Tokens() {
    }

    /** An access token for a demo user, reused while it is young. */
    public static String of(String username) {
        long now = System.currentTimeMillis();
        return cache.compute(username, (u, cached) -> cached != null && now - cached.obtainedAt() < REUSE_MILLIS
                ? cached : new Cached(fresh(u, DEMO_PASSWORD), now)).token();
    }

    /** A new token, never cached: for users whose groups a test has just changed. */
    public static String fresh(String username, String password) {
        String form = "grant_type=password&client_id=councilflow-api&username=" + encode(username)
                + "&password=" + encode(password) + "&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(URI.create(DevServices.keycloak().issuerUri()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
            }
            JsonNode body = json.readTree(response.body());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
