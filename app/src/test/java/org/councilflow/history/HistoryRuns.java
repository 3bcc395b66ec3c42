package org.councilflow.history;

import static org.assertj.core.api.Assertions.assertThat;


import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.support.Api;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Starting history imports through the API and waiting for them, as a client would. */
final class HistoryRuns {

    private HistoryRuns() {
    }

    static Map<String, Object> site(String baseUrl, boolean dryRun) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", "MODERNGOV_URL");
        request.put("baseUrl", baseUrl);
        request.put("from", "2018-01-01");
        request.put("to", "2018-12-31");
        request.put("dryRun", dryRun);
        return request;
    }

    static Map<String, Object> xml(String sourceName, List<String> documents, boolean dryRun) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", "MODERNGOV_XML");
        request.put("sourceName", sourceName);
        request.put("xml", documents);
        request.put("dryRun", dryRun);
        return request;
    }

    /** Starts a run and waits until it is no longer running: the finished run. */
    static JsonNode run(Api api, String user, String tenant, Map<String, Object> request) {
        ResponseEntity<JsonNode> started = api.post(user, "/api/t/" + tenant + "/history/imports", request);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
        return await(api, user, "/api/t/" + tenant + "/history/imports/" + started.getBody().get("id").asText());
    }

    static JsonNode await(Api api, String user, String path) {
        JsonNode[] run = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            run[0] = api.get(user, path).getBody();
            return !run[0].get("state").asText().equals("RUNNING");
        });
        return run[0];
    }

    /** "KIND sourceId ACTION" for each outcome. */
    static List<String> outcomes(JsonNode run) {
        List<String> lines = new ArrayList<>();
        run.get("outcomes").forEach(o -> lines.add(o.get("kind").asText() + " " + o.get("sourceId").asText() + " "
                + o.get("action").asText()));
        return lines;
    }

    static String reason(JsonNode run, String kind, String sourceId) {
        for (JsonNode o : run.get("outcomes")) {
            if (o.get("kind").asText().equals(kind) && o.get("sourceId").asText().equals(sourceId)) {
                return o.get("reason").asText();
            }
        }
        throw new AssertionError("No outcome for " + kind + " " + sourceId + " in " + run);
    }

    /** The public id of an imported meeting or item: one per council, source and source id (ADR 0011). */
    static String id(String tenant, String source, String kind, String sourceId) {
        return UUID.nameUUIDFromBytes(("history:" + tenant + ":" + source + ":" + kind + ":" + sourceId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
