package org.councilflow.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilflow.helm.RenderedChart.FULLNAME;
import static org.councilflow.helm.RenderedChart.managedServices;
import static org.councilflow.helm.RenderedChart.managedServicesAnd;
import static org.councilflow.helm.RenderedChart.render;
import static org.councilflow.helm.RenderedChart.renderError;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ScalingTemplateTests {

    @Test
    void byDefaultTwoPodsRunWithABudgetAndNoAutoscaler() {
        RenderedChart chart = render(managedServices());

        assertThat(chart.get("Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(chart.all("HorizontalPodAutoscaler")).isEmpty();
        JsonNode pdb = chart.get("PodDisruptionBudget");
        assertThat(pdb.path("apiVersion").asText()).isEqualTo("policy/v1");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(chart.get("Deployment").at("/spec/selector/matchLabels"));
    }

    @Test
    void autoscalerOwnsTheReplicaCountWhenEnabled() {
        RenderedChart chart = render(managedServicesAnd("autoscaling.enabled", true, "autoscaling.minReplicas", 3,
                "autoscaling.maxReplicas", 7, "autoscaling.targetCPUUtilizationPercentage", 65));

        JsonNode hpa = chart.get("HorizontalPodAutoscaler");
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(FULLNAME);
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(7);
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(65);
        // scaling down ends Vaadin sessions: slowly, a pod at a time
        assertThat(hpa.at("/spec/behavior/scaleDown/stabilizationWindowSeconds").asInt()).isGreaterThanOrEqualTo(300);
        assertThat(hpa.at("/spec/behavior/scaleDown/policies/0/value").asInt()).isEqualTo(1);
        // a fixed replicas field would fight the autoscaler on every upgrade
        assertThat(chart.get("Deployment").at("/spec").has("replicas")).isFalse();
        assertThat(chart.find("PodDisruptionBudget", FULLNAME)).isPresent();
    }

    @Test
    void eachPodIsToldHowManyShareTheRateLimitsItCountsInMemory() {
        assertThat(render(managedServices()).get("ConfigMap").at("/data/COUNCILFLOW_RATE_LIMIT_REPLICAS").asText())
                .isEqualTo("2");
        assertThat(render(managedServicesAnd("replicaCount", 3)).get("ConfigMap")
                .at("/data/COUNCILFLOW_RATE_LIMIT_REPLICAS").asText()).isEqualTo("3");
        assertThat(render(managedServicesAnd("autoscaling.enabled", true, "autoscaling.minReplicas", 4,
                "autoscaling.maxReplicas", 8)).get("ConfigMap").at("/data/COUNCILFLOW_RATE_LIMIT_REPLICAS").asText())
                .as("the fewest pods the autoscaler keeps: never more than the limit at that size").isEqualTo("4");
    }

    @Test
    void autoscalerRangeUpsideDownIsRefused() {
        assertThat(renderError(managedServicesAnd("autoscaling.enabled", true, "autoscaling.minReplicas", 5,
                "autoscaling.maxReplicas", 3)))
                .contains("autoscaling.maxReplicas (3) must not be below autoscaling.minReplicas (5)");
    }

    @Test
    void aSinglePodGetsNoBudgetThatWouldBlockEveryNodeDrain() {
        assertThat(render(managedServicesAnd("replicaCount", 1)).all("PodDisruptionBudget")).isEmpty();
        assertThat(render(managedServicesAnd("autoscaling.enabled", true, "autoscaling.minReplicas", 1))
                .all("PodDisruptionBudget")).isEmpty();
        assertThat(render(managedServicesAnd("podDisruptionBudget.enabled", false)).all("PodDisruptionBudget")).isEmpty();
    }

    @Test
    void budgetTakesAPercentage() {
        RenderedChart chart = render(managedServicesAnd("replicaCount", 4, "podDisruptionBudget.minAvailable", "50%"));

        assertThat(chart.get("PodDisruptionBudget").at("/spec/minAvailable").asText()).isEqualTo("50%");
    }
}
