package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
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
 * A clerk tries to get ahead of the committee: to record (and so publish) its decision on the day of the meeting but
 * before it has started, and to put a report on the agenda of a meeting that has already taken place, after setting
 * the agenda notice to nothing. Times are by the engine's clock, which the test moves.
 */
@IntegrationTest
class DecisionBeforeMeetingAttackTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    Api api;
    String reportId;

    @BeforeEach
    void report() throws IOException {
        api = new Api(rest);
        reportId = api.draftReferenceReport("barnet.author");
    }

    @AfterEach
    void resetEngineClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    @Test
    void theDecisionOfAMeetingAt2330CannotBeRecordedAt1349OnTheSameDay() {
        clock("2026-11-16T09:00:00Z");
        // Wednesday 2 December 2026, 23:30 in London (GMT)
        String meeting = meeting("2026-12-02T23:30:00Z");
        toScheduling();
        complete("barnet.clerk", "scheduleToCommittee", Map.of("outcome", "schedule", "form", Map.of("meetingId", meeting)));

        clock("2026-12-02T13:49:00Z");
        ResponseEntity<JsonNode> early = api.post("barnet.clerk", completion(taskAt("barnet.clerk", "recordDecision")), decision());

        assertThat(early.getStatusCode()).as(String.valueOf(early.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("detail").asText()).contains("23:30");
        assertThat(api.get("barnet.clerk", "/api/t/barnet/reports/" + reportId + "/decision").getStatusCode())
                .as("nothing recorded").isEqualTo(HttpStatus.NOT_FOUND);

        clock("2026-12-02T23:29:59Z");
        assertThat(api.post("barnet.clerk", completion(taskAt("barnet.clerk", "recordDecision")), decision()).getStatusCode())
                .as("a second before the start").isEqualTo(HttpStatus.CONFLICT);

        clock("2026-12-02T23:31:00Z");
        complete("barnet.clerk", "recordDecision", decision());
        complete("barnet.clerk", "publishDecision", Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", false)));
        assertThat(api.get("barnet.clerk", "/api/t/barnet/reports/" + reportId + "/decision").getBody().get("decidedOn").asText())
                .isEqualTo("2026-12-02");
    }

    @Test
    void noAgendaNoticeBelowTheStatutoryFiveDaysAndNoSchedulingToAMeetingThatHasTakenPlace() {
        clock("2026-11-16T09:00:00Z");
        String yesterday = meeting("2026-11-15T18:00:00Z");
        String earlierToday = meeting("2026-11-16T08:30:00Z");
        toScheduling();

        for (int days : new int[] {0, 4}) {
            ResponseEntity<JsonNode> refused = api.put("barnet.tenant-admin", "/api/t/barnet/settings", settings(days));
            assertThat(refused.getStatusCode()).as(days + " days: " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("settings.agendaNoticeDays");
        }
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet").getBody().at("/settings/agendaNoticeDays").asInt())
                .isEqualTo(5);

        for (String past : List.of(yesterday, earlierToday)) {
            ResponseEntity<JsonNode> refused = api.post("barnet.clerk", completion(taskAt("barnet.clerk", "scheduleToCommittee")),
                    Map.of("outcome", "schedule", "form", Map.of("meetingId", past)));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().get("detail").asText()).contains("has already started");
            assertThat(api.get("barnet.clerk", "/api/t/barnet/meetings/" + past).getBody().get("agenda")).isEmpty();
        }
    }

    private Map<String, Object> settings(int agendaNoticeDays) {
        return Map.of("displayName", "London Borough of Barnet", "version", 0, "settings", Map.of("brandingColour", "#00703c",
                "boardReviewEnabled", true, "agendaNoticeDays", agendaNoticeDays, "callInDays", 5, "slaDays", Map.of(),
                "bankHolidays", List.of()));
    }

    private static Map<String, Object> decision() {
        return Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form", Map.of(
                "resolutions", List.of("That the Committee note the progress of the improvement plan."), "keyDecision", false));
    }

    private void clock(String instant) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse(instant)));
    }

    private String meeting(String startsAt) {
        ResponseEntity<JsonNode> meeting = api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of(
                "committeeId", DemoData.BARNET_CES_COMMITTEE, "startsAt", startsAt, "venue", "Hendon Town Hall"));
        assertThat(meeting.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return meeting.getBody().get("id").asText();
    }

    private void toScheduling() {
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "approve"));
        complete("barnet.board-chair", "boardReview", Map.of("outcome", "endorse"));
    }

    private void complete(String user, String stage, Map<String, Object> completion) {
        ResponseEntity<JsonNode> response = api.post(user, completion(taskAt(user, stage)), completion);
        assertThat(response.getStatusCode()).as(user + " completes " + stage + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String taskAt(String user, String stage) {
        for (JsonNode task : api.get(user, "/api/t/barnet/tasks").getBody()) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no " + stage + " task for the report");
    }

    private static String completion(String taskId) {
        return "/api/t/barnet/tasks/" + taskId + "/completion";
    }
}
