package org.councilflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DueTimers;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.councilflow.reports.ReportReviews;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Four-eyes in claiming and handing on, release and reassignment by a stage's lead, the team view, and the service
 * level's release of a task claimed and left untouched; with the abuses: claiming or giving a sign-off to someone the
 * rules refuse, reassigning without leading the stage, another council's task and another council's person.
 */
@IntegrationTest
class TeamTasksIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ApplicationContext context;

    @Autowired
    ReportReviews reviews;

    Api api;
    String reportId;

    @BeforeEach
    void aReportAtSignOff() {
        api = new Api(rest);
    }

    @AfterEach
    void resetEngineClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    /** {@code author} drafts and submits: the sign-off waits in the managers' pool; its task id. */
    private String submittedBy(String author) {
        reportId = api.draftReferenceReport(author);
        api.post(author, "/api/t/barnet/reports/" + reportId + "/cycle", null);
        String draft = taskAt(author, "draftUpdate");
        assertThat(api.post(author, "/api/t/barnet/tasks/" + draft + "/completion", Map.of("outcome", "submit"))
                .getStatusCode().value()).isEqualTo(204);
        return taskAt("barnet.manager", "managerSignOff");
    }

    @Test
    void theManagerWhoSubmittedCannotClaimTheSignOffNorBeGivenIt() {
        String signOff = submittedBy("barnet.author-manager");

        ResponseEntity<JsonNode> claim = api.put("barnet.author-manager", "/api/t/barnet/tasks/" + signOff + "/assignee", null);
        assertThat(claim.getStatusCode().value()).isEqualTo(403);
        assertThat(claim.getBody().get("detail").asText()).contains("Four-eyes");
        assertThat(task(signOff).get("assignee").isNull()).as("still in the pool for the other managers").isTrue();

        assertThat(api.get("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/candidates").getBody())
                .extracting(JsonNode::asText).containsExactly("barnet.manager");
        ResponseEntity<JsonNode> handOn = api.put("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/delegate",
                Map.of("username", "barnet.author-manager"));
        assertThat(handOn.getStatusCode().value()).isEqualTo(400);
        assertThat(handOn.getBody().get("detail").asText()).contains("barnet.author-manager submitted this version");
        ResponseEntity<JsonNode> reassign = api.put("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/reassignment",
                Map.of("username", "barnet.author-manager"));
        assertThat(reassign.getStatusCode().value()).isEqualTo(400);
        assertThat(task(signOff).get("assignee").isNull()).isTrue();

        assertThat(api.put("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/assignee", null).getStatusCode().value())
                .as("another manager may").isEqualTo(200);
    }

    @Test
    void aLeadReassignsAClaimedSignOffAndPutsItBackInThePool() {
        String signOff = submittedBy("barnet.author");
        api.put("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/assignee", null);

        JsonNode team = api.get("barnet.author-manager", "/api/t/barnet/team-tasks").getBody();
        assertThat(team.findValuesAsText("id")).contains(signOff);
        assertThat(api.get("barnet.author-manager", "/api/t/barnet/tasks/" + signOff + "/candidates").getBody())
                .extracting(JsonNode::asText).containsExactly("barnet.author-manager");

        JsonNode moved = api.put("barnet.author-manager", "/api/t/barnet/tasks/" + signOff + "/reassignment",
                Map.of("username", "barnet.author-manager")).getBody();
        assertThat(moved.get("assignee").asText()).isEqualTo("barnet.author-manager");

        JsonNode pooled = api.delete("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/reassignment").getBody();
        assertThat(pooled.get("assignee").isNull()).isTrue();
        assertThat(api.delete("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/reassignment").getStatusCode().value())
                .as("already in the pool").isEqualTo(409);
    }

    @Test
    void onlyTheStagesLeadOfThisCouncilReassignsAndOnlyToThisCouncilsPeople() {
        String signOff = submittedBy("barnet.author");
        api.put("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/assignee", null);

        assertThat(api.put("barnet.author", "/api/t/barnet/tasks/" + signOff + "/reassignment",
                Map.of("username", "barnet.author")).getStatusCode().value()).as("an author leads no stage").isEqualTo(403);
        assertThat(api.put("barnet.clerk", "/api/t/barnet/tasks/" + signOff + "/reassignment",
                Map.of("username", "barnet.author-manager")).getStatusCode().value()).as("clerks lead other stages").isEqualTo(403);
        assertThat(api.delete("barnet.clerk", "/api/t/barnet/tasks/" + signOff + "/reassignment").getStatusCode().value())
                .isEqualTo(403);
        assertThat(api.get("barnet.author", "/api/t/barnet/team-tasks").getStatusCode().value()).isEqualTo(403);
        assertThat(api.put("barnet.author-manager", "/api/t/barnet/tasks/" + signOff + "/reassignment",
                Map.of("username", "tower-hamlets.manager")).getStatusCode().value()).as("another council's manager").isEqualTo(400);
        assertThat(api.put("barnet.author-manager", "/api/t/barnet/tasks/" + signOff + "/reassignment",
                Map.of("username", "barnet.clerk")).getStatusCode().value()).as("no manager role").isEqualTo(400);
        assertThat(api.put("tower-hamlets.manager", "/api/t/tower-hamlets/tasks/" + signOff + "/reassignment",
                Map.of("username", "tower-hamlets.manager")).getStatusCode().value()).as("Barnet's task id under Tower Hamlets").isEqualTo(404);
        assertThat(api.delete("tower-hamlets.manager", "/api/t/tower-hamlets/tasks/" + signOff + "/reassignment").getStatusCode().value())
                .isEqualTo(404);
        assertThat(api.get("tower-hamlets.manager", "/api/t/tower-hamlets/team-tasks").getBody().findValuesAsText("id"))
                .doesNotContain(signOff);
        assertThat(task(signOff).get("assignee").asText()).isEqualTo("barnet.manager");
    }

    @Test
    void aClaimLeftUntouchedUntilTheStageFallsDueGoesBackToThePoolAndATouchedOneStays() {
        // Monday 16 November 2026: the sign-off falls due after its working days, at 17:00
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-11-16T09:00:00Z")));
        String untouched = submittedBy("barnet.author");
        String firstReport = reportId;
        String touched = submittedBy("barnet.author");
        api.put("barnet.manager", "/api/t/barnet/tasks/" + untouched + "/assignee", null);
        api.put("barnet.manager", "/api/t/barnet/tasks/" + touched + "/assignee", null);
        // working on the second report: a comment on its summary
        String second = reportId;
        StaffUi.as(context, "barnet.manager", () -> reviews.comment(java.util.UUID.fromString(second), "summary",
                "Figures for April please"));
        Instant due = Instant.parse(task(untouched).get("due").asText());

        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(due.minusSeconds(60)));
        DueTimers.run(engine, "barnet");
        assertThat(task(untouched).get("assignee").asText()).as("not yet due").isEqualTo("barnet.manager");

        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(due.plusSeconds(60)));
        assertThat(DueTimers.run(engine, "barnet")).isPositive();
        assertThat(task(untouched).get("assignee").isNull()).as("back in the pool").isTrue();
        assertThat(task(touched).get("assignee").asText()).as("worked on, so it stays").isEqualTo("barnet.manager");
        assertThat(api.get("barnet.author-manager", "/api/t/barnet/tasks").getBody().findValuesAsText("id"))
                .as("claimable by the other managers again").contains(untouched);
        assertThat(firstReport).isNotEqualTo(reportId);
    }

    private JsonNode task(String id) {
        for (JsonNode task : api.get("barnet.author-manager", "/api/t/barnet/team-tasks").getBody()) {
            if (task.get("id").asText().equals(id)) {
                return task;
            }
        }
        throw new AssertionError("No open task " + id);
    }

    private String taskAt(String user, String stage) {
        for (JsonNode task : api.get(user, "/api/t/barnet/tasks").getBody()) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("No " + stage + " task for " + user);
    }
}
