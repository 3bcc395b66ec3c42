package org.councilflow.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A running Keycloak server with the {@code councilflow} realm of {@code deploy/keycloak/} imported. */
public abstract class KeycloakService {

    public static final String REALM = "councilflow";
    public static final String REALM_RESOURCE = "keycloak/councilflow-realm.json";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

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
