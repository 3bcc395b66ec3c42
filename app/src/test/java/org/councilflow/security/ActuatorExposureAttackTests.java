package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Metrics (megabytes per scrape, unthrottled) and build information are for the operator's network only: the
 * public port has no Actuator at all; the management port serves metrics, information and the probes.
 */
@IntegrationTest
class ActuatorExposureAttackTests {

    @LocalServerPort
    int port;

    /** The management port, when it is separate (a random one in tests); 0 or the server's port when it is not. */
    @Value("${local.management.port:0}")
    int managementPort;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void thePublicPortServesNoActuatorEndpoint() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator/health",
                "/actuator/health/readiness", "/actuator/health/liveness", "/actuator", "/actuator/env", "/actuator/metrics"}) {
            HttpResponse<String> response = get(port, path);
            if (path.equals("/actuator") || path.equals("/actuator/env") || path.equals("/actuator/metrics")) {
                // never exposed anywhere: refused before anything would look for them
                assertThat(response.statusCode()).as(path).isIn(401, 404);
            } else {
                assertThat(response.statusCode()).as(path).isEqualTo(404);
            }
            assertThat(response.body()).as(path).doesNotContain("jvm_memory").doesNotContain("\"UP\"");
            assertThat(response.headers().allValues("Set-Cookie")).as(path + " starts no session").isEmpty();
        }
    }

    @Test
    void theManagementPortServesMetricsInformationAndTheProbes() throws Exception {
        assertThat(managementPort).as("a management port of its own").isPositive().isNotEqualTo(port);

        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(get(managementPort, "/actuator/info").statusCode()).isEqualTo(200);
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> health = get(managementPort, probe);
            assertThat(health.statusCode()).as(probe).isEqualTo(200);
            assertThat(health.body()).as(probe).contains("\"UP\"");
        }
        assertThat(get(managementPort, "/actuator/env").statusCode()).as("only what is exposed").isIn(401, 404);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
