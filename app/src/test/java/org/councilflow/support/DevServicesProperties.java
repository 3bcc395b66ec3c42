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
        return Map.of(
                "councilflow.identity.ui-client-secret", KeycloakService.DEMO_UI_CLIENT_SECRET,
                "councilflow.identity.admin-client-secret", KeycloakService.DEMO_ADMIN_CLIENT_SECRET,
                "councilflow.identity.platform-admins", KeycloakService.DEMO_PLATFORM_ADMIN_ID,
                "spring.datasource.url", databaseUrl,
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "spring.flyway.user", postgres.ownerUsername(),
                "spring.flyway.password", postgres.ownerPassword(),
                "councilflow.identity.issuer-uri", keycloak.issuerUri(),
                "spring.mail.host", DevServices.smtp().host(),
                "spring.mail.port", DevServices.smtp().port());
    }
}
