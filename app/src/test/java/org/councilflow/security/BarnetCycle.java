package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.flowable.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Barnet report taken through the real cycle by the demo users, to the meeting of 12 September 2018, with the
 * engine's clock moved instead of waiting. Reset the clock after each test ({@link #resetClock()}).
 */
final class BarnetCycle {

    static final String MEETING_2018_09_12 = "00000000-0000-4000-8000-000000001501";

    private final Api api;
    private final ProcessEngine engine;

    BarnetCycle(Api api, ProcessEngine engine) {
        this.api = api;
        this.engine = engine;
    }

    /** A new report from the reference update report of June 2018, changed by {@code edit}. */
    String report(Consumer<ObjectNode> edit) {
        try {
            ObjectNode document = (ObjectNode) new ObjectMapper().readTree(getClass().getResourceAsStream(
                    "/reference/barnet-update-report-2018-06-06.json"));
            edit.accept(document);
            ResponseEntity<JsonNode> created = api.post("barnet.author", "/api/t/barnet/reports",
                    Map.of("planId", DemoData.BARNET_PLAN, "document", document));
            assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            return created.getBody().get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drafted, signed off, endorsed and scheduled to the meeting: its agenda and the report are published. */
    void scheduled(String report) {
        clock(Instant.parse("2018-08-28T09:00:00Z"));
        assertThat(api.post("barnet.author", "/api/t/barnet/reports/" + report + "/cycle", null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        complete("barnet.author", report, "draftUpdate", Map.of("outcome", "submit"));
        complete("barnet.manager", report, "managerSignOff", Map.of("outcome", "approve"));
        complete("barnet.board-chair", report, "boardReview", Map.of("outcome", "endorse"));
        complete("barnet.clerk", report, "scheduleToCommittee",
                Map.of("outcome", "schedule", "form", Map.of("meetingId", MEETING_2018_09_12)));
        api.publishAgenda("barnet", MEETING_2018_09_12);
    }

    /** The decision recorded after the meeting, not yet published. */
    void decided(String report, String minutes) {
        clock(Instant.parse("2018-09-12T21:30:00Z"));
        complete("barnet.clerk", report, "recordDecision", Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form",
                Map.of("resolutions", List.of("That the Committee notes the progress."), "minutes", minutes,
                        "keyDecision", false)));
    }

    void published(String report, boolean subjectToCallIn) {
        clock(Instant.parse("2018-09-14T09:00:00Z"));
        complete("barnet.clerk", report, "publishDecision",
                Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", subjectToCallIn)));
    }

    void resetClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    private void clock(Instant now) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    }

    private void complete(String user, String report, String stage, Map<String, Object> completion) {
        String task = null;
        for (JsonNode open : api.get(user, "/api/t/barnet/tasks").getBody()) {
            if (open.get("stage").asText().equals(stage) && open.get("reportId").asText().equals(report)) {
                task = open.get("id").asText();
            }
        }
        assertThat(task).as(user + " has a " + stage + " task").isNotNull();
        ResponseEntity<JsonNode> done = api.post(user, "/api/t/barnet/tasks/" + task + "/completion", completion);
        assertThat(done.getStatusCode()).as(user + " completes " + stage + ": " + done.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }
}
