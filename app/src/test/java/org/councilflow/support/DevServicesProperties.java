package org.councilflow.support;

import java.util.Map;

import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.KeycloakService;
import org.councilflow.devservices.PostgresService;

/** The properties that point the application at this run's shared PostgreSQL, Keycloak and SMTP server. */
public final class DevServicesProperties {

    public static final String TEST_DATABASE = "councilflow_test";
    private static String databaseUrl;

    private DevServicesProperties() {
    }

    public static synchronized Map<String, Object> get() {
        PostgresService postgres = DevServices.postgres();
        if (databaseUrl == null) {
            databaseUrl = postgres.createFreshDatabase(TEST_DATABASE);
        }
        KeycloakService keycloak = DevServices.keycloak();
        return Map.ofEntries(
                Map.entry("councilflow.identity.ui-client-secret", KeycloakService.DEMO_UI_CLIENT_SECRET),
                Map.entry("councilflow.identity.admin-client-secret", KeycloakService.DEMO_ADMIN_CLIENT_SECRET),
                Map.entry("councilflow.identity.platform-admins", KeycloakService.DEMO_PLATFORM_ADMIN_ID),
                Map.entry("spring.datasource.url", databaseUrl),
                Map.entry("spring.datasource.username", postgres.username()),
                Map.entry("spring.datasource.password", postgres.password()),
                Map.entry("spring.flyway.user", postgres.ownerUsername()),
                Map.entry("spring.flyway.password", postgres.ownerPassword()),
                Map.entry("councilflow.identity.issuer-uri", keycloak.issuerUri()),
                Map.entry("spring.mail.host", DevServices.smtp().host()),
                // the history import tests serve ModernGov fixtures from a server on loopback
                Map.entry("councilflow.history.allow-private-networks", "true"),
                Map.entry("spring.mail.port", DevServices.smtp().port()));
    }
}
