package org.councilflow.support;

import java.util.Map;

import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.KeycloakService;
import org.councilflow.devservices.PostgresService;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the shared real PostgreSQL and Keycloak of this test run, started on first use.
 * Every Spring context of the run uses the same database, created empty once per JVM.
 */
public class DevServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String TEST_DATABASE = "councilflow_test";
    private static String databaseUrl;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("devservices", properties()));
    }

    static synchronized Map<String, Object> properties() {
        PostgresService postgres = DevServices.postgres();
        if (databaseUrl == null) {
            databaseUrl = postgres.createFreshDatabase(TEST_DATABASE);
        }
        KeycloakService keycloak = DevServices.keycloak();
        return Map.of(
                "spring.datasource.url", databaseUrl,
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "councilflow.identity.issuer-uri", keycloak.issuerUri());
    }
}
