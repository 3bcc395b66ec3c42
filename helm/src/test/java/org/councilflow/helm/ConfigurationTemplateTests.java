package org.councilflow.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilflow.helm.RenderedChart.FULLNAME;
import static org.councilflow.helm.RenderedChart.managedServices;
import static org.councilflow.helm.RenderedChart.managedServicesAnd;
import static org.councilflow.helm.RenderedChart.render;
import static org.councilflow.helm.RenderedChart.renderError;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ConfigurationTemplateTests {

    private static final List<String> SECRET_VALUES = List.of("db-password-123", "db-owner-password-321", "ui-secret-456",
            "admin-secret-789");

    private final RenderedChart chart = render(managedServices());

    @Test
    void settingsReachTheApplicationsEnvironmentVariablesThroughTheConfigMap() {
        JsonNode data = chart.get("ConfigMap").path("data");

        assertThat(data.path("COUNCILFLOW_DB_URL").asText()).isEqualTo("jdbc:postgresql://db.internal:5432/councilflow");
        assertThat(data.path("COUNCILFLOW_ISSUER_URI").asText()).isEqualTo("https://id.example.org/realms/councilflow");
        assertThat(data.path("COUNCILFLOW_UI_CLIENT_ID").asText()).isEqualTo("councilflow-ui");
        assertThat(data.path("COUNCILFLOW_ADMIN_CLIENT_ID").asText()).isEqualTo("councilflow-admin");
        assertThat(chart.appContainer().at("/envFrom/0/configMapRef/name").asText()).isEqualTo(FULLNAME);
        // unset optional settings leave the application's defaults alone
        assertThat(data.has("COUNCILFLOW_SMTP_HOST")).isFalse();
        assertThat(data.has("COUNCILFLOW_STAFF_URL")).isFalse();
        assertThat(data.has("COUNCILFLOW_DOCUMENT_MAX_SIZE")).isFalse();
        assertThat(data.has("JAVA_TOOL_OPTIONS")).isFalse();
    }

    @Test
    void secretsAreReferencedFromTheSecretAndNeverInlined() {
        for (String variable : List.of("COUNCILFLOW_DB_USER", "COUNCILFLOW_DB_PASSWORD", "COUNCILFLOW_DB_OWNER_USER",
                "COUNCILFLOW_DB_OWNER_PASSWORD", "COUNCILFLOW_UI_CLIENT_SECRET", "COUNCILFLOW_ADMIN_CLIENT_SECRET")) {
            JsonNode env = chart.env(variable).orElseThrow(() -> new AssertionError(variable + " not set"));
            assertThat(env.has("value")).as(variable).isFalse();
            assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).as(variable).isEqualTo(FULLNAME);
        }
        JsonNode secret = chart.get("Secret").path("stringData");
        assertThat(secret.path("db-password").asText()).isEqualTo("db-password-123");
        assertThat(secret.path("db-owner-username").asText()).isEqualTo("councilflow_owner");
        assertThat(secret.path("db-owner-password").asText()).isEqualTo("db-owner-password-321");
        assertThat(secret.path("ui-client-secret").asText()).isEqualTo("ui-secret-456");
        assertThat(secret.path("admin-client-secret").asText()).isEqualTo("admin-secret-789");
        // the secret values appear in the Secret and in no other manifest
        for (JsonNode manifest : chart.manifests) {
            if (!"Secret".equals(manifest.path("kind").asText())) {
                assertThat(manifest.toString()).as(manifest.path("kind").asText()).doesNotContain(SECRET_VALUES);
            }
        }
    }

    @Test
    void eachSecretKeyTheDeploymentNamesExistsInTheSecret() {
        JsonNode secret = chart.get("Secret").path("stringData");
        for (JsonNode env : chart.appContainer().path("env")) {
            JsonNode ref = env.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false)) {
                assertThat(secret.has(ref.path("key").asText())).as(ref.toString()).isTrue();
            }
        }
    }

    @Test
    void anExistingSecretReplacesTheChartsAndHoldsNoValuesOfTheChart() {
        Map<String, Object> values = managedServicesAnd("existingSecret", "councilflow-credentials");
        values.remove("database.password");
        values.remove("database.ownerPassword");
        values.remove("identity.uiClientSecret");
        values.remove("identity.adminClientSecret");
        RenderedChart own = render(values);

        assertThat(own.all("Secret")).isEmpty();
        for (JsonNode env : own.appContainer().path("env")) {
            if (env.has("valueFrom")) {
                assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("councilflow-credentials");
            }
        }
        assertThat(own.env("COUNCILFLOW_DB_PASSWORD")).isPresent();
        // no checksum of a Secret the chart does not render
        assertThat(own.get("Deployment").at("/spec/template/metadata/annotations").has("checksum/secret")).isFalse();
    }

    @Test
    void missingCredentialsWithoutAnExistingSecretAreRefusedByName() {
        Map<String, Object> values = managedServices();
        values.remove("database.password");

        assertThat(renderError(values)).contains("database.password is required");
        values = managedServices();
        values.remove("database.ownerPassword");
        assertThat(renderError(values)).contains("database.ownerPassword is required");
        values = managedServices();
        values.remove("identity.adminClientSecret");
        assertThat(renderError(values)).contains("identity.adminClientSecret is required");
    }

    @Test
    void managedServicesMustBeNamedWhenTheBundledOnesAreOff() {
        Map<String, Object> values = managedServices();
        values.remove("database.url");
        assertThat(renderError(values)).contains("database.url is required");

        values = managedServices();
        values.remove("identity.issuerUri");
        assertThat(renderError(values)).contains("identity.issuerUri is required");
    }

    @Test
    void mailServerGoesToSpringMailWithItsCredentialsFromTheSecret() {
        RenderedChart mail = render(managedServicesAnd("mail.host", "smtp.example.org", "mail.port", 2525,
                "mail.username", "postmaster", "mail.password", "mail-pass-000"));

        JsonNode data = mail.get("ConfigMap").path("data");
        assertThat(data.path("COUNCILFLOW_SMTP_HOST").asText()).isEqualTo("smtp.example.org");
        assertThat(data.path("COUNCILFLOW_SMTP_PORT").asText()).isEqualTo("2525");
        assertThat(mail.env("COUNCILFLOW_SMTP_USER").orElseThrow().at("/valueFrom/secretKeyRef/key").asText())
                .isEqualTo("mail-username");
        assertThat(mail.env("COUNCILFLOW_SMTP_PASSWORD").orElseThrow().at("/valueFrom/secretKeyRef/key").asText())
                .isEqualTo("mail-password");
        assertThat(mail.get("Secret").at("/stringData/mail-password").asText()).isEqualTo("mail-pass-000");
        assertThat(mail.get("Deployment").toString()).doesNotContain("mail-pass-000");

        // a server without authentication: the optional references stay, the Secret has no such keys
        RenderedChart open = render(managedServicesAnd("mail.host", "mailpit"));
        assertThat(open.env("COUNCILFLOW_SMTP_PASSWORD").orElseThrow().at("/valueFrom/secretKeyRef/optional").asBoolean())
                .isTrue();
        assertThat(open.get("Secret").path("stringData").has("mail-password")).isFalse();
    }

    @Test
    void linksInEmailsPointAtTheIngressUnlessAStaffUrlIsGiven() {
        assertThat(render(managedServicesAnd("ingress.enabled", true, "ingress.host", "cf.example.org",
                "ingress.tlsSecretName", "cf-tls")).get("ConfigMap").at("/data/COUNCILFLOW_STAFF_URL").asText())
                .isEqualTo("https://cf.example.org");
        assertThat(render(managedServicesAnd("ingress.enabled", true, "ingress.host", "cf.example.org"))
                .get("ConfigMap").at("/data/COUNCILFLOW_STAFF_URL").asText()).isEqualTo("http://cf.example.org");
        assertThat(render(managedServicesAnd("ingress.enabled", true, "staffUrl", "https://staff.example.org"))
                .get("ConfigMap").at("/data/COUNCILFLOW_STAFF_URL").asText()).isEqualTo("https://staff.example.org");
        assertThat(render(managedServicesAnd("mail.host", "smtp.example.org", "mail.from", "CouncilFlow <cf@example.org>"))
                .get("ConfigMap").at("/data/COUNCILFLOW_MAIL_FROM").asText()).isEqualTo("CouncilFlow <cf@example.org>");
    }

    @Test
    void changedSettingsOrSecretsRollThePods() {
        String config = chart.get("Deployment").at("/spec/template/metadata/annotations/checksum~1config").asText();
        String secret = chart.get("Deployment").at("/spec/template/metadata/annotations/checksum~1secret").asText();

        RenderedChart otherUrl = render(managedServicesAnd("database.url", "jdbc:postgresql://db2.internal:5432/councilflow"));
        RenderedChart otherPassword = render(managedServicesAnd("database.password", "rotated"));

        assertThat(otherUrl.get("Deployment").at("/spec/template/metadata/annotations/checksum~1config").asText())
                .isNotEqualTo(config);
        assertThat(otherPassword.get("Deployment").at("/spec/template/metadata/annotations/checksum~1secret").asText())
                .isNotEqualTo(secret);
        assertThat(otherPassword.get("Deployment").at("/spec/template/metadata/annotations/checksum~1config").asText())
                .isEqualTo(config);
    }

    @Test
    void extraEnvironmentAndJvmFlagsAreAdded() {
        RenderedChart extra = render(managedServicesAnd("javaToolOptions", "-XX:MaxRAMPercentage=60",
                "documentMaxSize", "50MB", "database.poolSize", 8,
                "extraEnv[0].name", "LOGGING_LEVEL_ORG_COUNCILFLOW", "extraEnv[0].value", "DEBUG"));

        JsonNode data = extra.get("ConfigMap").path("data");
        assertThat(data.path("JAVA_TOOL_OPTIONS").asText()).isEqualTo("-XX:MaxRAMPercentage=60");
        assertThat(data.path("COUNCILFLOW_DOCUMENT_MAX_SIZE").asText()).isEqualTo("50MB");
        assertThat(data.path("COUNCILFLOW_DB_POOL").asText()).isEqualTo("8");
        ObjectNode env = (ObjectNode) extra.env("LOGGING_LEVEL_ORG_COUNCILFLOW").orElseThrow();
        assertThat(env.path("value").asText()).isEqualTo("DEBUG");
    }
}
