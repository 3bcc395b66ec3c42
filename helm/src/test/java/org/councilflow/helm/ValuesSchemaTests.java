package org.councilflow.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilflow.helm.RenderedChart.managedServices;
import static org.councilflow.helm.RenderedChart.managedServicesAnd;
import static org.councilflow.helm.RenderedChart.render;
import static org.councilflow.helm.RenderedChart.renderError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** values.schema.json: Helm refuses wrong values before it renders anything, naming the value. */
class ValuesSchemaTests {

    private static final String SCHEMA_REFUSAL = "values don't meet the specifications of the schema(s)";

    @Test
    void replicaCountInWordsIsRefused() {
        assertThat(renderError(managedServicesAnd("replicaCount", "three")))
                .contains(SCHEMA_REFUSAL, "/replicaCount", "got string, want integer");
    }

    @Test
    void negativeOrZeroReplicaCountIsRefused() {
        assertThat(renderError(managedServicesAnd("replicaCount", -1))).contains(SCHEMA_REFUSAL, "/replicaCount");
        assertThat(renderError(managedServicesAnd("replicaCount", 0))).contains(SCHEMA_REFUSAL, "/replicaCount");
    }

    @Test
    void missingOrEmptyImageRepositoryIsRefused(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty-repository.yaml"), "image:\n  repository: \"\"\n");
        assertThat(renderError(managedServices(), empty)).contains(SCHEMA_REFUSAL, "/image/repository");

        // null removes the key from the chart's defaults
        Path missing = Files.writeString(dir.resolve("no-repository.yaml"), "image:\n  repository: null\n");
        assertThat(renderError(managedServices(), missing))
                .contains(SCHEMA_REFUSAL, "/image", "missing property 'repository'");
    }

    @Test
    void misspeltKeyIsRefusedRatherThanSilentlyIgnored() {
        assertThat(renderError(managedServicesAnd("replicas", 3)))
                .contains(SCHEMA_REFUSAL, "additional properties 'replicas' not allowed");
        assertThat(renderError(managedServicesAnd("database.uri", "jdbc:postgresql://x/y")))
                .contains(SCHEMA_REFUSAL, "/database", "'uri'");
    }

    @Test
    void wrongShapedSettingsAreRefused() {
        assertThat(renderError(managedServicesAnd("database.url", "postgres://db:5432/councilflow")))
                .contains(SCHEMA_REFUSAL, "/database/url");
        assertThat(renderError(managedServicesAnd("identity.issuerUri", "id.example.org/realms/councilflow")))
                .contains(SCHEMA_REFUSAL, "/identity/issuerUri");
        assertThat(renderError(managedServicesAnd("containerPort", 70000))).contains(SCHEMA_REFUSAL, "/containerPort");
        assertThat(renderError(managedServicesAnd("podAntiAffinity", "sometimes")))
                .contains(SCHEMA_REFUSAL, "/podAntiAffinity");
        assertThat(renderError(managedServicesAnd("autoscaling.targetCPUUtilizationPercentage", 150)))
                .contains(SCHEMA_REFUSAL, "/autoscaling/targetCPUUtilizationPercentage");
        assertThat(renderError(managedServicesAnd("documentMaxSize", "lots")))
                .contains(SCHEMA_REFUSAL, "/documentMaxSize");
    }

    @Test
    void bundledChartsCheckTheirOwnValues() {
        assertThat(renderError(managedServicesAnd("postgresql.enabled", true, "postgresql.auth.username", "postgres")))
                .contains(SCHEMA_REFUSAL, "postgresql", "/auth/username");
    }

    @Test
    void theDocumentedProductionExampleIsValid() {
        Path example = RenderedChart.CHART_DIR.resolve("examples/production.yaml");

        RenderedChart chart = render(java.util.Map.of(), java.util.Map.of(), example);

        assertThat(chart.get("Deployment").at("/spec").has("replicas")).isFalse();
        assertThat(chart.get("HorizontalPodAutoscaler").at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(chart.all("Secret")).isEmpty();
        assertThat(chart.get("ConfigMap").at("/data/COUNCILFLOW_DB_URL").asText()).startsWith("jdbc:postgresql://");
        assertThat(chart.get("Ingress").at("/spec/tls/0/secretName").asText()).isEqualTo("councilflow-tls");
    }
}
