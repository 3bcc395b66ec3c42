package org.councilflow.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Prometheus scrapes the cycle's own metrics beside HTTP, JVM and connection-pool ones. */
@IntegrationTest
class CycleMetricsIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    /** Actuator is on the management port (a random one in tests), never on the public one. */
    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    private String management(String path) {
        return "http://localhost:" + managementPort + path;
    }

    @Autowired
    CycleMetrics metrics;

    @Test
    void theMetricsEndpointCountsOpenTasksPerStageBesideTheStandardMeters() throws IOException {
        Api api = new Api(rest);
        JsonNode document = new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        for (int i = 0; i < 2; i++) {
            String report = api.post("barnet.author", "/api/t/barnet/reports", Map.of("planId", DemoData.BARNET_PLAN,
                    "document", document)).getBody().get("id").asText();
            api.post("barnet.author", "/api/t/barnet/reports/" + report + "/cycle", null);
        }
        metrics.refresh();

        ResponseEntity<String> scrape = rest.getForEntity(management("/actuator/prometheus"), String.class);

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody())
                .containsPattern("councilflow_tasks_open\\{[^}]*stage=\"draftUpdate\"[^}]*\\} 2\\.0")
                .containsPattern("councilflow_tasks_open\\{[^}]*stage=\"managerSignOff\"[^}]*\\} 0\\.0")
                .containsPattern("councilflow_tasks_overdue\\{[^}]*stage=\"draftUpdate\"[^}]*\\} 0\\.0")
                .contains("http_server_requests_seconds", "jvm_memory_used_bytes", "hikaricp_connections_active");
    }
}
