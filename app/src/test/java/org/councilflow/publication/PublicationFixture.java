package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.councilflow.support.Api;
import org.flowable.engine.ProcessEngine;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drives reports through the real cycle with the demo users' Keycloak tokens, moving the engine's clock instead of
 * waiting, and reads the public site anonymously.
 */
class PublicationFixture {

    /** Barnet's demo meeting of the Children, Education &amp; Safeguarding Committee, 12 September 2018, 19:00. */
    static final String BARNET_MEETING_2018_09_12 = "00000000-0000-4000-8000-000000001501";

    final Api api;
    final TestRestTemplate rest;
    final ProcessEngine engine;
    private final ObjectMapper json = new ObjectMapper();

    PublicationFixture(TestRestTemplate rest, ProcessEngine engine) {
        this.rest = rest;
        this.api = new Api(rest);
        this.engine = engine;
    }

    void clock(Instant now) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    }

    void resetClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    /** A report in {@code council} made from the Barnet update report of June 2018, changed by {@code edit}. */
    String report(String council, String planId, Consumer<ObjectNode> edit) {
        try {
            ObjectNode document = (ObjectNode) json.readTree(getClass().getResourceAsStream(
                    "/reference/barnet-update-report-2018-06-06.json"));
            edit.accept(document);
            ResponseEntity<JsonNode> created = api.post(council + ".author", "/api/t/" + council + "/reports",
                    planId == null ? Map.of("document", document) : Map.of("planId", planId, "document", document));
            assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            return created.getBody().get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void appendix(String council, String reportId, String title, byte[] content, String filename) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        ResponseEntity<JsonNode> added = api.post(council + ".author", "/api/t/" + council + "/reports/" + reportId
                + "/appendices", form);
        assertThat(added.getStatusCode().is2xxSuccessful()).as(String.valueOf(added.getBody())).isTrue();
    }

    String meeting(String council, String committeeId, Instant startsAt, String venue) {
        ResponseEntity<JsonNode> meeting = api.post(council + ".clerk", "/api/t/" + council + "/meetings", Map.of(
                "committeeId", committeeId, "startsAt", startsAt.toString(), "venue", venue));
        assertThat(meeting.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return meeting.getBody().get("id").asText();
    }

    /** Draft, sign-off and (where the council has it) board review: the report waits to be scheduled. */
    void toScheduling(String council, String reportId) {
        ResponseEntity<JsonNode> started = api.post(council + ".author", "/api/t/" + council + "/reports/" + reportId + "/cycle", null);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
        complete(council, council + ".author", reportId, "draftUpdate", Map.of("outcome", "submit"));
        complete(council, council + ".manager", reportId, "managerSignOff", Map.of("outcome", "approve"));
        if (!council.equals("barnsley")) {
            complete(council, council + ".board-chair", reportId, "boardReview", Map.of("outcome", "endorse"));
        }
    }

    /** Schedules the report to the meeting and publishes the meeting's agenda (an amendment if it already was). */
    void schedule(String council, String reportId, String meetingId) {
        complete(council, council + ".clerk", reportId, "scheduleToCommittee",
                Map.of("outcome", "schedule", "form", Map.of("meetingId", meetingId)));
        api.publishAgenda(council, meetingId);
    }

    void decide(String council, String reportId, String status, List<String> resolutions, String minutes) {
        complete(council, council + ".clerk", reportId, "recordDecision", Map.of("outcome", status, "form",
                Map.of("resolutions", resolutions, "minutes", minutes, "keyDecision", false)));
    }

    void publish(String council, String reportId, boolean subjectToCallIn) {
        complete(council, council + ".clerk", reportId, "publishDecision",
                Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", subjectToCallIn)));
    }

    void complete(String council, String user, String reportId, String stage, Map<String, Object> completion) {
        ResponseEntity<JsonNode> response = api.post(user, "/api/t/" + council + "/tasks/" + taskAt(council, user, reportId, stage)
                + "/completion", completion);
        assertThat(response.getStatusCode()).as(user + " completes " + stage + ": " + response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    String taskAt(String council, String user, String reportId, String stage) {
        JsonNode inbox = api.get(user, "/api/t/" + council + "/tasks").getBody();
        for (JsonNode task : inbox) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no " + stage + " task for report " + reportId + ": " + inbox);
    }

    /** An anonymous GET of the public site. */
    ResponseEntity<String> get(String path) {
        return get(path, new HttpHeaders());
    }

    ResponseEntity<String> get(String path, HttpHeaders headers) {
        return rest.exchange(path, HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class);
    }

    ResponseEntity<byte[]> bytes(String path) {
        return rest.exchange(path, HttpMethod.GET, null, byte[].class);
    }

    /** A small untagged PDF with the given lines of text, as councils upload appendices. */
    static byte[] pdf(String... lines) {
        return org.councilflow.support.TestPdfs.onePage(lines);
    }
}
