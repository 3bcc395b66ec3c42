package org.councilflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.devservices.DevServices;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The shared report cycle on a bare Flowable engine and a real PostgreSQL: every path of PRODUCT.md's cycle, with
 * each council's instances and tasks carrying its tenant id. Time moves on the engine's clock; nothing sleeps.
 */
class ReportCycleEngineTests {

    static ProcessEngine engine;
    static final TenDayServiceLevels serviceLevels = new TenDayServiceLevels();
    static final RecordedNotices notices = new RecordedNotices();

    /** Stands in for the application's DMN-driven service levels: every stage due in ten days, reminded after eight. */
    public static class TenDayServiceLevels {
        public void stageStarted(DelegateExecution execution) {
            Instant now = engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
            execution.setVariable("stageDueAt", Date.from(now.plus(10, ChronoUnit.DAYS)));
            execution.setVariable("stageRemindAt", Date.from(now.plus(8, ChronoUnit.DAYS)));
        }
    }

    /** Records the notices the process asks for, in order. */
    public static class RecordedNotices {
        final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

        public void remind(DelegateExecution execution, String stage) {
            sent.add("remind " + stage + " " + execution.getTenantId());
        }

        public void escalate(DelegateExecution execution, String stage) {
            sent.add("escalate " + stage + " " + execution.getTenantId());
        }
    }

    @BeforeAll
    static void engine() {
        var postgres = DevServices.postgres();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.createFreshDatabase("councilflow_workflows_test"));
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(4);
        StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setAsyncExecutorActivate(false);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setBeans(Map.of("cycleServiceLevels", serviceLevels, "cycleNotices", notices));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("shared")
                .addClasspathResource("processes/report-cycle.bpmn20.xml").deploy();
    }

    @AfterEach
    void resetClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
        notices.sent.clear();
    }

    @Test
    void aStageIsDueAfterItsServiceLevelRemindedBeforeAndEscalatedWhenOverdueWithoutLeavingTheTask() {
        Instant started = Instant.parse("2026-11-16T09:00:00Z");
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(started));
        ProcessInstance cycle = start("barnet", true);
        assertThat(activeTask(cycle).getDueDate()).isEqualTo(Date.from(started.plus(10, ChronoUnit.DAYS)));
        assertThat(executableTimers(cycle)).isEmpty();

        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(started.plus(9, ChronoUnit.DAYS)));
        runDueTimers(cycle);
        assertThat(notices.sent).containsExactly("remind draftUpdate barnet");

        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(started.plus(11, ChronoUnit.DAYS)));
        runDueTimers(cycle);
        assertThat(notices.sent).containsExactly("remind draftUpdate barnet", "escalate draftUpdate barnet");
        assertThat(activeTask(cycle).getTaskDefinitionKey()).as("still the author's to finish").isEqualTo("draftUpdate");

        complete(cycle, "draftUpdate", "author", Map.of());
        assertThat(activeTask(cycle).getDueDate()).as("the next stage has its own service level")
                .isEqualTo(Date.from(started.plus(21, ChronoUnit.DAYS)));
        assertThat(engine.getManagementService().createTimerJobQuery().processInstanceId(cycle.getId()).list())
                .as("the finished stage's timers are gone; the new stage has its two").hasSize(2);
    }

    private static void runDueTimers(ProcessInstance cycle) {
        for (Job timer : executableTimers(cycle)) {
            engine.getManagementService().moveTimerToExecutableJob(timer.getId());
            engine.getManagementService().executeJob(timer.getId());
        }
    }

    @Test
    void theSharedDefinitionIsValidAndDeployedWithoutTenantAndHasItsDiagram() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("reportCycle")
                .latestVersion().singleResult();

        assertThat(definition.getTenantId()).isEmpty();
        assertThat(definition.hasGraphicalNotation()).as("diagram interchange present").isTrue();
        assertThat(engine.getRepositoryService().getBpmnModel(definition.getId()).getLocationMap()).hasSizeGreaterThan(15);
    }

    @Test
    void theHappyPathWithBoardReviewEndsWithTheDecisionTakingEffectAfterTheCallInPeriod() {
        Instant published = Instant.parse("2018-10-02T09:00:00Z");
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(published));
        ProcessInstance cycle = start("barnet", true);
        assertThat(cycle.getTenantId()).isEqualTo("barnet");

        complete(cycle, "draftUpdate", "author", Map.of());
        complete(cycle, "managerSignOff", "manager", Map.of("signOffOutcome", "approve"));
        complete(cycle, "boardReview", "board-chair", Map.of("boardOutcome", "endorse"));
        complete(cycle, "scheduleToCommittee", "clerk", Map.of());
        complete(cycle, "recordDecision", "clerk", Map.of("decisionStatus", "RECOMMENDATIONS_APPROVED"));
        complete(cycle, "publishDecision", "clerk", Map.of("subjectToCallIn", true,
                "callInEndsAt", Date.from(published.plus(7, ChronoUnit.DAYS))));

        assertThat(executableTimers(cycle)).as("the call-in period is running").isEmpty();
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(published.plus(8, ChronoUnit.DAYS)));
        List<Job> due = executableTimers(cycle);
        assertThat(due).hasSize(1);
        engine.getManagementService().moveTimerToExecutableJob(due.get(0).getId());
        engine.getManagementService().executeJob(due.get(0).getId());

        assertThat(endedAt(cycle)).isEqualTo("decisionTakesEffect");
        assertThat(visited(cycle)).containsExactly("start", "draftUpdate", "managerSignOff", "signOffOutcome",
                "boardReviewApplies", "boardReview", "boardOutcome", "preCommitteeScrutinyApplies", "scheduleToCommittee", "recordDecision",
                "decisionOutcome", "publishDecision", "callInApplies", "callInWindow", "callInPeriodEnds",
                "decisionTakesEffect");
    }

    @Test
    void aCallInRequestedInsideThePeriodGoesToScrutinyAndTheDecisionDoesNotTakeEffect() {
        ProcessInstance cycle = toPublication(start("tower-hamlets", true), true);

        Execution waiting = engine.getRuntimeService().createExecutionQuery().processInstanceId(cycle.getId())
                .messageEventSubscriptionName("callInRequested").singleResult();
        engine.getRuntimeService().messageEventReceived("callInRequested", waiting.getId());

        assertThat(engine.getManagementService().createTimerJobQuery().processInstanceId(cycle.getId()).list())
                .as("the call-in period's timer is cancelled").extracting(Job::getElementId)
                .doesNotContain("callInPeriodEnds").isNotEmpty();
        complete(cycle, "scrutiny", "clerk", Map.of());
        assertThat(endedAt(cycle)).isEqualTo("calledIn");
    }

    @Test
    void aManagerReturnGoesBackToDraftAndThenToTheManagerAgain() {
        ProcessInstance cycle = start("barnet", true);
        complete(cycle, "draftUpdate", "author", Map.of());
        complete(cycle, "managerSignOff", "manager", Map.of("signOffOutcome", "return"));

        assertThat(activeTask(cycle).getTaskDefinitionKey()).isEqualTo("draftUpdate");
        complete(cycle, "draftUpdate", "author", Map.of());
        assertThat(activeTask(cycle).getTaskDefinitionKey()).isEqualTo("managerSignOff");
    }

    @Test
    void aBoardReturnGoesBackToDraftAndNeedsManagerSignOffAgain() {
        ProcessInstance cycle = start("barnet", true);
        complete(cycle, "draftUpdate", "author", Map.of());
        complete(cycle, "managerSignOff", "manager", Map.of("signOffOutcome", "approve"));
        complete(cycle, "boardReview", "board-chair", Map.of("boardOutcome", "return"));

        complete(cycle, "draftUpdate", "author", Map.of());
        assertThat(activeTask(cycle).getTaskDefinitionKey()).isEqualTo("managerSignOff");
        complete(cycle, "managerSignOff", "manager", Map.of("signOffOutcome", "approve"));
        assertThat(activeTask(cycle).getTaskDefinitionKey()).isEqualTo("boardReview");
    }

    @Test
    void aCouncilWithoutBoardReviewGoesFromSignOffToScheduling() {
        ProcessInstance cycle = start("barnsley", false);
        complete(cycle, "draftUpdate", "author", Map.of());
        complete(cycle, "managerSignOff", "manager", Map.of("signOffOutcome", "approve"));

        assertThat(activeTask(cycle).getTaskDefinitionKey()).isEqualTo("scheduleToCommittee");
        assertThat(visited(cycle)).doesNotContain("boardReview");
    }

    @Test
    void aCouncilWithPreCommitteeScrutinyHasAClerkScrutiniseBeforeScheduling() {
        ProcessInstance cycle = engine.getRuntimeService().createProcessInstanceBuilder().processDefinitionKey("reportCycle")
                .overrideProcessDefinitionTenantId("barnsley").variable("boardReviewEnabled", false)
                .variable("preCommitteeScrutinyEnabled", true).start();
        complete(cycle, "draftUpdate", "author", Map.of());
        complete(cycle, "managerSignOff", "manager", Map.of("signOffOutcome", "approve"));
        complete(cycle, "preCommitteeScrutiny", "clerk", Map.of());

        assertThat(activeTask(cycle).getTaskDefinitionKey()).isEqualTo("scheduleToCommittee");
        assertThat(visited(cycle)).containsSubsequence("managerSignOff", "boardReviewApplies", "preCommitteeScrutinyApplies",
                "preCommitteeScrutiny", "scheduleToCommittee").doesNotContain("boardReview");
    }

    @Test
    void aDeferredDecisionGoesBackToScheduling() {
        ProcessInstance cycle = start("barnet", false);
        complete(cycle, "draftUpdate", "author", Map.of());
        complete(cycle, "managerSignOff", "manager", Map.of("signOffOutcome", "approve"));
        complete(cycle, "scheduleToCommittee", "clerk", Map.of());
        complete(cycle, "recordDecision", "clerk", Map.of("decisionStatus", "DEFERRED"));

        assertThat(activeTask(cycle).getTaskDefinitionKey()).isEqualTo("scheduleToCommittee");
    }

    @Test
    void aDecisionNotSubjectToCallInTakesEffectOnPublication() {
        ProcessInstance cycle = toPublication(start("barnet", false), false);

        assertThat(endedAt(cycle)).isEqualTo("decisionEffective");
    }

    @Test
    void tasksCarryTheirCouncilSoOneCouncilsQueueNeverShowsAnothersTasks() {
        ProcessInstance barnet = start("barnet", true);
        ProcessInstance towerHamlets = start("tower-hamlets", true);

        List<Task> barnetAuthors = engine.getTaskService().createTaskQuery().taskTenantId("barnet")
                .taskCandidateGroup("author").list();

        assertThat(barnetAuthors).extracting(Task::getProcessInstanceId).contains(barnet.getId())
                .doesNotContain(towerHamlets.getId());
        assertThat(barnetAuthors).extracting(Task::getTenantId).containsOnly("barnet");
    }

    private ProcessInstance toPublication(ProcessInstance cycle, boolean callIn) {
        complete(cycle, "draftUpdate", "author", Map.of());
        complete(cycle, "managerSignOff", "manager", Map.of("signOffOutcome", "approve"));
        if (engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey("boardReview").count() > 0) {
            complete(cycle, "boardReview", "board-chair", Map.of("boardOutcome", "endorse"));
        }
        complete(cycle, "scheduleToCommittee", "clerk", Map.of());
        complete(cycle, "recordDecision", "clerk", Map.of("decisionStatus", "NOTED"));
        Map<String, Object> publication = new HashMap<>();
        publication.put("subjectToCallIn", callIn);
        publication.put("callInEndsAt", Date.from(Instant.now().plus(7, ChronoUnit.DAYS)));
        complete(cycle, "publishDecision", "clerk", publication);
        return cycle;
    }

    private static ProcessInstance start(String tenant, boolean boardReview) {
        return engine.getRuntimeService().createProcessInstanceBuilder()
                .processDefinitionKey("reportCycle")
                .tenantId(tenant)
                .fallbackToDefaultTenant()
                .overrideProcessDefinitionTenantId(tenant)
                .variable("boardReviewEnabled", boardReview)
                .start();
    }

    private static void complete(ProcessInstance cycle, String taskKey, String group, Map<String, Object> variables) {
        Task task = activeTask(cycle);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
        assertThat(task.getTenantId()).isEqualTo(cycle.getTenantId());
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(group));
        engine.getTaskService().complete(task.getId(), variables);
    }

    private static Task activeTask(ProcessInstance cycle) {
        return engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId()).singleResult();
    }

    private static List<Job> executableTimers(ProcessInstance cycle) {
        return engine.getManagementService().createTimerJobQuery().processInstanceId(cycle.getId()).executable().list();
    }

    private static String endedAt(ProcessInstance cycle) {
        var historic = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(cycle.getId())
                .singleResult();
        assertThat(historic.getEndTime()).as("the cycle has ended").isNotNull();
        assertThat(historic.getTenantId()).isEqualTo(cycle.getTenantId());
        return historic.getEndActivityId();
    }

    private static List<String> visited(ProcessInstance cycle) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderByHistoricActivityInstanceId().asc().list().stream()
                .filter(a -> !"sequenceFlow".equals(a.getActivityType()))
                .filter(a -> a.getDeleteReason() == null) // the path not taken at the event gateway
                .filter(a -> !"boundaryEvent".equals(a.getActivityType())) // service-level timers waiting beside each task
                .map(HistoricActivityInstance::getActivityId)
                .toList();
    }
}
