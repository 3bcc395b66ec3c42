package org.councilflow.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilflow.helm.RenderedChart.FULLNAME;
import static org.councilflow.helm.RenderedChart.managedServices;
import static org.councilflow.helm.RenderedChart.managedServicesAnd;
import static org.councilflow.helm.RenderedChart.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;

class ObservabilityAndNetworkTests {

    @Test
    void podsInvitePrometheusToScrapeTheActuatorEndpointOnTheManagementPort() {
        JsonNode annotations = render(managedServices()).get("Deployment").at("/spec/template/metadata/annotations");

        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo("8081");
    }

    @Test
    void serviceMonitorInsteadOfAnnotationsForThePrometheusOperator() {
        RenderedChart chart = render(managedServicesAnd("metrics.podAnnotations", false,
                "metrics.serviceMonitor.enabled", true, "metrics.serviceMonitor.labels.release", "kube-prometheus"));

        JsonNode monitor = chart.get("ServiceMonitor");
        assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management")
                .isEqualTo(chart.get("Service").at("/spec/ports/1/name").asText());
        assertThat(chart.get("Service").at("/spec/ports/1/targetPort").asText()).isEqualTo("management");
        assertThat(monitor.at("/spec/selector/matchLabels")).isEqualTo(chart.get("Deployment").at("/spec/selector/matchLabels"));
        assertThat(chart.get("Deployment").at("/spec/template/metadata/annotations").has("prometheus.io/scrape")).isFalse();
        assertThat(render(managedServices()).all("ServiceMonitor")).isEmpty();
    }

    @Test
    void networkPolicyAdmitsTheIngressControllerAndTheReleaseToTheAppPortAndPrometheusToTheManagementPort() {
        assertThat(render(managedServices()).all("NetworkPolicy")).isEmpty();

        RenderedChart chart = render(managedServicesAnd("networkPolicy.enabled", true));
        JsonNode policy = chart.get("NetworkPolicy").path("spec");

        assertThat(policy.at("/podSelector/matchLabels")).isEqualTo(chart.get("Deployment").at("/spec/selector/matchLabels"));
        assertThat(texts(policy.path("policyTypes"))).containsExactly("Ingress");
        assertThat(policy.path("ingress")).hasSize(2);
        assertThat(policy.at("/ingress/0/ports/0/port").asText()).isEqualTo("http");
        assertThat(namespaces(policy.at("/ingress/0/from"))).contains("ingress-nginx").doesNotContain("monitoring");
        assertThat(policy.at("/ingress/1/ports/0/port").asText()).isEqualTo("management");
        assertThat(namespaces(policy.at("/ingress/1/from"))).containsExactly("monitoring");
        assertThat(policy.at("/ingress/1/from").toString()).as("not the ingress controller, nor the release's pods")
                .doesNotContain("ingress-nginx").doesNotContain("podSelector");
    }

    private static List<String> namespaces(JsonNode from) {
        List<String> namespaces = new ArrayList<>();
        from.forEach(f -> namespaces.add(f.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()));
        return namespaces;
    }

    @Test
    void restrictedEgressStillReachesDnsAndTheBundledServices() {
        RenderedChart chart = RenderedChart.render(Map.of("networkPolicy.enabled", true,
                "networkPolicy.allowAllEgress", false, "postgresql.enabled", true, "postgresql.demo", true, "keycloak.enabled", true,
                "keycloak.demo", true),
                Map.of("keycloak.realm", RenderedChart.REPO_DIR.resolve("deploy/keycloak/demo/councilflow-realm.json")), null);
        JsonNode policy = chart.get("NetworkPolicy").path("spec");

        assertThat(texts(policy.path("policyTypes"))).containsExactly("Ingress", "Egress");
        List<Integer> ports = new ArrayList<>();
        policy.path("egress").forEach(rule -> rule.path("ports").forEach(p -> ports.add(p.path("port").asInt())));
        assertThat(ports).contains(53, 5432, 8180);
    }

    @Test
    void notesTellHowToReachTheApp() {
        String portForward = notes(managedServices());
        assertThat(portForward).contains("kubectl -n councilflow port-forward service/" + FULLNAME + " 8080:80",
                "http://localhost:8080/");

        String ingress = notes(managedServicesAnd("ingress.enabled", true, "ingress.host", "cf.example.org",
                "ingress.tlsSecretName", "cf-tls"));
        assertThat(ingress).contains("https://cf.example.org/", "COUNCILFLOW_ROUTE").doesNotContain("port-forward");
    }

    @Test
    void notesTellHowABrowserReachesTheBundledKeycloakUnderTheIssuersName() {
        Map<String, Object> values = Map.of("postgresql.enabled", true, "postgresql.demo", true, "keycloak.enabled", true,
                "keycloak.demo", true);
        InstallCommand install = install().setFile("keycloak.realm",
                RenderedChart.REPO_DIR.resolve("deploy/keycloak/demo/councilflow-realm.json"));
        values.forEach(install::set);
        String notes = install.call().getOutput();

        assertThat(notes).contains("Issuer: http://cf-keycloak:8180/realms/councilflow",
                "127.0.0.1 cf-keycloak", "port-forward service/cf-keycloak 8180:8180", "WARNING: the bundled");
    }

    private static String notes(Map<String, Object> values) {
        InstallCommand install = install();
        values.forEach(install::set);
        return install.call().getOutput();
    }

    /** A client-only dry run of `helm install`: the manifests and NOTES.txt, no cluster. */
    private static InstallCommand install() {
        return new Helm(RenderedChart.CHART_DIR).install().withName(RenderedChart.RELEASE)
                .withNamespace("councilflow").withKubeVersion(RenderedChart.KUBE_VERSION)
                .clientOnly().withDryRunOption(DryRun.CLIENT);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
