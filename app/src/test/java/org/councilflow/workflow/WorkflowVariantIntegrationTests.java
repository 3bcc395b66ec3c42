package org.councilflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
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
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A council's variant of the cycle is data chosen by its tenant administrator through the typed API; a cycle started
 * afterwards follows it, on the platform's one shared definition.
 */
@IntegrationTest
class WorkflowVariantIntegrationTests {

    private static final String VARIANT = "/api/t/barnet/workflow/variant";

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
    void theVariantStartsAtThePlatformDefaultsAndOnlyTheTenantAdministratorSeesIt() {
        ResponseEntity<JsonNode> variant = api.get("barnet.tenant-admin", VARIANT);

        assertThat(variant.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(variant.getBody().get("boardReview").asBoolean()).isTrue();
        assertThat(variant.getBody().get("preCommitteeScrutiny").asBoolean()).isFalse();
        assertThat(variant.getBody().get("stages").findValuesAsText("stage")).containsExactly("draftUpdate", "managerSignOff",
                "boardReview", "preCommitteeScrutiny", "scheduleToCommittee", "recordDecision", "publishDecision", "scrutiny");
        assertThat(variant.getBody().get("stages").findValues("workingDays")).allMatch(JsonNode::isNull);
        JsonNode defaults = api.get("barnet.tenant-admin", VARIANT + "/defaults").getBody();
        assertThat(defaults.get(0).get("workingDays").asInt()).isEqualTo(10);
        assertThat(defaults.get(0).get("escalateTo").asText()).isEqualTo("manager");
        assertThat(api.get("barnet.clerk", VARIANT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.put("barnet.manager", VARIANT, variant.getBody()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void boardReviewOffAnExtraScrutinyStageAndOtherServiceLevelsAreFollowedByTheNextCycle() {
        // Monday 16 November 2026, 09:00
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-11-16T09:00:00Z")));
        JsonNode variant = api.get("barnet.tenant-admin", VARIANT).getBody();
        ResponseEntity<JsonNode> saved = api.put("barnet.tenant-admin", VARIANT, Map.of("version", variant.get("version").asInt(),
                "boardReview", false, "preCommitteeScrutiny", true, "stages", List.of(
                        Map.of("stage", "draftUpdate", "workingDays", 3),
                        Map.of("stage", "managerSignOff", "workingDays", 4, "escalateTo", "tenant-admin"),
                        Map.of("stage", "preCommitteeScrutiny", "remindRole", "manager"))));

        assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody().get("version").asInt()).isGreaterThan(variant.get("version").asInt());
        assertThat(saved.getBody().get("boardReview").asBoolean()).isFalse();
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet").getBody().at("/settings/boardReviewEnabled").asBoolean())
                .as("the council's settings show the same").isFalse();

        JsonNode draft = api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null).getBody();
        assertThat(draft.get("due").asText()).as("three working days").isEqualTo("2026-11-19T17:00:00Z");
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        JsonNode signOff = task("barnet.manager", "managerSignOff");
        assertThat(signOff.get("due").asText()).as("four working days").isEqualTo("2026-11-20T17:00:00Z");
        assertThat(variable("stageEscalateTo")).isEqualTo("tenant-admin");
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "approve"));

        assertThat(inbox("barnet.board-chair").findValuesAsText("stage")).doesNotContain("boardReview");
        JsonNode scrutiny = task("barnet.clerk", "preCommitteeScrutiny");
        assertThat(scrutiny.get("name").asText()).isEqualTo("Pre-committee scrutiny");
        assertThat(variable("stageRemindRole")).isEqualTo("manager");
        assertThat(variable("stageEscalateTo")).as("the platform's default for this stage").isEqualTo("manager");
        complete("barnet.clerk", "preCommitteeScrutiny", Map.of("outcome", "done"));
        assertThat(inbox("barnet.clerk").findValuesAsText("stage")).contains("scheduleToCommittee");

        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceTenantId("barnet")
                .processInstanceBusinessKey(reportId).singleResult();
        assertThat(engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getTenantId())
                .as("the platform's shared definition").isEmpty();
    }

    @Test
    void aStaleVersionIsRefusedWithAConflictAndNothingIsSaved() {
        JsonNode variant = api.get("barnet.tenant-admin", VARIANT).getBody();
        int version = variant.get("version").asInt();
        assertThat(api.put("barnet.tenant-admin", VARIANT, Map.of("version", version, "boardReview", true,
                "preCommitteeScrutiny", true, "stages", List.of())).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> stale = api.put("barnet.tenant-admin", VARIANT, Map.of("version", version, "boardReview", false,
                "preCommitteeScrutiny", false, "stages", List.of(Map.of("stage", "draftUpdate", "workingDays", 1))));

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().get("detail").asText()).contains("since you loaded them");
        JsonNode now = api.get("barnet.tenant-admin", VARIANT).getBody();
        assertThat(now.get("boardReview").asBoolean()).isTrue();
        assertThat(now.get("preCommitteeScrutiny").asBoolean()).isTrue();
        assertThat(now.get("stages").get(0).get("workingDays").isNull()).isTrue();
    }

    @Test
    void aChangeOfTheCouncilsSettingsMakesAVariantReadBeforeItStale() {
        JsonNode variant = api.get("barnet.tenant-admin", VARIANT).getBody();
        JsonNode council = api.get("barnet.tenant-admin", "/api/t/barnet").getBody();
        Map<String, Object> settings = new ObjectMapper().convertValue(council.get("settings"), HashMap.class);
        settings.put("boardReviewEnabled", false);
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/settings", Map.of("displayName", council.get("displayName").asText(),
                "version", council.get("version").asInt(), "settings", settings)).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(api.get("barnet.tenant-admin", VARIANT).getBody().get("boardReview").asBoolean()).isFalse();
        assertThat(api.put("barnet.tenant-admin", VARIANT, Map.of("version", variant.get("version").asInt(), "boardReview", true,
                "preCommitteeScrutiny", false, "stages", List.of())).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void badValuesAreRefusedWithAProblemNamingTheFieldAndNothingIsSaved() {
        int version = api.get("barnet.tenant-admin", VARIANT).getBody().get("version").asInt();
        List<Object> bad = new ArrayList<>();
        bad.add(List.of(Map.of("stage", "noSuchStage", "workingDays", 3)));
        bad.add(List.of(Map.of("stage", "draftUpdate", "workingDays", 0)));
        bad.add(List.of(Map.of("stage", "draftUpdate", "reminderDays", 61)));
        bad.add(List.of(Map.of("stage", "draftUpdate", "escalateTo", "platform-admin")));
        bad.add(List.of(Map.of("stage", "draftUpdate", "workingDays", 3), Map.of("stage", "draftUpdate", "workingDays", 4)));
        for (Object stages : bad) {
            ResponseEntity<JsonNode> refused = api.put("barnet.tenant-admin", VARIANT, Map.of("version", version,
                    "boardReview", false, "preCommitteeScrutiny", false, "stages", stages));

            assertThat(refused.getStatusCode()).as(stages + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().toString()).as(stages.toString()).containsAnyOf("stage", "workingDays", "reminderDays",
                    "escalateTo");
        }
        assertThat(api.get("barnet.tenant-admin", VARIANT).getBody().get("boardReview").asBoolean()).isTrue();
    }

    private Object variable(String name) {
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceTenantId("barnet")
                .processInstanceBusinessKey(reportId).singleResult();
        return engine.getRuntimeService().getVariable(instance.getId(), name);
    }

    private void complete(String user, String stage, Map<String, Object> completion) {
        ResponseEntity<JsonNode> response = api.post(user, "/api/t/barnet/tasks/" + task(user, stage).get("id").asText()
                + "/completion", completion);
        assertThat(response.getStatusCode()).as(user + " completes " + stage + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private JsonNode task(String user, String stage) {
        for (JsonNode task : inbox(user)) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                return task;
            }
        }
        throw new AssertionError(user + " has no " + stage + " task for the report in their inbox: " + inbox(user));
    }

    private JsonNode inbox(String user) {
        return api.get(user, "/api/t/barnet/tasks").getBody();
    }
}
