package org.councilflow.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The probes answered by the management port's first filter (ADR 0025) say exactly what Actuator says, follow the
 * application's real state, skip the security chain, and leave the metrics of real requests as they were.
 */
@IntegrationTest
class ProbeResponsesIntegrationTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApplicationContext context;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void upAgain() {
        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void theProbesAnswerAsActuatorDoesUpAndDown() throws Exception {
        assertSameAsActuator("liveness", 200, "UP");
        assertSameAsActuator("readiness", 200, "UP");

        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        assertSameAsActuator("readiness", 503, "OUT_OF_SERVICE");
        assertSameAsActuator("liveness", 200, "UP");

        AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
        assertSameAsActuator("liveness", 503, "DOWN");

        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        assertSameAsActuator("readiness", 200, "UP");
    }

    @Test
    void theContentTypeFollowsAcceptAsActuatorsDoes() throws Exception {
        for (String accept : new String[] { "*/*", "application/json", ProbeResponses.ACTUATOR_V3,
                "application/json, text/plain;q=0.5" }) {
            HttpResponse<String> fast = get(managementPort, "/actuator/health/liveness", accept);
            HttpResponse<String> actuator = get(managementPort, "/actuator/health/liveness?via=actuator", accept);
            assertThat(fast.headers().firstValue("Content-Type")).as(accept)
                    .isEqualTo(actuator.headers().firstValue("Content-Type"));
            assertThat(fast.body()).as(accept).isEqualTo(actuator.body());
        }
        assertThat(get(managementPort, "/actuator/health/liveness", "text/html").statusCode())
                .as("what Actuator cannot produce, Actuator refuses").isEqualTo(406);
    }

    @Test
    void probesAreNotObservedRealRequestsStillAre() throws Exception {
        double before = requestsObserved();
        for (int i = 0; i < 5; i++) {
            get(managementPort, "/actuator/health/liveness", "*/*");
            get(managementPort, "/actuator/health/readiness", "*/*");
        }
        assertThat(requestsObserved()).as("probes are not timed").isEqualTo(before);

        assertThat(get(port, "/councils/barnet", "text/html").statusCode()).isEqualTo(200);
        assertThat(requestsObserved()).as("a reader's request is").isGreaterThan(before);
    }

    @Test
    void onlyTheTwoProbesAreAnsweredAheadOfTheSecurityChain() throws Exception {
        assertThat(get(managementPort, "/actuator/health/liveness", "*/*").headers().firstValue("X-Frame-Options"))
                .as("answered before Spring Security").isEmpty();
        assertThat(get(managementPort, "/actuator/health", "*/*").headers().firstValue("X-Frame-Options"))
                .as("the rest of the management port goes through it").hasValue("DENY");
        assertThat(get(managementPort, "/actuator/env", "*/*").statusCode()).isIn(401, 404);
        assertThat(get(port, "/actuator/health/liveness", "*/*").statusCode()).as("nor on the public port").isEqualTo(404);
    }

    private void assertSameAsActuator(String probe, int status, String code) throws Exception {
        HttpResponse<String> fast = get(managementPort, "/actuator/health/" + probe, "*/*");
        // a query string sends the same probe on to Actuator's own endpoint
        HttpResponse<String> actuator = get(managementPort, "/actuator/health/" + probe + "?via=actuator", "*/*");
        assertThat(fast.statusCode()).as(probe).isEqualTo(status).isEqualTo(actuator.statusCode());
        assertThat(fast.body()).as(probe).isEqualTo("{\"status\":\"" + code + "\"}").isEqualTo(actuator.body());
        assertThat(fast.headers().firstValue("Content-Type")).as(probe).isEqualTo(actuator.headers().firstValue("Content-Type"));
        assertThat(fast.headers().allValues("Set-Cookie")).isEmpty();
    }

    /** The sum of http_server_requests_seconds_count over all its series, from the Prometheus scrape. */
    private double requestsObserved() throws Exception {
        return get(managementPort, "/actuator/prometheus", "text/plain").body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private HttpResponse<String> get(int target, String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target + path)).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
