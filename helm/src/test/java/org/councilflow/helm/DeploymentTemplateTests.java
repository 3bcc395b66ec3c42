package org.councilflow.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilflow.helm.RenderedChart.FULLNAME;
import static org.councilflow.helm.RenderedChart.managedServices;
import static org.councilflow.helm.RenderedChart.managedServicesAnd;
import static org.councilflow.helm.RenderedChart.render;
import static org.councilflow.helm.RenderedChart.renderError;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class DeploymentTemplateTests {

    private final RenderedChart chart = render(managedServices());

    @Test
    void probesAskActuatorsLivenessAndReadinessGroupsOnTheManagementPort() {
        JsonNode container = chart.appContainer();

        assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/ports/1/name").asText()).isEqualTo("management");
        assertThat(container.at("/ports/1/containerPort").asInt()).isEqualTo(8081);
        assertThat(chart.get("ConfigMap").at("/data/COUNCILFLOW_MANAGEMENT_PORT").asText()).isEqualTo("8081");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("management");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
        assertThat(container.at("/startupProbe/httpGet/port").asText()).isEqualTo("management");
        // a slow first start (migrations) must not be taken for a dead pod
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/startupProbe/periodSeconds").asInt() * container.at("/startupProbe/failureThreshold").asInt())
                .isGreaterThanOrEqualTo(180);
    }

    @Test
    void applicationPortFollowsContainerPortEverywhere() {
        RenderedChart other = render(managedServicesAnd("containerPort", 9090));

        assertThat(other.appContainer().at("/ports/0/containerPort").asInt()).isEqualTo(9090);
        assertThat(other.get("ConfigMap").at("/data/PORT").asText()).isEqualTo("9090");
    }

    @Test
    void managementPortFollowsManagementPortEverywhere() {
        RenderedChart other = render(managedServicesAnd("managementPort", 9191));

        assertThat(other.appContainer().at("/ports/1/containerPort").asInt()).isEqualTo(9191);
        assertThat(other.get("ConfigMap").at("/data/COUNCILFLOW_MANAGEMENT_PORT").asText()).isEqualTo("9191");
        assertThat(other.get("Deployment").at("/spec/template/metadata/annotations/prometheus.io~1port").asText())
                .isEqualTo("9191");
        assertThat(other.get("Service").at("/spec/ports/1/port").asInt()).isEqualTo(9191);
    }

    @Test
    void podAndContainerRunLockedDown() {
        JsonNode pod = chart.get("Deployment").at("/spec/template/spec");
        JsonNode container = chart.appContainer();

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(texts(container.at("/securityContext/capabilities/drop"))).containsExactly("ALL");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    }

    @Test
    void readOnlyRootGetsAWritableTmpFromAnEmptyDir() {
        JsonNode pod = chart.get("Deployment").at("/spec/template/spec");

        assertThat(chart.appContainer().at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
        String volume = chart.appContainer().at("/volumeMounts/0/name").asText();
        JsonNode tmp = null;
        for (JsonNode v : pod.path("volumes")) {
            if (volume.equals(v.path("name").asText())) {
                tmp = v;
            }
        }
        assertThat(tmp).as("volume %s", volume).isNotNull();
        assertThat(tmp.has("emptyDir")).isTrue();
        assertThat(tmp.at("/emptyDir/sizeLimit").asText()).isEqualTo("512Mi");
        // without a size limit it is still an emptyDir, not a volume without a source
        JsonNode unlimited = render(managedServicesAnd("tmpDir.sizeLimit", "")).get("Deployment")
                .at("/spec/template/spec/volumes/0/emptyDir");
        assertThat(unlimited.isObject()).isTrue();
    }

    @Test
    void podsPreferDifferentNodesByDefaultAndCanBeMadeToRequireThem() {
        JsonNode soft = chart.get("Deployment").at("/spec/template/spec/affinity/podAntiAffinity");
        JsonNode preferred = soft.at("/preferredDuringSchedulingIgnoredDuringExecution/0/podAffinityTerm");
        assertThat(preferred.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        assertThat(preferred.at("/labelSelector/matchLabels"))
                .isEqualTo(chart.get("Deployment").at("/spec/selector/matchLabels"));
        assertThat(soft.has("requiredDuringSchedulingIgnoredDuringExecution")).isFalse();

        JsonNode hard = render(managedServicesAnd("podAntiAffinity", "hard")).get("Deployment")
                .at("/spec/template/spec/affinity/podAntiAffinity");
        assertThat(hard.at("/requiredDuringSchedulingIgnoredDuringExecution/0/topologyKey").asText())
                .isEqualTo("kubernetes.io/hostname");
        assertThat(hard.has("preferredDuringSchedulingIgnoredDuringExecution")).isFalse();

        assertThat(render(managedServicesAnd("podAntiAffinity", "none")).get("Deployment")
                .at("/spec/template/spec").has("affinity")).isFalse();
    }

    @Test
    void gracePeriodOutlastsPreStopAndTheApplicationsShutdownPhase() {
        JsonNode pod = chart.get("Deployment").at("/spec/template/spec");
        int preStop = chart.appContainer().at("/lifecycle/preStop/sleep/seconds").asInt();

        assertThat(preStop).isPositive();
        // spring.lifecycle.timeout-per-shutdown-phase is 20s
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThan(preStop + 20);
    }

    @Test
    void gracePeriodTooShortForTheShutdownPhaseIsRefused() {
        String error = renderError(managedServicesAnd("terminationGracePeriodSeconds", 20));

        assertThat(error).contains("terminationGracePeriodSeconds (20) must exceed", "20s shutdown phase (25)");
        assertThat(renderError(managedServicesAnd("terminationGracePeriodSeconds", 40, "preStopSleepSeconds", 20)))
                .contains("terminationGracePeriodSeconds (40) must exceed");
    }

    @Test
    void resourcesAreRequestedAndMemoryIsLimited() {
        JsonNode resources = chart.appContainer().path("resources");

        assertThat(resources.at("/requests/cpu").asText()).isNotEmpty();
        assertThat(resources.at("/requests/memory").asText()).isNotEmpty();
        // the image's heap is a share of this limit (MaxRAMPercentage)
        assertThat(resources.at("/limits/memory").asText()).isNotEmpty();
    }

    @Test
    void imageIsTheChartsAppVersionUnlessATagOrDigestIsGiven() {
        assertThat(chart.appContainer().path("image").asText()).isEqualTo("councilflow:" + System.getProperty("councilflow.version"));
        assertThat(render(managedServicesAnd("image.repository", "registry.example.org/cf", "image.tag", "1.2.3"))
                .appContainer().path("image").asText()).isEqualTo("registry.example.org/cf:1.2.3");
        String digest = "sha256:" + "ab".repeat(32);
        assertThat(render(managedServicesAnd("image.tag", "1.2.3", "image.digest", digest))
                .appContainer().path("image").asText()).isEqualTo("councilflow@" + digest);
    }

    @Test
    void rollingUpdateNeverDropsBelowTheWantedPods() {
        JsonNode strategy = chart.get("Deployment").at("/spec/strategy");

        assertThat(strategy.path("type").asText()).isEqualTo("RollingUpdate");
        assertThat(strategy.at("/rollingUpdate/maxUnavailable").asInt()).isZero();
    }

    @Test
    void serviceSendsItsPortToTheNamedAppPortOfThesePods() {
        JsonNode service = chart.get("Service");

        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(service.at("/spec/selector")).isEqualTo(chart.get("Deployment").at("/spec/selector/matchLabels"));
        assertThat(chart.get("Deployment").at("/spec/template/metadata/labels/app.kubernetes.io~1instance").asText())
                .isEqualTo(RenderedChart.RELEASE);
    }

    @Test
    void podsRunUnderTheChartsServiceAccountWithoutAToken() {
        JsonNode account = chart.get("ServiceAccount");

        assertThat(chart.get("Deployment").at("/spec/template/spec/serviceAccountName").asText()).isEqualTo(FULLNAME);
        assertThat(account.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        RenderedChart own = render(managedServicesAnd("serviceAccount.create", false, "serviceAccount.name", "ops"));
        assertThat(own.all("ServiceAccount")).isEmpty();
        assertThat(own.get("Deployment").at("/spec/template/spec/serviceAccountName").asText()).isEqualTo("ops");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
