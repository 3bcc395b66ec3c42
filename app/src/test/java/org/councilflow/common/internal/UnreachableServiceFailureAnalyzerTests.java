package org.councilflow.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.Map;

import org.councilflow.CouncilFlowApplication;
import org.councilflow.devservices.DevServices;
import org.councilflow.support.DevServicesProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.env.MapPropertySource;

/** Misconfiguration at start-up ends in one clear line naming what could not be reached. */
class UnreachableServiceFailureAnalyzerTests {

    @Test
    void isRegisteredWithSpringBoot() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class, getClass().getClassLoader()))
                .contains(UnreachableServiceFailureAnalyzer.class.getName());
    }

    @Test
    void aDatabaseThatRefusesConnectionsIsNamed() {
        Map<String, Object> properties = new HashMap<>(DevServicesProperties.get());
        String url = "jdbc:postgresql://127.0.0.1:" + DevServices.freePort() + "/councilflow";
        properties.put("spring.datasource.url", url);

        FailureAnalysis analysis = analyseFailedStart(properties);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Database " + url + " refused connection");
        assertThat(analysis.getDescription()).doesNotContain("\n");
    }

    @Test
    void anUnreachableKeycloakIssuerIsNamed() {
        Map<String, Object> properties = new HashMap<>(DevServicesProperties.get());
        String issuer = "http://127.0.0.1:" + DevServices.freePort() + "/realms/councilflow";
        properties.put("councilflow.identity.issuer-uri", issuer);

        FailureAnalysis analysis = analyseFailedStart(properties);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Keycloak issuer " + issuer + " unreachable");
        assertThat(analysis.getDescription()).doesNotContain("\n");
    }

    @Test
    void aMissingSecretIsNamedByItsVariable() {
        Map<String, Object> properties = new HashMap<>(DevServicesProperties.get());
        properties.remove("councilflow.identity.admin-client-secret");

        FailureAnalysis analysis = analyseFailedStart(properties);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo(
                "Missing setting COUNCILFLOW_ADMIN_CLIENT_SECRET: councilflow.identity.admin-client-secret has no value");
    }

    @Test
    void noSecretHasADefaultInTheApplicationsOwnConfiguration() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/application.yml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(yaml).contains("${COUNCILFLOW_DB_PASSWORD}", "${COUNCILFLOW_UI_CLIENT_SECRET}",
                "${COUNCILFLOW_ADMIN_CLIENT_SECRET}");
        assertThat(yaml).doesNotContain("councilflow-ui-secret", "councilflow-admin-secret", "COUNCILFLOW_DB_PASSWORD:");
    }

    private static FailureAnalysis analyseFailedStart(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(CouncilFlowApplication.class)
                .environment(environment)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "management.server.port=0", "spring.flyway.enabled=true")
                .run());
        assertThat(failure).as("the application must not start").isNotNull();
        return new UnreachableServiceFailureAnalyzer(environment).analyze(failure);
    }
}
