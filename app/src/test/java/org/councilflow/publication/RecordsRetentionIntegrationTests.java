package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.workflow.internal.HistoryRetention;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Records retention: past a council's retention the engine's history of a finished cycle is cleaned, and the
 * report's History, its audit trail and its public pages read exactly as before.
 */
@IntegrationTest
class RecordsRetentionIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    HistoryRetention retention;

    PublicationFixture fixture;
    Api api;

    @BeforeEach
    void setUp() {
        fixture = new PublicationFixture(rest, engine);
        api = new Api(rest);
    }

    @AfterEach
    void resetClock() {
        fixture.resetClock();
    }

    @Test
    void pastTheCouncilsRetentionTheEngineHistoryGoesAndHistoryAuditAndPublicPagesStay() {
        String reportId = fixture.report("barnet", DemoData.BARNET_PLAN, document -> {
            var header = (com.fasterxml.jackson.databind.node.ObjectNode) document.get("header");
            header.put("meetingDate", "2018-09-12");
        });
        fixture.clock(Instant.parse("2018-08-28T09:00:00Z"));
        fixture.toScheduling("barnet", reportId);
        fixture.schedule("barnet", reportId, PublicationFixture.BARNET_MEETING_2018_09_12);
        fixture.clock(Instant.parse("2018-09-12T21:30:00Z"));
        fixture.decide("barnet", reportId, "NOTED", List.of("That the Committee notes the report."),
                "The Committee considered the report.");
        fixture.clock(Instant.parse("2018-09-13T09:00:00Z"));
        fixture.publish("barnet", reportId, false);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(reportId)
                .finished().count()).as("the cycle ended").isEqualTo(1);

        JsonNode history = api.get("barnet.manager", "/api/t/barnet/reports/" + reportId + "/history").getBody();
        JsonNode audit = api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody();
        String decisions = fixture.get("/councils/barnet/decisions").getBody();
        String report = fixture.get("/councils/barnet/reports/" + reportId).getBody();
        assertThat(history.size()).isGreaterThanOrEqualTo(5);

        // the council keeps its cycles for 500 days: at 400 days nothing moves
        JsonNode setting = api.get("barnet.tenant-admin", "/api/t/barnet/workflow/retention").getBody();
        assertThat(setting.get("effectiveDays").asInt()).as("the platform's default").isEqualTo(365);
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/workflow/retention",
                Map.of("engineHistoryDays", 500, "version", 0)).getStatusCode()).isEqualTo(HttpStatus.OK);
        at(Instant.parse("2018-09-13T09:00:00Z").plus(Duration.ofDays(400)));
        assertThat(retention.clean()).isZero();
        assertThat(engineHistory(reportId)).isEqualTo(1);

        // past it: the engine's history of the cycle is cleaned, what people read is not
        at(Instant.parse("2018-09-13T09:00:00Z").plus(Duration.ofDays(501)));
        assertThat(retention.clean()).isEqualTo(1);
        assertThat(engineHistory(reportId)).isZero();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(reportId).count())
                .isZero();
        assertThat(retention.clean()).as("moved once").isZero();

        assertThat(api.get("barnet.manager", "/api/t/barnet/reports/" + reportId + "/history").getBody()).isEqualTo(history);
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody()).isEqualTo(audit);
        assertThat(fixture.get("/councils/barnet/decisions").getBody()).isEqualTo(decisions);
        assertThat(fixture.get("/councils/barnet/reports/" + reportId).getBody()).isEqualTo(report);
        assertThat(api.get("tower-hamlets.manager", "/api/t/tower-hamlets/reports/" + reportId + "/history")
                .getStatusCode().value()).as("another council's records stay out of reach").isIn(403, 404);
    }

    @Test
    void theRetentionIsTheTenantAdminsAndNeverShorterThanNinetyDays() {
        ResponseEntity<JsonNode> tooShort = api.put("barnet.tenant-admin", "/api/t/barnet/workflow/retention",
                Map.of("engineHistoryDays", 30, "version", 0));
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooShort.getBody().toString()).contains("engineHistoryDays");
        assertThat(api.put("barnet.clerk", "/api/t/barnet/workflow/retention", Map.of("engineHistoryDays", 400, "version", 0))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/workflow/retention",
                Map.of("engineHistoryDays", 400, "version", 0)).getBody().get("version").asInt()).isEqualTo(1);
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/workflow/retention",
                Map.of("engineHistoryDays", 900, "version", 0)).getStatusCode()).as("stale").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("tower-hamlets.tenant-admin", "/api/t/tower-hamlets/workflow/retention").getBody()
                .get("effectiveDays").asInt()).as("each council its own").isEqualTo(365);
    }

    private void at(Instant instant) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(instant));
    }

    private long engineHistory(String reportId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(reportId).count();
    }
}
