package org.councilflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.DueTimers;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The report cycle through the API with the demo users' real Keycloak tokens. */
@IntegrationTest
class ReportCycleIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    /** Actuator is on the management port (a random one in tests), never on the public one. */
    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    private String management(String path) {
        return "http://localhost:" + managementPort + path;
    }

    @Autowired
    org.flowable.engine.ProcessEngine engine;

    Api api;
    String reportId;

    @org.junit.jupiter.api.AfterEach
    void resetEngineClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    @BeforeEach
    void report() throws IOException {
        api = new Api(rest);
        JsonNode document = new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        reportId = api.post("barnet.author", "/api/t/barnet/reports", Map.of("planId", DemoData.BARNET_PLAN, "document", document))
                .getBody().get("id").asText();
    }

    @Test
    void fromDraftToEndorsementWithAReturnOnTheWayAndTheHistoryToShowForIt() {
        ResponseEntity<JsonNode> started = api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("stage").asText()).isEqualTo("draftUpdate");

        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        ResponseEntity<JsonNode> noReason = api.post("barnet.manager", completion(taskAt("barnet.manager", "managerSignOff")),
                Map.of("outcome", "return"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "return", "reason", "Add the April caseload figures"));
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "approve"));
        complete("barnet.board-chair", "boardReview", Map.of("outcome", "endorse"));

        assertThat(inbox("barnet.clerk").findValuesAsText("stage")).contains("scheduleToCommittee");
        assertThat(api.get("barnet.author", "/api/t/barnet/reports/" + reportId).getBody().get("latestVersion").asInt())
                .as("each submission froze a version").isEqualTo(2);
        JsonNode history = api.get("barnet.manager", "/api/t/barnet/reports/" + reportId + "/history").getBody();
        assertThat(history.findValuesAsText("stage")).containsExactly("draftUpdate", "managerSignOff", "draftUpdate",
                "managerSignOff", "boardReview", "scheduleToCommittee");
        assertThat(history.get(1).get("outcome").asText()).isEqualTo("return");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Add the April caseload figures");
        assertThat(history.get(1).get("completedBy").asText()).isEqualTo("barnet.manager");
        assertThat(history.get(4).get("completedBy").asText()).isEqualTo("barnet.board-chair");
    }

    /** The Barnet progress report of June 2018, through to the committee's decision of 12 September 2018. */
    @Test
    void theBarnetReportGoesFromDraftToThePublishedDecisionOf12September2018() {
        Clock clock = new Clock();
        clock.at("2018-08-20T09:00:00Z");
        String meeting = arrangeMeeting(Instant.parse("2018-09-12T18:00:00Z"));
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "approve"));
        complete("barnet.board-chair", "boardReview", Map.of("outcome", "endorse"));
        complete("barnet.clerk", "scheduleToCommittee", Map.of("outcome", "schedule", "form", Map.of("meetingId", meeting)));

        clock.at("2018-09-12T20:30:00Z");
        List<String> resolved = List.of(
                "That the Committee note the progress of the Barnet Children's Services Improvement Action Plan as set out in paragraphs 1.4 to 1.58.",
                "That the Committee note the content of the Secretary of State’s third direction to Barnet Council outlined in paragraphs 1.21-1.22 and included in Appendix 1.",
                "That the Committee note details of Ofsted’s monitoring visit set out in paragraphs 1.11 to 1.18 and the monitoring visit feedback letter received from Ofsted attached in Appendix 2.",
                "That the Committee note and scrutinise the performance information provided in Appendix 3.",
                "The Committee is asked to review the budget, activity, performance and risk information in relation to Children, Education and Safeguarding.");
        String minutes = "The Chairman introduced the report and invited the Strategic Director for Children and Young People, "
                + "Chris Munday, to present the report.";
        complete("barnet.clerk", "recordDecision", Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form",
                Map.of("resolutions", resolved, "minutes", minutes, "keyDecision", false)));
        clock.at("2018-10-02T10:00:00Z");
        complete("barnet.clerk", "publishDecision", Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", false)));

        assertThat(endActivity()).as("not subject to call-in: effective on publication").isEqualTo("decisionEffective");
        assertThat(rest.getForObject(management("/actuator/prometheus"), String.class)).as("the cycle's duration is measured")
                .containsPattern("councilflow_cycle_duration_seconds_count\\{[^}]*process=\"reportCycle\"[^}]*\\} [1-9]");
        JsonNode decision = api.get("barnet.member", "/api/t/barnet/reports/" + reportId + "/decision").getBody();
        assertThat(decision.get("status").asText()).isEqualTo("RECOMMENDATIONS_APPROVED");
        assertThat(decision.get("keyDecision").asBoolean()).isFalse();
        assertThat(decision.get("subjectToCallIn").asBoolean()).isFalse();
        assertThat(decision.get("decidedOn").asText()).isEqualTo("2018-09-12");
        assertThat(decision.get("publishedAt").asText()).startsWith("2018-10-02");
        assertThat(new ObjectMapper().convertValue(decision.get("resolutions"), List.class)).isEqualTo(resolved);
        assertThat(decision.get("minutes").asText()).isEqualTo(minutes);
        JsonNode decidedAt = api.get("barnet.clerk", "/api/t/barnet/meetings/" + decision.get("meetingId").asText()).getBody();
        assertThat(decidedAt.get("committeeName").asText()).as("the decision maker")
                .isEqualTo("Children, Education & Safeguarding Committee");
        assertThat(decidedAt.get("startsAt").asText()).startsWith("2018-09-12");
        assertThat(api.get("barnet.manager", "/api/t/barnet/reports/" + reportId + "/history").getBody().findValuesAsText("stage"))
                .containsExactly("draftUpdate", "managerSignOff", "boardReview", "scheduleToCommittee", "recordDecision",
                        "publishDecision");
        assertThat(api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null).getStatusCode())
                .as("a report whose cycle has ended does not start another").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aBankHolidayOfTheCouncilShortensTheAgendaNoticeAndCanMakeAMeetingTooSoon() {
        // Monday 14 December 2026; the meeting is on Tuesday 22 December: 15–18 and 21 December are 5 clear working days
        new Clock().at("2026-12-14T09:00:00Z");
        String meeting = arrangeMeeting(Instant.parse("2026-12-22T18:00:00Z"));
        toScheduling();
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/settings", Map.of("displayName", "London Borough of Barnet",
                "version", 0, "settings", Map.of("brandingColour", "#00703c", "boardReviewEnabled", true, "agendaNoticeDays", 5,
                        "callInDays", 5, "slaDays", Map.of(), "bankHolidays",
                        List.of(Map.of("day", "2026-12-21", "name", "Council closure day")))))
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> refused = api.post("barnet.clerk", completion(taskAt("barnet.clerk", "scheduleToCommittee")),
                Map.of("outcome", "schedule", "form", Map.of("meetingId", meeting)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("is 4 clear working days away");
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/settings", Map.of("displayName", "London Borough of Barnet",
                "version", 1, "settings", Map.of("brandingColour", "#00703c", "boardReviewEnabled", true, "agendaNoticeDays", 5,
                        "callInDays", 5, "slaDays", Map.of(), "bankHolidays", List.of())))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        complete("barnet.clerk", "scheduleToCommittee", Map.of("outcome", "schedule", "form", Map.of("meetingId", meeting)));
    }

    /** The engine's clock, moved by the test; reset after each test. */
    private class Clock {
        void at(String instant) {
            engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse(instant)));
        }
    }

    @Test
    void fourEyesTheAuthorsOwnTokenCannotSignOffEvenWithTheManagerRole() {
        api.post("barnet.author-manager", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author-manager", "draftUpdate", Map.of("outcome", "submit"));

        ResponseEntity<JsonNode> own = api.post("barnet.author-manager", completion(taskAt("barnet.author-manager", "managerSignOff")),
                Map.of("outcome", "approve"));

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().get("detail").asText()).isEqualTo("Four-eyes: you submitted this version, so another manager must sign it off.");
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "approve"));
    }

    @Test
    void aRoleWithoutTheStagesGroupIsRefused() {
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        String signOff = taskAt("barnet.manager", "managerSignOff");

        ResponseEntity<JsonNode> byClerk = api.post("barnet.clerk", completion(signOff), Map.of("outcome", "approve"));

        assertThat(byClerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(inbox("barnet.clerk").findValuesAsText("stage")).doesNotContain("managerSignOff");
    }

    @Test
    void twoManagersCompletingTheSameTaskConcurrentlyExactlyOneSucceedsAndTheOtherIsToldWho() throws Exception {
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        String signOff = taskAt("barnet.manager", "managerSignOff");
        CyclicBarrier together = new CyclicBarrier(2);
        List<Callable<ResponseEntity<JsonNode>>> managers = new ArrayList<>();
        for (String manager : List.of("barnet.manager", "barnet.author-manager")) {
            String token = Tokens.of(manager);
            managers.add(() -> {
                together.await();
                return api.call(HttpMethod.POST, completion(signOff), token, Map.of("outcome", "approve"));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        List<String> details = new ArrayList<>();
        try {
            for (Future<ResponseEntity<JsonNode>> result : pool.invokeAll(managers)) {
                statuses.add(result.get().getStatusCode().value());
                if (result.get().getStatusCode().value() == 409) {
                    details.add(result.get().getBody().get("detail").asText());
                }
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        assertThat(details.get(0)).containsAnyOf("Already completed by barnet.", "claimed by barnet.", "at the same moment");
        JsonNode history = api.get("barnet.manager", "/api/t/barnet/reports/" + reportId + "/history").getBody();
        assertThat(history.findValuesAsText("stage")).containsExactly("draftUpdate", "managerSignOff", "boardReview");
    }

    @Test
    void twoReportsScheduledToOneMeetingAtTheSameMomentBothGetOnItsAgenda() throws Exception {
        new Clock().at("2026-11-02T09:00:00Z");
        String meeting = arrangeMeeting(Instant.parse("2026-11-18T18:00:00Z"));
        String first = reportId;
        toScheduling();
        JsonNode document = new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        reportId = api.post("barnet.author", "/api/t/barnet/reports", Map.of("planId", DemoData.BARNET_PLAN, "document", document))
                .getBody().get("id").asText();
        toScheduling();
        CyclicBarrier together = new CyclicBarrier(2);
        String token = Tokens.of("barnet.clerk");
        List<Callable<ResponseEntity<JsonNode>>> clerks = new ArrayList<>();
        for (String report : List.of(first, reportId)) {
            reportId = report;
            String task = taskAt("barnet.clerk", "scheduleToCommittee");
            clerks.add(() -> {
                together.await();
                return api.call(HttpMethod.POST, completion(task), token,
                        Map.of("outcome", "schedule", "form", Map.of("meetingId", meeting)));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Future<ResponseEntity<JsonNode>> result : pool.invokeAll(clerks)) {
                assertThat(result.get().getStatusCode()).as(String.valueOf(result.get().getBody())).isEqualTo(HttpStatus.NO_CONTENT);
            }
        } finally {
            pool.shutdown();
        }

        for (String report : List.of(first, reportId)) {
            reportId = report;
            assertThat(taskAt("barnet.clerk", "recordDecision")).isNotBlank();
        }
    }

    @Test
    void completingATaskSomeoneAlreadyCompletedIsAConflictSayingWho() {
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        String draft = taskAt("barnet.author", "draftUpdate");
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));

        ResponseEntity<JsonNode> again = api.post("barnet.author", completion(draft), Map.of("outcome", "submit"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).startsWith("Already completed by barnet.author at ");
    }

    @Test
    void aClaimedTaskIsNotOthersToComplete() {
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        String signOff = taskAt("barnet.manager", "managerSignOff");

        assertThat(api.put("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/assignee", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> other = api.post("barnet.author-manager", completion(signOff), Map.of("outcome", "approve"));

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getBody().get("detail").asText()).isEqualTo("This task is claimed by barnet.manager");
        assertThat(api.delete("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/assignee").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.post("barnet.author-manager", completion(signOff), Map.of("outcome", "approve")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aTaskIsDelegatedOnlyToSomeoneHoldingTheStagesRole() {
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        String signOff = taskAt("barnet.manager", "managerSignOff");
        api.put("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/assignee", null);

        ResponseEntity<JsonNode> toClerk = api.put("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/delegate",
                Map.of("username", "barnet.clerk"));
        ResponseEntity<JsonNode> byOther = api.put("barnet.author-manager", "/api/t/barnet/tasks/" + signOff + "/delegate",
                Map.of("username", "barnet.author-manager"));
        ResponseEntity<JsonNode> toManager = api.put("barnet.manager", "/api/t/barnet/tasks/" + signOff + "/delegate",
                Map.of("username", "barnet.author-manager"));

        assertThat(toClerk.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(toClerk.getBody().get("detail").asText()).isEqualTo("barnet.clerk does not hold the manager role in this council, so cannot take Manager sign-off");
        assertThat(byOther.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(toManager.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(toManager.getBody().get("assignee").asText()).isEqualTo("barnet.author-manager");
        assertThat(inbox("barnet.author-manager").findValuesAsText("id")).contains(signOff);
    }

    @Test
    void aCouncilWithoutBoardReviewGoesStraightToScheduling() {
        api.put("barnet.tenant-admin", "/api/t/barnet/settings", Map.of("displayName", "London Borough of Barnet", "version", 0,
                "settings", Map.of("brandingColour", "#00703c", "boardReviewEnabled", false, "agendaNoticeDays", 5,
                        "callInDays", 5, "slaDays", Map.of(), "bankHolidays", List.of())));
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "approve"));

        assertThat(inbox("barnet.clerk").findValuesAsText("stage")).contains("scheduleToCommittee");
        assertThat(inbox("barnet.board-chair").findValuesAsText("stage")).doesNotContain("boardReview");
    }

    @Test
    void schedulingRespectsAgendaNoticeThenTheDecisionIsRecordedPublishedAndCalledIn() {
        Instant now = Instant.now();
        String tooSoon = arrangeMeeting(now.plus(2, ChronoUnit.DAYS));
        String meeting = arrangeMeeting(now.plus(30, ChronoUnit.DAYS));
        toScheduling();

        ResponseEntity<JsonNode> refused = api.post("barnet.clerk", completion(taskAt("barnet.clerk", "scheduleToCommittee")),
                Map.of("outcome", "schedule", "form", Map.of("meetingId", tooSoon)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("clear working days before. Choose a later meeting.");
        complete("barnet.clerk", "scheduleToCommittee", Map.of("outcome", "schedule", "form", Map.of("meetingId", meeting)));
        JsonNode item = api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting).getBody().at("/agenda/0");
        assertThat(item.get("reportId").asText()).isEqualTo(reportId);
        assertThat(UUID.fromString(item.get("id").asText())).as("an item has an id of its own").isNotNull();
        assertThat(item.get("kind").asText()).isEqualTo("CYCLE_REPORT");
        assertThat(item.get("number").asText()).isEqualTo("1");

        ResponseEntity<JsonNode> early = api.post("barnet.clerk", completion(taskAt("barnet.clerk", "recordDecision")),
                Map.of("outcome", "RECOMMENDATIONS_APPROVED"));
        assertThat(early.getStatusCode()).as("not before the meeting").isEqualTo(HttpStatus.CONFLICT);

        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now.plus(31, ChronoUnit.DAYS)));
        ResponseEntity<JsonNode> withoutResolutions = api.post("barnet.clerk", completion(taskAt("barnet.clerk", "recordDecision")),
                Map.of("outcome", "RECOMMENDATIONS_APPROVED"));
        assertThat(withoutResolutions.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> resolutions = List.of(
                "That the Committee note the progress of the Barnet Children's Services Improvement Action Plan as set out in paragraphs 1.4 to 1.58.",
                "That the Committee note and scrutinise the performance information provided in Appendix 3.");
        complete("barnet.clerk", "recordDecision", Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form",
                Map.of("resolutions", resolutions, "minutes", "The Chairman introduced the report.")));
        complete("barnet.clerk", "publishDecision", Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", true)));
        JsonNode decision = api.get("barnet.member", "/api/t/barnet/reports/" + reportId + "/decision").getBody();
        assertThat(decision.get("status").asText()).isEqualTo("RECOMMENDATIONS_APPROVED");
        assertThat(decision.get("resolutions")).hasSize(2);
        assertThat(decision.get("resolutions").get(1).asText()).isEqualTo(resolutions.get(1));
        assertThat(decision.get("minutes").asText()).isEqualTo("The Chairman introduced the report.");
        assertThat(decision.get("keyDecision").asBoolean()).as("from the report's header").isFalse();
        assertThat(decision.get("decidedOn").asText()).isEqualTo(LocalDate.ofInstant(now.plus(30, ChronoUnit.DAYS), ZoneId.of("Europe/London")).toString());
        assertThat(decision.get("subjectToCallIn").asBoolean()).isTrue();
        assertThat(decision.get("publishedAt").isNull()).isFalse();
        assertThat(decision.get("callInEndsAt").isNull()).isFalse();

        assertThat(api.post("barnet.manager", "/api/t/barnet/reports/" + reportId + "/call-in", Map.of("reason", "x"))
                .getStatusCode()).as("only councillors call in").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("barnet.member", "/api/t/barnet/reports/" + reportId + "/call-in",
                Map.of("reason", "The budget risk FS021 needs scrutiny")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.post("barnet.member", "/api/t/barnet/reports/" + reportId + "/call-in",
                Map.of("reason", "Again")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        complete("barnet.clerk", "scrutiny", Map.of("outcome", "done"));
        assertThat(endActivity()).isEqualTo("calledIn");
        assertThat(api.get("barnet.member", "/api/t/barnet/reports/" + reportId + "/decision").getBody().get("calledInAt").isNull()).isFalse();
    }

    @Test
    void aDeferredDecisionIsRescheduledAndWithoutCallInTheDecisionTakesEffectWhenThePeriodEnds() {
        Instant now = Instant.now();
        String first = arrangeMeeting(now.plus(20, ChronoUnit.DAYS));
        String second = arrangeMeeting(now.plus(50, ChronoUnit.DAYS));
        toScheduling();
        complete("barnet.clerk", "scheduleToCommittee", Map.of("outcome", "schedule", "form", Map.of("meetingId", first)));
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now.plus(21, ChronoUnit.DAYS)));
        complete("barnet.clerk", "recordDecision", Map.of("outcome", "DEFERRED"));

        complete("barnet.clerk", "scheduleToCommittee", Map.of("outcome", "schedule", "form", Map.of("meetingId", second)));
        assertThat(api.get("barnet.clerk", "/api/t/barnet/meetings/" + first).getBody().get("agenda")).isEmpty();
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now.plus(51, ChronoUnit.DAYS)));
        complete("barnet.clerk", "recordDecision", Map.of("outcome", "NOTED", "form", Map.of("resolutions", List.of("Noted."))));
        complete("barnet.clerk", "publishDecision", Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", true)));

        var timers = engine.getManagementService().createTimerJobQuery().jobTenantId("barnet");
        assertThat(timers.executable().count()).as("the call-in period is still running").isZero();
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now.plus(60, ChronoUnit.DAYS)));
        var due = engine.getManagementService().createTimerJobQuery().jobTenantId("barnet").executable().singleResult();
        engine.getManagementService().moveTimerToExecutableJob(due.getId());
        engine.getManagementService().executeJob(due.getId());

        assertThat(endActivity()).isEqualTo("decisionTakesEffect");
        assertThat(api.post("barnet.member", "/api/t/barnet/reports/" + reportId + "/call-in", Map.of("reason", "Too late"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private void toScheduling() {
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "approve"));
        complete("barnet.board-chair", "boardReview", Map.of("outcome", "endorse"));
    }

    private String arrangeMeeting(Instant startsAt) {
        ResponseEntity<JsonNode> meeting = api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of(
                "committeeId", DemoData.BARNET_CES_COMMITTEE, "startsAt", startsAt.toString(), "venue", "Hendon Town Hall"));
        assertThat(meeting.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return meeting.getBody().get("id").asText();
    }

    private String endActivity() {
        var cycle = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceTenantId("barnet")
                .processInstanceBusinessKey(reportId).singleResult();
        assertThat(cycle.getEndTime()).isNotNull();
        return cycle.getEndActivityId();
    }

    @Test
    void everyTaskIsDueAfterItsStagesServiceLevelInWorkingDaysAndShowsOverdueAfterwards() {
        // Monday 16 November 2026, 09:00: the council allows 2 working days for drafts, the shared policy 5 for sign-off
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-11-16T09:00:00Z")));
        api.put("barnet.tenant-admin", "/api/t/barnet/settings", Map.of("displayName", "London Borough of Barnet", "version", 0,
                "settings", Map.of("brandingColour", "#00703c", "boardReviewEnabled", true, "agendaNoticeDays", 5,
                        "callInDays", 5, "slaDays", Map.of("draftUpdate", 2), "bankHolidays", List.of())));

        JsonNode draft = api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null).getBody();
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        JsonNode signOff = inbox("barnet.manager").get(0);

        assertThat(draft.get("due").asText()).isEqualTo("2026-11-18T17:00:00Z");
        assertThat(signOff.get("due").asText()).isEqualTo("2026-11-23T17:00:00Z");
        assertThat(signOff.get("overdue").asBoolean()).isFalse();
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-11-24T09:00:00Z")));
        assertThat(inbox("barnet.manager").get(0).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void aStageIsRemindedBeforeItIsDueAndWhenOverdueIsEscalatedToTheManagersByEmail() throws Exception {
        DevServices.smtp().reset();
        // Monday 16 November 2026: the draft is due after 10 working days, Monday 30 November at 17:00
        Instant monday = Instant.parse("2026-11-16T09:00:00Z");
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(monday));
        JsonNode draft = api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null).getBody();
        assertThat(draft.get("due").asText()).isEqualTo("2026-11-30T17:00:00Z");
        assertThat(DueTimers.run(engine, "barnet")).as("nothing is due yet").isZero();

        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-11-26T10:00:00Z")));
        assertThat(DueTimers.run(engine, "barnet")).as("the reminder, two working days before").isEqualTo(1);
        assertThat(mailTo("barnet.author@demo.councilflow.test")).singleElement()
                .satisfies(subject -> assertThat(subject).startsWith("Due Monday 30 November 2026 at 17:00: Draft update"));
        assertThat(mailTo("barnet.manager@demo.councilflow.test")).isEmpty();
        assertThat(inbox("barnet.author").get(0).get("escalated").asBoolean()).isFalse();

        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-12-01T09:00:00Z")));
        assertThat(DueTimers.run(engine, "barnet")).as("the escalation, once overdue").isEqualTo(1);
        JsonNode task = inbox("barnet.author").get(0);
        assertThat(task.get("overdue").asBoolean()).isTrue();
        assertThat(task.get("escalated").asBoolean()).isTrue();
        assertThat(task.get("stage").asText()).as("the task stays with the author").isEqualTo("draftUpdate");
        assertThat(mailTo("barnet.manager@demo.councilflow.test")).singleElement()
                .satisfies(subject -> assertThat(subject).startsWith("Overdue: Draft update — "));
        assertThat(mailTo("tower-hamlets.manager@demo.councilflow.test")).as("only this council's managers").isEmpty();
        assertThat(DueTimers.run(engine, "barnet")).as("each notice goes once").isZero();
    }

    @Test
    void anUrgentCycleHasShorterServiceLevels() {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-11-16T09:00:00Z")));

        JsonNode draft = api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle",
                Map.of("urgency", "urgent")).getBody();

        assertThat(draft.get("urgency").asText()).isEqualTo("urgent");
        assertThat(draft.get("due").asText()).isEqualTo("2026-11-23T17:00:00Z");
        assertThat(api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", Map.of("urgency", "yesterday"))
                .getStatusCode()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT);
    }

    private List<String> mailTo(String address) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage message : DevServices.smtp().receivedMessages()) {
            for (jakarta.mail.Address to : message.getAllRecipients()) {
                if (to.toString().equals(address)) {
                    subjects.add(message.getSubject());
                }
            }
        }
        return subjects;
    }

    @Test
    void aCycleCannotStartTwice() {
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);

        assertThat(api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    private void complete(String user, String stage, Map<String, Object> completion) {
        ResponseEntity<JsonNode> response = api.post(user, completion(taskAt(user, stage)), completion);
        assertThat(response.getStatusCode()).as(user + " completes " + stage + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String taskAt(String user, String stage) {
        for (JsonNode task : inbox(user)) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no " + stage + " task for the report in their inbox: " + inbox(user));
    }

    private JsonNode inbox(String user) {
        return api.get(user, "/api/t/barnet/tasks").getBody();
    }

    private static String completion(String taskId) {
        return "/api/t/barnet/tasks/" + taskId + "/completion";
    }
}
