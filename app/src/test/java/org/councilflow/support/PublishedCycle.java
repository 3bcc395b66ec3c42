package org.councilflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.flowable.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Barnet reports taken through the real cycle by the demo users' tokens, to a meeting three weeks from now, the
 * engine's clock moved to the meeting for the decision: a decision published that way is still in its call-in
 * period today. Reset the clock after each test.
 */
public final class PublishedCycle {

    private final Api api;
    private final ProcessEngine engine;
    public final Instant meetingAt = Instant.now().plus(Duration.ofDays(21)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    public final String meetingId;

    public PublishedCycle(Api api, ProcessEngine engine) {
        this.api = api;
        this.engine = engine;
        ResponseEntity<JsonNode> meeting = api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of(
                "committeeId", DemoData.BARNET_CES_COMMITTEE, "startsAt", meetingAt.toString(), "venue", "Hendon Town Hall"));
        assertThat(meeting.getStatusCode()).as(String.valueOf(meeting.getBody())).isEqualTo(HttpStatus.CREATED);
        meetingId = meeting.getBody().get("id").asText();
    }

    /** A report whose cycle is started: a draft with the author. */
    public String started() {
        String report = api.draftReferenceReport("barnet.author");
        assertThat(api.post("barnet.author", "/api/t/barnet/reports/" + report + "/cycle", null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return report;
    }

    /** Signed off, endorsed and scheduled: the meeting's agenda (and with it the report) is published. */
    public String scheduled() {
        String report = started();
        complete("barnet.author", report, "draftUpdate", Map.of("outcome", "submit"));
        complete("barnet.manager", report, "managerSignOff", Map.of("outcome", "approve"));
        complete("barnet.board-chair", report, "boardReview", Map.of("outcome", "endorse"));
        complete("barnet.clerk", report, "scheduleToCommittee", Map.of("outcome", "schedule", "form", Map.of("meetingId", meetingId)));
        api.publishAgenda("barnet", meetingId);
        return report;
    }

    /** The committee's decision recorded after the meeting and published with a call-in period. */
    public String published(boolean subjectToCallIn) {
        return published(subjectToCallIn, Duration.ofDays(1));
    }

    /** As {@link #published(boolean)}, the decision published that long after the meeting (an odd time of day). */
    public String published(boolean subjectToCallIn, Duration publishedAfterMeeting) {
        String report = scheduled();
        clock(meetingAt.plus(Duration.ofHours(3)));
        complete("barnet.clerk", report, "recordDecision", Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form",
                Map.of("resolutions", List.of("That the Committee notes the progress."), "minutes", "Noted.", "keyDecision", false)));
        clock(meetingAt.plus(publishedAfterMeeting));
        complete("barnet.clerk", report, "publishDecision",
                Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", subjectToCallIn)));
        resetClock();
        return report;
    }

    public void resetClock() {
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
        assertThat(done.getStatusCode()).as(user + " completes " + stage + ": " + done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
