package org.councilflow.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives report cycles through the HTTP API the way a patient client does when the service has an outage: each
 * step reads where the cycle is, acts on its open stage, and when the service does not answer (connection refused,
 * 503) waits until the service is healthy again and reads afresh. A step whose answer was lost is therefore never
 * repeated blindly: if it had been saved, the next read shows the cycle further on (or the repeat is refused as
 * already done, 409). Every 5xx other than 503 is recorded as a fault.
 */
public final class CycleDriver {

    /** One report's cycle in a council, scheduled to a meeting of that council. */
    public record Cycle(String tenant, String reportId, String meetingId) {
    }

    private record OpenTask(String id, String stage, String user) {
    }

    private static final ObjectMapper json = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final List<String> faults = Collections.synchronizedList(new ArrayList<>());

    private final String healthUrl;

    /** @param healthUrl the application's health endpoint, on its management port */
    public CycleDriver(String baseUrl, String healthUrl) {
        this.baseUrl = baseUrl;
        this.healthUrl = healthUrl;
    }

    /** Steps completed (answered 204) so far, across all cycles. */
    public int completedSteps() {
        return completed.get();
    }

    /** Answers that said the service is unavailable (503), and requests that found nobody listening. */
    public int unavailableAnswers() {
        return unavailable.get();
    }

    /** Every 5xx answer other than 503, and every refusal of a step nobody had taken: faults, not an outage. */
    public List<String> faults() {
        return List.copyOf(faults);
    }

    /**
     * Starts the cycle if it has not started, then completes its stages until the open one is {@code stopBefore}
     * (or, with {@code null}, until the cycle has ended with its decision published).
     */
    public void drive(Cycle cycle, String stopBefore, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Cycle of report " + cycle.reportId() + " did not get past its stage in " + patience);
            }
            try {
                Optional<OpenTask> open = openTask(cycle);
                if (open.isEmpty()) {
                    List<String> done = history(cycle);
                    if (done.contains("publishDecision")) {
                        return;
                    }
                    if (done.isEmpty()) {
                        start(cycle);
                    }
                    continue;
                }
                if (open.get().stage().equals(stopBefore)) {
                    return;
                }
                complete(cycle, open.get());
            } catch (Unavailable e) {
                unavailable.incrementAndGet();
                awaitHealthy();
            }
        }
    }

    private void start(Cycle cycle) {
        HttpResponse<String> response = send("POST", "/api/t/" + cycle.tenant() + "/reports/" + cycle.reportId() + "/cycle",
                cycle.tenant() + ".author", null);
        // 409: an earlier attempt whose answer was lost had started it
        expect(response, 201, 409);
    }

    private void complete(Cycle cycle, OpenTask task) {
        HttpResponse<String> response = send("POST", "/api/t/" + cycle.tenant() + "/tasks/" + task.id() + "/completion",
                task.user(), completion(cycle, task.stage()));
        if (expect(response, 204, 409) == 204) {
            completed.incrementAndGet();
        } else if (openTask(cycle).map(OpenTask::id).filter(task.id()::equals).isPresent()) {
            // a 409 is right only when an earlier attempt whose answer was lost had completed it
            faults.add("409 for a task nobody had completed: " + response.request().uri() + " " + response.body());
        }
    }

    private static Map<String, Object> completion(Cycle cycle, String stage) {
        return switch (stage) {
            case "draftUpdate" -> Map.of("outcome", "submit");
            case "managerSignOff" -> Map.of("outcome", "approve");
            case "boardReview" -> Map.of("outcome", "endorse");
            case "scheduleToCommittee" -> Map.of("outcome", "schedule", "form", Map.of("meetingId", cycle.meetingId()));
            case "recordDecision" -> Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form", Map.of(
                    "resolutions", List.of("That the Committee note the progress of the improvement plan."),
                    "minutes", "The Committee noted the report.", "keyDecision", false));
            case "publishDecision" -> Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", false));
            default -> throw new AssertionError("No completion for stage " + stage);
        };
    }

    private static final List<String> ROLES = List.of("author", "manager", "board-chair", "clerk");

    private Optional<OpenTask> openTask(Cycle cycle) {
        for (String role : ROLES) {
            String user = cycle.tenant() + "." + role;
            JsonNode inbox = read(send("GET", "/api/t/" + cycle.tenant() + "/tasks", user, null));
            for (JsonNode task : inbox) {
                if (task.get("reportId").asText().equals(cycle.reportId())) {
                    return Optional.of(new OpenTask(task.get("id").asText(), task.get("stage").asText(), user));
                }
            }
        }
        return Optional.empty();
    }

    /** Creates something through the API (a report, a meeting) and returns its id. */
    public String create(String path, String user, Object body) {
        HttpResponse<String> response = send("POST", path, user, body);
        expect(response, 201);
        try {
            return json.readTree(response.body()).get("id").asText();
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    /** The stages completed so far, in order. */
    public List<String> history(Cycle cycle) {
        JsonNode events = read(send("GET", "/api/t/" + cycle.tenant() + "/reports/" + cycle.reportId() + "/history",
                cycle.tenant() + ".manager", null));
        List<String> stages = new ArrayList<>();
        events.forEach(event -> {
            if (event.hasNonNull("completed")) {
                stages.add(event.get("stage").asText());
            }
        });
        return stages;
    }

    private JsonNode read(HttpResponse<String> response) {
        expect(response, 200);
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private int expect(HttpResponse<String> response, int... accepted) {
        int status = response.statusCode();
        if (status == 503) {
            throw new Unavailable();
        }
        if (status >= 500) {
            faults.add(response.request().method() + " " + response.request().uri() + " -> " + status + " " + response.body());
            throw new Unavailable();
        }
        for (int ok : accepted) {
            if (status == ok) {
                return status;
            }
        }
        throw new AssertionError(response.request().method() + " " + response.request().uri() + " -> " + status
                + " " + response.body());
    }

    private HttpResponse<String> send(String method, String path, String user, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + Tokens.of(user))
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the health endpoint, as a client honouring Retry-After would wait, until the service is up again. */
    public void awaitHealthy() {
        await("the service is healthy again").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(URI.create(healthUrl))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static final class Unavailable extends RuntimeException {
        Unavailable() {
            super(null, null, false, false);
        }
    }
}
