package org.councilflow.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilflow.helm.RenderedChart.managedServices;
import static org.councilflow.helm.RenderedChart.render;
import static org.councilflow.helm.RenderedChart.renderError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.DependencyListResult;
import com.marcnuri.helm.Helm;

/** The bundled PostgreSQL and Keycloak: off unless asked for, and wired to the application when on. */
class BundledDependenciesTests {

    private static final Path REALM = RenderedChart.REPO_DIR.resolve("deploy/keycloak/demo/councilflow-realm.json");
    private static final Path PRODUCTION_REALM = RenderedChart.REPO_DIR.resolve("deploy/keycloak/production/councilflow-realm.json");

    @Test
    void chartDeclaresBothAsLocalConditionalDependencies() throws IOException {
        JsonNode dependencies = new YAMLMapper().readTree(RenderedChart.CHART_DIR.resolve("Chart.yaml").toFile())
                .path("dependencies");

        assertThat(dependencies).hasSize(2);
        for (JsonNode dependency : dependencies) {
            String name = dependency.path("name").asText();
            assertThat(dependency.path("condition").asText()).isEqualTo(name + ".enabled");
            assertThat(dependency.path("repository").asText()).isEqualTo("file://charts/" + name);
        }
        DependencyListResult listed = new Helm(RenderedChart.CHART_DIR).dependency().list().call();
        assertThat(listed.getDependencies()).extracting(DependencyListResult.Dependency::getName)
                .containsExactlyInAnyOrder("postgresql", "keycloak");
        assertThat(listed.getDependencies()).allSatisfy(d -> assertThat(d.getStatus()).isEqualTo("unpacked"));
    }

    @Test
    void offByDefault() {
        RenderedChart chart = render(managedServices());

        assertThat(chart.all("StatefulSet")).isEmpty();
        assertThat(chart.all("Deployment")).hasSize(1);
        assertThat(chart.text).doesNotContain("postgres:17", "quay.io/keycloak");
    }

    @Test
    void bundledPostgresqlIsRenderedAndTheApplicationConnectsToItAsItsRestrictedRole() {
        Map<String, Object> values = managedServices();
        values.remove("database.url");
        values.remove("database.password");
        values.remove("database.ownerPassword");
        values.put("postgresql.enabled", true);
        values.put("postgresql.auth.postgresPassword", "pg-super-pass");
        values.put("postgresql.auth.password", "pg-app-pass");
        values.put("postgresql.auth.ownerPassword", "pg-owner-pass");
        RenderedChart chart = render(values);

        JsonNode statefulSet = chart.get("StatefulSet", "cf-postgresql");
        assertThat(statefulSet.at("/spec/template/spec/containers/0/image").asText()).startsWith("postgres:");
        JsonNode service = chart.get("Service", "cf-postgresql");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(5432);
        assertThat(chart.get("ConfigMap").at("/data/COUNCILFLOW_DB_URL").asText())
                .isEqualTo("jdbc:postgresql://cf-postgresql:5432/councilflow");
        assertThat(chart.get("Secret").at("/stringData/db-username").asText()).isEqualTo("councilflow");
        assertThat(chart.get("Secret").at("/stringData/db-password").asText()).isEqualTo("pg-app-pass");
        assertThat(chart.get("Secret", "cf-postgresql").at("/stringData/password").asText()).isEqualTo("pg-app-pass");
        assertThat(chart.get("Secret").at("/stringData/db-owner-username").asText()).isEqualTo("councilflow_owner");
        assertThat(chart.get("Secret").at("/stringData/db-owner-password").asText()).isEqualTo("pg-owner-pass");
        assertThat(chart.get("Secret", "cf-postgresql").at("/stringData/owner-password").asText()).isEqualTo("pg-owner-pass");
        // the application's role may not bypass row-level security, and the database belongs to the owner role
        String init = chart.get("ConfigMap", "cf-postgresql-init").at("/data/10-application-role.sh").asText();
        assertThat(init).contains("NOSUPERUSER", "NOBYPASSRLS", "CREATE DATABASE :\"app_db\" OWNER :\"owner_user\"",
                "GRANT USAGE, CREATE ON SCHEMA public TO :\"app_user\"");
        assertThat(statefulSet.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
    }

    @Test
    void bundledKeycloakImportsTheRealmAndIssuesTheApplicationsTokens() throws IOException {
        Map<String, Object> values = managedServices();
        values.remove("identity.issuerUri");
        values.remove("identity.uiClientSecret");
        values.remove("identity.adminClientSecret");
        values.put("keycloak.enabled", true);
        values.put("keycloak.demo", true);
        values.put("keycloak.hostname", "http://keycloak.test.example");
        RenderedChart chart = RenderedChart.render(values, Map.of("keycloak.realm", REALM), null);

        JsonNode keycloak = chart.get("Deployment", "cf-keycloak");
        JsonNode container = keycloak.at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).startsWith("quay.io/keycloak/keycloak:");
        assertThat(container.path("args").toString()).contains("--import-realm", "--hostname=http://keycloak.test.example");
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/opt/keycloak/data/import");
        JsonNode imported = new ObjectMapper().readTree(
                chart.get("ConfigMap", "cf-keycloak-realm").at("/data/councilflow-realm.json").asText());
        assertThat(imported).isEqualTo(new ObjectMapper().readTree(Files.readString(REALM)));

        assertThat(chart.get("ConfigMap").at("/data/COUNCILFLOW_ISSUER_URI").asText())
                .isEqualTo("http://keycloak.test.example/realms/councilflow");
        // the client secrets are those of the imported realm
        JsonNode secret = chart.get("Secret").path("stringData");
        assertThat(secret.path("ui-client-secret").asText()).isEqualTo(clientSecret(imported, "councilflow-ui"));
        assertThat(secret.path("admin-client-secret").asText()).isEqualTo(clientSecret(imported, "councilflow-admin"));
    }

    @Test
    void bundledKeycloakWithoutARealmSaysHowToGiveIt() {
        Map<String, Object> values = new LinkedHashMap<>(managedServices());
        values.put("keycloak.enabled", true);
        values.put("keycloak.demo", true);

        assertThat(renderError(values)).contains("keycloak.realm is required", "--set-file keycloak.realm=");
    }

    @Test
    void bothBundledAtOnceNeedNoOtherSettings() {
        RenderedChart chart = RenderedChart.render(Map.of("postgresql.enabled", true, "postgresql.demo", true,
                "keycloak.enabled", true, "keycloak.demo", true), Map.of("keycloak.realm", REALM), null);

        assertThat(chart.find("StatefulSet", "cf-postgresql")).isPresent();
        assertThat(chart.find("Deployment", "cf-keycloak")).isPresent();
        // the issuer is the Keycloak Service's own name, which the application's pods resolve
        assertThat(chart.get("ConfigMap").at("/data/COUNCILFLOW_ISSUER_URI").asText())
                .isEqualTo("http://cf-keycloak:8180/realms/councilflow");
        assertThat(chart.get("Service", "cf-keycloak").at("/spec/ports/0/port").asInt()).isEqualTo(8180);
        assertThat(chart.get("Deployment", "cf-keycloak").at("/spec/template/spec/containers/0/args").toString())
                .contains("--hostname=http://cf-keycloak:8180");
        assertThat(chart.get("Deployment").at("/spec/template/spec/containers/0/image").asText()).startsWith("councilflow:");
    }

    @Test
    void withoutDemoTheBundledPostgresqlRefusesMissingAndDemoPasswords() {
        Map<String, Object> values = new LinkedHashMap<>(managedServices());
        values.remove("database.url");
        values.remove("database.password");
        values.remove("database.ownerPassword");
        values.put("postgresql.enabled", true);

        assertThat(renderError(values)).contains("postgresql.auth.", "is required", "postgresql.demo=true");
        values.put("postgresql.auth.postgresPassword", "a-superuser-password");
        values.put("postgresql.auth.password", "councilflow");
        values.put("postgresql.auth.ownerPassword", "an-owner-password");
        assertThat(renderError(values)).contains("postgresql.auth.password is the demo value \"councilflow\"");
        values.put("postgresql.auth.password", "an-application-password");
        values.put("postgresql.auth.ownerPassword", "");
        assertThat(renderError(values)).contains("postgresql.auth.ownerPassword is required");

        values.put("postgresql.auth.ownerPassword", "an-owner-password");
        RenderedChart chart = render(values);
        assertThat(chart.get("Secret", "cf-postgresql").at("/stringData/postgres-password").asText()).isEqualTo("a-superuser-password");

        values.put("postgresql.demo", true);
        values.put("postgresql.auth.postgresPassword", "");
        values.put("postgresql.auth.password", "");
        values.put("postgresql.auth.ownerPassword", "");
        JsonNode demo = render(values).get("Secret", "cf-postgresql").path("stringData");
        assertThat(demo.path("postgres-password").asText()).isEqualTo("postgres");
        assertThat(demo.path("password").asText()).isEqualTo("councilflow");
        assertThat(demo.path("owner-password").asText()).isEqualTo("councilflow_owner");
    }

    @Test
    void withoutDemoTheBundledKeycloakRefusesMissingAndDemoSecrets() {
        Map<String, Object> values = new LinkedHashMap<>(managedServices());
        values.remove("identity.issuerUri");
        values.remove("identity.uiClientSecret");
        values.remove("identity.adminClientSecret");
        values.put("keycloak.enabled", true);
        values.put("keycloak.realmConfigMap", "own-realm");

        assertThat(renderError(values)).contains("keycloak.admin.password is required", "keycloak.demo=true");
        values.put("keycloak.admin.password", "admin");
        assertThat(renderError(values)).contains("keycloak.admin.password is the demo value \"admin\"");
        values.put("keycloak.admin.password", "a-long-admin-password");
        values.put("keycloak.clientSecrets.ui", "councilflow-ui-secret");
        values.put("keycloak.clientSecrets.admin", "an-admin-client-secret");
        assertThat(renderError(values)).contains("keycloak.clientSecrets.ui is the demo value");
        values.put("keycloak.clientSecrets.ui", "");
        assertThat(renderError(values)).contains("keycloak.clientSecrets.ui is required");
    }

    @Test
    void withOwnSecretsTheProductionRealmGetsThemFromTheEnvironmentAtImport() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>(managedServices());
        values.remove("identity.issuerUri");
        values.remove("identity.uiClientSecret");
        values.remove("identity.adminClientSecret");
        values.put("keycloak.enabled", true);
        values.put("keycloak.admin.password", "a-long-admin-password");
        values.put("keycloak.clientSecrets.ui", "ui-client-secret-1");
        values.put("keycloak.clientSecrets.admin", "admin-client-secret-2");
        values.put("keycloak.staffUrl", "https://councilflow.example.org");
        RenderedChart chart = RenderedChart.render(values, Map.of("keycloak.realm", PRODUCTION_REALM), null);

        JsonNode keycloakSecret = chart.get("Secret", "cf-keycloak").path("stringData");
        assertThat(keycloakSecret.path("admin-password").asText()).isEqualTo("a-long-admin-password");
        assertThat(keycloakSecret.path("ui-client-secret").asText()).isEqualTo("ui-client-secret-1");
        JsonNode env = chart.get("Deployment", "cf-keycloak").at("/spec/template/spec/containers/0/env");
        assertThat(env.toString()).contains("COUNCILFLOW_UI_CLIENT_SECRET", "COUNCILFLOW_ADMIN_CLIENT_SECRET",
                "https://councilflow.example.org");
        JsonNode appSecret = chart.get("Secret", "cf-councilflow").path("stringData");
        assertThat(appSecret.path("ui-client-secret").asText()).isEqualTo("ui-client-secret-1");
        assertThat(appSecret.path("admin-client-secret").asText()).isEqualTo("admin-client-secret-2");
        JsonNode imported = new ObjectMapper().readTree(
                chart.get("ConfigMap", "cf-keycloak-realm").at("/data/councilflow-realm.json").asText());
        assertThat(imported.path("users")).allSatisfy(user ->
                assertThat(user.path("username").asText()).startsWith("service-account-"));
        assertThat(clientSecret(imported, "councilflow-ui")).isEqualTo("${COUNCILFLOW_UI_CLIENT_SECRET}");
        assertThat(clientSecret(imported, "councilflow-admin")).isEqualTo("${COUNCILFLOW_ADMIN_CLIENT_SECRET}");
        assertThat(chart.text).doesNotContain("councilflow-ui-secret", "councilflow-admin-secret");
    }

    private static String clientSecret(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client.path("secret").asText();
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm export");
    }
}
