package org.councilflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * deploy/compose.yaml, checked without a Docker engine: what it starts, how the pieces find each other, and that
 * the application gets only settings it reads.
 */
class ComposeFileTests {

    private final JsonNode compose = DeployFiles.yaml(DeployFiles.DEPLOY.resolve("compose.yaml"));
    private final JsonNode services = compose.path("services");

    @Test
    void startsPostgresqlKeycloakAnSmtpCatcherAndTheApp() {
        assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:");
        assertThat(services.path("keycloak").path("image").asText()).startsWith("quay.io/keycloak/keycloak:");
        assertThat(services.path("mail").path("image").asText()).startsWith("axllent/mailpit");
        assertThat(services.at("/app/build/dockerfile").asText()).isEqualTo("deploy/Dockerfile");
        assertThat(DeployFiles.DEPLOY.resolve(services.at("/app/build/context").asText()).resolve("deploy/Dockerfile"))
                .isRegularFile();
    }

    @Test
    void appWaitsForItsServicesAndEveryReferenceNamesAService() {
        JsonNode dependsOn = services.at("/app/depends_on");
        assertThat(fieldNames(dependsOn)).contains("postgres", "keycloak", "mail");
        assertThat(dependsOn.at("/postgres/condition").asText()).isEqualTo("service_healthy");
        assertThat(dependsOn.at("/keycloak/condition").asText()).isEqualTo("service_healthy");
        assertThat(services.at("/app/healthcheck/test").toString()).as("Actuator on the management port")
                .contains("127.0.0.1/" + services.at("/app/environment/COUNCILFLOW_MANAGEMENT_PORT").asText(),
                        "/actuator/health/readiness");

        services.fields().forEachRemaining(service -> {
            for (String dependency : fieldNames(service.getValue().path("depends_on"))) {
                assertThat(services.has(dependency)).as("%s depends on %s", service.getKey(), dependency).isTrue();
                if ("service_healthy".equals(service.getValue().at("/depends_on/" + dependency + "/condition").asText())) {
                    assertThat(services.path(dependency).has("healthcheck")).as("%s has a healthcheck", dependency).isTrue();
                }
            }
            String networkMode = service.getValue().path("network_mode").asText();
            if (networkMode.startsWith("service:")) {
                assertThat(services.has(networkMode.substring("service:".length()))).as(networkMode).isTrue();
            }
        });
    }

    @Test
    void mountedFilesExistAndNamedVolumesAreDeclared() {
        services.fields().forEachRemaining(service -> {
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    Path path = DeployFiles.DEPLOY.resolve(source).normalize();
                    assertThat(Files.exists(path)).as("%s mounts %s", service.getKey(), path).isTrue();
                } else {
                    assertThat(compose.path("volumes").has(source)).as("volume %s declared", source).isTrue();
                }
            }
        });
    }

    @Test
    void keycloakImportsTheRealmAndIssuesTokensUnderTheIssuerTheAppExpects() {
        JsonNode keycloak = services.path("keycloak");
        assertThat(texts(keycloak.path("command"))).contains("--import-realm");
        assertThat(texts(keycloak.path("volumes")))
                .anyMatch(v -> v.startsWith("./keycloak/demo/councilflow-realm.json:/opt/keycloak/data/import/"));

        String hostname = texts(keycloak.path("command")).stream().filter(a -> a.startsWith("--hostname="))
                .findFirst().orElseThrow().substring("--hostname=".length());
        URI issuer = URI.create(env().get("COUNCILFLOW_ISSUER_URI"));
        // the browser and the app (in Keycloak's network namespace) reach Keycloak under this one name
        assertThat(issuer.getScheme() + "://" + issuer.getAuthority()).isEqualTo(hostname);
        assertThat(issuer.getPath()).isEqualTo("/realms/councilflow");
        assertThat(services.at("/app/network_mode").asText()).isEqualTo("service:keycloak");
        assertThat(texts(keycloak.path("ports"))).anyMatch(p -> p.startsWith("8080:"));
    }

    @Test
    void everyPasswordAndSecretComesFromTheEnvironmentWithNoDefault() {
        List<String> secrets = new ArrayList<>();
        services.fields().forEachRemaining(service -> service.getValue().path("environment").fields().forEachRemaining(e -> {
            if (e.getKey().matches(".*(PASSWORD|SECRET).*")) {
                secrets.add(e.getKey());
                assertThat(e.getValue().asText()).as(service.getKey() + " " + e.getKey())
                        .matches("\\$\\{[A-Z_]+:\\?set [A-Z_]+ .*}");
            }
        }));
        assertThat(secrets).contains("POSTGRES_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD", "COUNCILFLOW_DB_PASSWORD",
                "COUNCILFLOW_UI_CLIENT_SECRET", "COUNCILFLOW_ADMIN_CLIENT_SECRET", "PGPASSWORD");
        assertThat(DeployFiles.text(DeployFiles.DEPLOY.resolve("compose.yaml"))).doesNotContain("councilflow-ui-secret",
                "councilflow-admin-secret", "PASSWORD: admin", "PASSWORD: postgres");
    }

    @Test
    void appUsesTheRealmsClientSecretsTheDatabaseRoleAndTheSmtpCatcher() {
        Map<String, String> env = env();
        Map<String, String> demo = demoEnv();

        assertThat(demo.get(variable(env.get("COUNCILFLOW_UI_CLIENT_SECRET"))))
                .isEqualTo(DeployFiles.realmClientSecret(env.get("COUNCILFLOW_UI_CLIENT_ID")));
        assertThat(demo.get(variable(env.get("COUNCILFLOW_ADMIN_CLIENT_SECRET"))))
                .isEqualTo(DeployFiles.realmClientSecret(env.get("COUNCILFLOW_ADMIN_CLIENT_ID")));
        assertThat(env.get("COUNCILFLOW_DB_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        String roleScript = DeployFiles.text(DeployFiles.DEPLOY.resolve("postgres/10-application-role.sql"));
        assertThat(roleScript).contains("CREATE ROLE " + env.get("COUNCILFLOW_DB_USER") + " ",
                "PASSWORD :'password'", "NOBYPASSRLS", "NOSUPERUSER");
        // the init script gives the roles the passwords the app connects with
        assertThat(services.at("/postgres/environment/COUNCILFLOW_DB_PASSWORD").asText())
                .isEqualTo(env.get("COUNCILFLOW_DB_PASSWORD"));
        assertThat(services.at("/postgres/environment/COUNCILFLOW_DB_OWNER_PASSWORD").asText())
                .isEqualTo(env.get("COUNCILFLOW_DB_OWNER_PASSWORD"));
        assertThat(DeployFiles.text(DeployFiles.DEPLOY.resolve("postgres/10-application-role.sh")))
                .contains("-v password=\"$COUNCILFLOW_DB_PASSWORD\"",
                        "-v owner_password=\"$COUNCILFLOW_DB_OWNER_PASSWORD\"", "/councilflow/10-application-role.sql");
        // Flyway migrates as the owner of the database, a role of its own
        assertThat(env.get("COUNCILFLOW_DB_OWNER_USER")).isNotEqualTo(env.get("COUNCILFLOW_DB_USER"));
        assertThat(roleScript).contains("CREATE ROLE " + env.get("COUNCILFLOW_DB_OWNER_USER") + " ",
                "PASSWORD :'owner_password'", "CREATE DATABASE councilflow OWNER " + env.get("COUNCILFLOW_DB_OWNER_USER"));
        assertThat(env.get("COUNCILFLOW_SMTP_HOST")).isEqualTo("mail");
        // Mailpit's SMTP port
        assertThat(env.get("COUNCILFLOW_SMTP_PORT")).isEqualTo("1025");
    }

    @Test
    void appGetsOnlyVariablesTheApplicationReads() {
        Map<String, String> env = env();
        String profiles = env.remove("SPRING_PROFILES_ACTIVE");
        assertThat(DeployFiles.variablesTheApplicationReads()).containsAll(env.keySet());
        assertThat(profiles).as("containers log JSON").isEqualTo("json-logs");
        assertThat(DeployFiles.REPO.resolve("app/src/main/resources/application-json-logs.yml")).exists();
    }

    private static String variable(String reference) {
        return reference.replaceAll("^\\$\\{([A-Z_]+)[:}].*", "$1");
    }

    private static Map<String, String> demoEnv() {
        Map<String, String> values = new TreeMap<>();
        for (String line : DeployFiles.text(DeployFiles.DEPLOY.resolve("demo.env")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }

    private Map<String, String> env() {
        Map<String, String> env = new TreeMap<>();
        services.at("/app/environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> names.add(n.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
