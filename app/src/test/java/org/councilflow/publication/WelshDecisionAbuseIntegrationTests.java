package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Welsh parts of a decision and the council's Welsh resolution label (ADR 0023) are validated like the English
 * (oversized, malformed, unknown fields: 400 naming the field, nothing saved) and belong to their council and role.
 */
@IntegrationTest
class WelshDecisionAbuseIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublicationFixture fixture;
    Api api;

    @BeforeEach
    void setUp() {
        fixture = new PublicationFixture(rest, engine);
        api = fixture.api;
    }

    @AfterEach
    void resetClock() {
        fixture.resetClock();
    }

    @Test
    void theWelshOfADecisionIsRefusedWhenOversizedMalformedOrUnknownAndIsOnlyForItsCouncilsClerk() {
        Instant startsAt = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String meeting = fixture.meeting("barnet", DemoData.BARNET_CES_COMMITTEE, startsAt, "Hendon Town Hall");
        String report = fixture.report("barnet", DemoData.BARNET_PLAN, document -> { });
        fixture.toScheduling("barnet", report);
        fixture.schedule("barnet", report, meeting);
        fixture.clock(startsAt.plus(3, ChronoUnit.HOURS));
        String task = fixture.taskAt("barnet", "barnet.clerk", report, "recordDecision");
        String completion = "/api/t/barnet/tasks/" + task + "/completion";

        assertProblem(api.post("barnet.clerk", completion, record("minutesCy", "ŵ".repeat(200_001))), "form.minutesCy");
        assertProblem(api.post("barnet.clerk", completion, record("minutesCy", 5)), "form.minutesCy");
        assertProblem(api.post("barnet.clerk", completion, record("resolutionsCy", "Bod y Pwyllgor yn nodi")), "form.resolutionsCy");
        assertProblem(api.post("barnet.clerk", completion, record("resolutionsCy", List.of("ŵ".repeat(5001)))),
                "form.resolutionsCy");
        assertProblem(api.post("barnet.clerk", completion, record("resolutionsCy", List.of(Map.of("testun", "Bod y Pwyllgor")))),
                "form.resolutionsCy");
        assertProblem(api.post("barnet.clerk", completion, record("penderfyniadauCy", List.of("Bod y Pwyllgor"))),
                "form.penderfyniadauCy");

        // another council's clerk through their own council's address, or through Barnet's; a role that must not
        Map<String, Object> hijack = record("minutesCy", "Wedi'i herwgipio");
        assertThat(api.post("tower-hamlets.clerk", "/api/t/tower-hamlets/tasks/" + task + "/completion", hijack)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("tower-hamlets.clerk", completion, hijack).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("barnet.author", completion, hijack).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("barnet.clerk", "/api/t/barnet/reports/" + report + "/decision").getStatusCode())
                .as("nothing was recorded").isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> recorded = api.post("barnet.clerk", completion, record("minutesCy", "Nodwyd yr adroddiad."));
        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode decision = api.get("barnet.clerk", "/api/t/barnet/reports/" + report + "/decision").getBody();
        assertThat(decision.get("minutesCy").asText()).isEqualTo("Nodwyd yr adroddiad.");
        assertThat(decision.at("/resolutionsCy/0/text").asText()).isEqualTo("Bod y Pwyllgor yn nodi’r cynnydd.");
        assertThat(decision.get("minutes").asText()).as("the English as it was").isEqualTo("The Committee noted the report.");
        assertThat(api.get("tower-hamlets.clerk", "/api/t/tower-hamlets/reports/" + report + "/decision").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("barnet.member", "/api/t/barnet/reports/" + report + "/decision").getStatusCode())
                .as("not published yet").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theWelshResolutionLabelIsTheTenantAdminsOwnAndValidatedLikeTheEnglish() {
        String path = "/api/t/barnet/minutes-style";
        ObjectNode style = ((ObjectNode) api.get("barnet.tenant-admin", path).getBody().get("style")).deepCopy();

        assertProblem(api.put("barnet.tenant-admin", path, Map.of("style", style.deepCopy().put("resolvedLabelCy", "P".repeat(61)),
                "version", 0)), "resolvedLabelCy");
        assertProblem(api.put("barnet.tenant-admin", path, Map.of("style", style.deepCopy().put("resolvedLabelCymraeg", "PENDERFYNWYD:"),
                "version", 0)), "resolvedLabelCymraeg");
        Map<String, Object> welsh = Map.of("style", style.deepCopy().put("resolvedLabelCy", "Penderfynodd y Pwyllgor:"), "version", 0);
        assertThat(api.put("barnet.clerk", path, welsh).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.put("tower-hamlets.tenant-admin", path, welsh).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("barnet.tenant-admin", path).getBody().get("version").asInt()).as("nothing changed").isZero();

        assertThat(api.put("barnet.tenant-admin", path, welsh).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("barnet.clerk", path).getBody().at("/style/resolvedLabelCy").asText()).isEqualTo("Penderfynodd y Pwyllgor:");
        assertThat(api.get("tower-hamlets.clerk", "/api/t/tower-hamlets/minutes-style").getBody().at("/style/resolvedLabelCy")
                .asText()).as("another council's style is its own").isEqualTo("PENDERFYNWYD \u2013");
    }

    /** The committee stage's form in English with one field added. */
    private static Map<String, Object> record(String field, Object value) {
        Map<String, Object> form = new HashMap<>(Map.of("keyDecision", false, "minutes", "The Committee noted the report.",
                "resolutions", List.of("That the Committee note the progress."),
                "resolutionsCy", List.of("Bod y Pwyllgor yn nodi’r cynnydd.")));
        form.put(field, value);
        return Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form", form);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().toString()).contains(field);
    }
}
