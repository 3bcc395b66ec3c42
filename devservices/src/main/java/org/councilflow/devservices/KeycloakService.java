package org.councilflow.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A running Keycloak server with the demo {@code councilflow} realm of {@code deploy/keycloak/demo/} imported. */
public abstract class KeycloakService {

    public static final String REALM = "councilflow";
    public static final String REALM_RESOURCE = "keycloak/councilflow-realm.json";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** The fixed secrets and ids of the demo realm ({@code deploy/keycloak/demo/}): for tests and the local run only. */
    public static final String DEMO_UI_CLIENT_SECRET = "councilflow-ui-secret";
    public static final String DEMO_ADMIN_CLIENT_SECRET = "councilflow-admin-secret";
    public static final String DEMO_PLATFORM_ADMIN_ID = "7d1f3c2a-5b6e-4f10-9a8b-0c1d2e3f4a5b";

    abstract void start();

    /** Stops the server; tokens it issued stay verifiable only while the app has the keys cached. */
    public abstract void stop();

    /** Starts the server again after {@link #stop()}, at the same address with the same realm and signing keys. */
    public abstract void startAgain();

    /** Base URL of the server, e.g. {@code http://127.0.0.1:8180}. */
    public abstract String baseUrl();

    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    /**
     * Points the realm's e-mail at an SMTP server (its port changes from run to run), through the master realm's
     * bootstrap administrator: what an operator sets in the realm's e-mail settings in production.
     */
    public void sendMailTo(String host, int port) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> token = client.send(HttpRequest.newBuilder(
                            URI.create(baseUrl() + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                            + ADMIN_USER + "&password=" + ADMIN_PASSWORD))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String accessToken = token.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            HttpResponse<String> update = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("""
                            {"smtpServer": {"host": "%s", "port": "%d", "from": "no-reply@councilflow.localhost",
                             "fromDisplayName": "CouncilFlow", "auth": "false", "ssl": "false", "starttls": "false"}}"""
                            .formatted(host, port)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (update.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak refused the realm's SMTP settings: " + update.statusCode() + " "
                        + update.body());
            }
        } catch (IOException e) {
            throw unchecked("Could not set the realm's SMTP settings", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static InputStream realmExport() {
        InputStream in = KeycloakService.class.getClassLoader().getResourceAsStream(REALM_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(REALM_RESOURCE + " is not on the classpath");
        }
        return in;
    }

    /** True once the realm's discovery document is served, i.e. the realm import has finished. */
    boolean realmReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static UncheckedIOException unchecked(String message, IOException e) {
        return new UncheckedIOException(message + ": " + e.getMessage(), e);
    }
}
