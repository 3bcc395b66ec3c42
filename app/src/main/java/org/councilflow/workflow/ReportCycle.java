package org.councilflow.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.councilflow.common.Locality;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.Refusal;
import org.councilflow.common.RefusedAccessException;
import org.councilflow.common.RefusedException;
import org.councilflow.common.NotFoundException;
import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory;
import org.councilflow.meetings.Decisions;
import org.councilflow.meetings.Resolution;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.reports.Report;
import org.councilflow.reports.Reports;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.tenancy.Tenants;
import org.councilflow.tenancy.WorkingDays;
import org.councilflow.workflow.internal.VariantStore;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A report's way through the council's governance cycle, on the Flowable engine: started for a report, worked
 * through an inbox, each stage completed with its outcome under the server's rules (the stage's role, four-eyes,
 * reasons for returns), and its history. Every engine query names the current council's tenant id.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ReportCycle {

    static final String PROCESS = "reportCycle";
    /** The role whose holders may work each stage. */
    static final Map<String, Role> STAGE_ROLES = Map.of(
            "draftUpdate", Role.AUTHOR,
            "managerSignOff", Role.MANAGER,
            "boardReview", Role.BOARD_CHAIR,
            "scheduleToCommittee", Role.CLERK,
            "recordDecision", Role.CLERK,
            "publishDecision", Role.CLERK,
            "scrutiny", Role.CLERK,
            "preCommitteeScrutiny", Role.CLERK,
            // beside the cycle: a board challenge for the author to answer (on the review page; answering closes it)
            "answerChallenge", Role.AUTHOR);
    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", java.util.Locale.ROOT); // digits only: British order, any language
    /** Dates in messages people read: British, as the staff UI shows them. */
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy", java.util.Locale.ROOT);
    /** The most tasks one page of the inbox holds (the API's {@code size} and the UI's grid alike). */
    public static final int MAX_PAGE = 500;
    private static final List<String> URGENCIES = List.of("normal", "urgent");
    private static final Set<String> DECISIONS = Set.of("RECOMMENDATIONS_APPROVED", "APPROVED_AS_AMENDED", "DEFERRED",
            "NOT_APPROVED", "NOTED");

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    @org.springframework.beans.factory.annotation.Autowired
    private org.councilflow.workflow.internal.CycleRecords records;
    private final Reports reports;
    private final Tenants tenants;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final Meetings meetings;
    private final ProcessEngine engine;
    private final TenantDirectory directory;
    private final Decisions decisions;
    private final VariantStore variants;
    private final SharedReportCycle sharedCycle;
    private final FourEyes fourEyes;
    private final InboxRows rows;

    ReportCycle(RuntimeService runtime, TaskService tasks, HistoryService history, Reports reports, Tenants tenants,
            CurrentUsers users, ApplicationEventPublisher events, Meetings meetings, ProcessEngine engine,
            TenantDirectory directory, Decisions decisions, VariantStore variants, SharedReportCycle sharedCycle,
            FourEyes fourEyes, InboxRows rows) {
        this.rows = rows;
        this.fourEyes = fourEyes;
        this.decisions = decisions;
        this.variants = variants;
        this.sharedCycle = sharedCycle;
        this.directory = directory;
        this.meetings = meetings;
        this.engine = engine;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.reports = reports;
        this.tenants = tenants;
        this.users = users;
        this.events = events;
    }

    /** The role whose holders may work a stage of the cycle. */
    public static Role stageRole(String stage) {
        Role role = STAGE_ROLES.get(stage);
        if (role == null) {
            throw new IllegalArgumentException("No stage " + stage + " in the report cycle");
        }
        return role;
    }

    /**
     * Starts the cycle for a draft report: always the platform's shared process (never a council's own deployment),
     * with the council's variant passed in as data.
     */
    @PreAuthorize("hasAnyRole('AUTHOR', 'MANAGER')")
    public CycleTask start(UUID reportId) {
        return start(reportId, null);
    }

    /**
     * Starts the cycle at an urgency ({@code normal} unless given; {@code urgent} shortens every stage's service
     * level as the service-level table says).
     */
    @PreAuthorize("hasAnyRole('AUTHOR', 'MANAGER')")
    public CycleTask start(UUID reportId, String urgency) {
        String level = urgency == null || urgency.isBlank() ? "normal" : urgency.strip();
        if (!URGENCIES.contains(level)) {
            throw new IllegalArgumentException("urgency is one of " + String.join(", ", URGENCIES));
        }
        // one start at a time per report: a second one waits, then sees the first one's cycle
        reports.lock(reportId);
        Report report = reports.get(reportId);
        String tenant = TenantContext.require();
        if (runtime.createProcessInstanceQuery().processInstanceTenantId(tenant)
                .processInstanceBusinessKey(reportId.toString()).count() > 0) {
            throw new ConflictException(Refusal.of("cycle.alreadyStarted"));
        }
        if (report.stage() != Report.Stage.DRAFT) {
            // its cycle has ended: what was signed off stays as it was published; the next update is a new report
            throw new ConflictException(Refusal.of("cycle.ended", report.latestVersion()));
        }
        WorkflowVariant variant = variants.forCycle();
        ProcessInstance cycle = runtime.createProcessInstanceBuilder()
                .processDefinitionId(sharedCycle.definition().getId())
                .overrideProcessDefinitionTenantId(tenant)
                .businessKey(reportId.toString())
                .variable("reportId", reportId.toString())
                .variable("reportTitle", report.document().header().title())
                .variable("boardReviewEnabled", variant.boardReview())
                .variable("preCommitteeScrutinyEnabled", variant.preCommitteeScrutiny())
                .variable("startedBy", users.require().username())
                .variable("urgency", level)
                .start();
        events.publishEvent(Audited.inCurrentTenant("cycle.started", "report", reportId.toString(), null,
                Map.of("processInstance", cycle.getId())));
        return inboxItems(tasks.createTaskQuery().taskTenantId(tenant).processInstanceId(cycle.getId()).list()).get(0);
    }

    /**
     * One page of the inbox, filtered and sorted by the engine's query (so that thousands of tasks stay fast): my
     * tasks and those I may claim, as {@link #inbox()}, narrowed by {@code query}.
     */
    @Transactional(readOnly = true)
    public List<CycleTask> inbox(InboxQuery query, InboxQuery.Sort sort, boolean ascending, int offset, int limit) {
        var tasks = inboxQuery(query);
        tasks = switch (sort == null ? InboxQuery.Sort.CREATED : sort) {
            case CREATED -> tasks.orderByTaskCreateTime();
            case DUE -> tasks.orderByTaskDueDate();
            case STAGE -> tasks.orderByTaskName();
        };
        tasks = ascending ? tasks.asc() : tasks.desc();
        return inboxItems(tasks.orderByTaskId().asc().listPage(Math.max(0, offset), Math.max(0, Math.min(limit, MAX_PAGE))));
    }

    /** How many tasks {@link #inbox(InboxQuery, InboxQuery.Sort, boolean, int, int)} has in all. */
    @Transactional(readOnly = true)
    public long countInbox(InboxQuery query) {
        return inboxQuery(query).count();
    }

    private org.flowable.task.api.TaskQuery inboxQuery(InboxQuery filter) {
        CurrentUser me = users.require();
        String tenant = TenantContext.require();
        List<String> groups = me.rolesIn(tenant).stream().map(Role::groupName).toList();
        var query = tasks.createTaskQuery().taskTenantId(tenant);
        switch (filter.scope()) {
            case MINE -> query = query.taskAssignee(me.username());
            case CLAIMABLE -> query = groups.isEmpty() ? query.taskId("none") : query.taskCandidateGroupIn(groups);
            case ALL -> {
                query = query.or().taskAssignee(me.username());
                if (!groups.isEmpty()) {
                    query = query.taskCandidateGroupIn(groups);
                }
                query = query.endOr();
            }
        }
        if (filter.stage() != null) {
            query = query.taskDefinitionKey(filter.stage());
        }
        if (filter.text() != null) {
            query = query.processVariableValueLikeIgnoreCase("reportTitle",
                    "%" + filter.text().replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        if (filter.overdueOnly()) {
            query = query.taskDueBefore(java.util.Date.from(now()));
        }
        if (filter.reportId() != null) {
            query = query.processInstanceBusinessKey(filter.reportId().toString());
        }
        return query;
    }

    public CycleTask claim(String taskId) {
        Task task = task(taskId);
        requireRole(task);
        String me = users.require().username();
        if (task.getAssignee() != null && !task.getAssignee().equals(me)) {
            throw new ConflictException(Refusal.of("task.claimedBy", task.getAssignee()));
        }
        fourEyes.refusal(stageOf(task), variables(task), me)
                .ifPresent(why -> {
                    throw new RefusedAccessException(why);
                });
        try {
            tasks.claim(taskId, me);
            claimed(taskId);
        } catch (FlowableOptimisticLockingException | org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException e) {
            throw new ConflictException(Refusal.of("task.claimedMeanwhile"));
        }
        return item(taskId);
    }

    /**
     * Why the current user may not work this task (their roles, or four-eyes), in words to show beside it; empty when
     * they may claim or open it. The inbox offers nothing this refuses.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Refusal> refusal(CycleTask task) {
        Role role = STAGE_ROLES.get(task.stage());
        if (role == null || !users.require().hasRole(TenantContext.require(), role)) {
            return java.util.Optional.of(Refusal.of("task.onlyRole", roleWord(role), task.name()));
        }
        if (!"managerSignOff".equals(task.stage())) {
            return java.util.Optional.empty();
        }
        Task engineTask = task(task.id());
        return fourEyes.refusal(task.stage(), runtime.getVariables(engineTask.getProcessInstanceId()), users.require().username())
                .map(FourEyes::toYou);
    }

    /** A new holder starts untouched: left so past the stage's due time, the task goes back to the pool. */
    void claimed(String taskId) {
        tasks.setVariableLocal(taskId, "claimedAt", Date.from(now()));
        tasks.removeVariableLocal(taskId, "touchedAt");
    }

    public CycleTask unclaim(String taskId) {
        Task task = task(taskId);
        String me = users.require().username();
        if (!me.equals(task.getAssignee())) {
            throw new ConflictException(task.getAssignee() == null ? Refusal.of("task.unclaimed")
                    : Refusal.of("task.onlyHolderReleases", task.getAssignee()));
        }
        tasks.unclaim(taskId);
        return item(taskId);
    }

    /**
     * Hands a task to another person of this council who holds the stage's role; the caller must hold the role and,
     * if the task is claimed, be the one who claimed it.
     */
    public CycleTask delegate(String taskId, String username) {
        Task task = task(taskId);
        requireRole(task);
        String me = users.require().username();
        if (task.getAssignee() != null && !task.getAssignee().equals(me)) {
            throw new ConflictException(Refusal.of("task.onlyHolderHandsOn", task.getAssignee()));
        }
        Role role = STAGE_ROLES.get(stageOf(task));
        boolean holdsRole = directory.users(TenantContext.require()).stream()
                .anyMatch(user -> user.username().equals(username) && user.roles().contains(role));
        if (!holdsRole) {
            throw RefusedException.of("task.notInRole", username, roleWord(role), task.getName());
        }
        fourEyes.refusal(stageOf(task), variables(task), username)
                .ifPresent(why -> {
                    throw new RefusedException(why);
                });
        String holder = task.getAssignee(); // read before the engine's cached task changes
        tasks.setAssignee(taskId, username);
        claimed(taskId);
        events.publishEvent(Audited.inCurrentTenant("cycle.task-delegated", "task", taskId,
                holder == null ? null : Map.of("assignee", holder), Map.of("assignee", username)));
        return item(taskId);
    }

    /** Completes a stage with its outcome; the rules of the stage are enforced here, whatever the client sends. */
    public void complete(String taskId, Completion completion) {
        // one engine command for the whole completion: the task and the cycle's variables are read once and the
        // engine's writes flushed together at its end, in this transaction (ADR 0026)
        try {
            engine.getManagementService().executeCommand(context -> {
                completeInCommand(taskId, completion);
                return null;
            });
        } catch (FlowableOptimisticLockingException e) {
            throw alreadyDone(taskId); // someone else's completion committed first: found when this one flushed
        }
    }

    private void completeInCommand(String taskId, Completion completion) {
        Task task = task(taskId);
        if (task.getProcessInstanceId() == null) {
            throw new ConflictException(Refusal.of("task.closesItself"));
        }
        requireRole(task);
        String me = users.require().username();
        if (task.getAssignee() != null && !task.getAssignee().equals(me)) {
            throw new ConflictException(Refusal.of("task.heldBy", task.getAssignee()));
        }
        Map<String, Object> form = completion.form() == null ? Map.of() : completion.form();
        requireKnownFields(task.getTaskDefinitionKey(), form);
        Map<String, Object> variables = new HashMap<>();
        String outcome = completion.outcome();
        Map<String, Object> processVariables = runtime.getVariables(task.getProcessInstanceId());
        UUID reportId = UUID.fromString((String) processVariables.get("reportId"));
        switch (task.getTaskDefinitionKey()) {
            case "draftUpdate" -> {
                expect(outcome, "submit");
                variables.put("submittedBy", me);
                // freezes the version with its appendices and locks the report until it is returned
                variables.put("submittedVersion", reports.submit(reportId).number());
            }
            case "managerSignOff" -> {
                expect(outcome, "approve", "return");
                if (me.equals(processVariables.get("submittedBy"))) {
                    throw new RefusedAccessException(Refusal.of("fourEyes.youSubmitted"));
                }
                requireReasonForReturn(outcome, completion.reason());
                if ("approve".equals(outcome)) {
                    // approves exactly the submitted version; refuses anyone who wrote any of it (four-eyes)
                    reports.approve(reportId, ((Number) processVariables.get("submittedVersion")).intValue());
                } else {
                    reports.returnForChanges(reportId, completion.reason());
                }
                variables.put("signOffOutcome", outcome);
            }
            case "boardReview" -> {
                expect(outcome, "endorse", "return");
                requireReasonForReturn(outcome, completion.reason());
                if ("return".equals(outcome)) {
                    reports.returnForChanges(reportId, completion.reason());
                }
                variables.put("boardOutcome", outcome);
            }
            case "scheduleToCommittee" -> {
                expect(outcome, "schedule");
                Meeting meeting = meetings.get(uuid(form, "meetingId"));
                if (!meeting.startsAt().isAfter(now())) {
                    // the live cycle schedules only to meetings still to come (past meetings come in by import)
                    throw new ConflictException(Refusal.of("schedule.started", meeting.committeeName(), when(meeting.startsAt())));
                }
                Tenant council = tenants.requireCurrent();
                LocalDate meetingDay = meeting.startsAt().atZone(Locality.zoneId()).toLocalDate();
                int notice = WorkingDays.of(council).clearDaysBetween(today(), meetingDay);
                if (notice < council.settings().agendaNoticeDays()) {
                    throw new ConflictException(Refusal.of("schedule.notice", meeting.committeeName(), DAY.format(meetingDay),
                            Math.max(notice, 0), council.settings().agendaNoticeDays()));
                }
                meetings.schedule(meeting.id(), reportId);
                variables.put("meetingId", meeting.id().toString());
                variables.put("meetingDate", meetingDay.toString());
            }
            case "recordDecision" -> {
                if (!DECISIONS.contains(outcome)) {
                    throw RefusedException.of("decision.statusOneOf", DECISIONS);
                }
                Meeting held = requireStarted(processVariables, "recorded");
                LocalDate meeting = held.startsAt().atZone(Locality.zoneId()).toLocalDate();
                List<Resolution> resolutions = Resolution.fromForm(form.get("resolutions"));
                List<Resolution> resolutionsCy = WelshDecision.resolutions(form.get("resolutionsCy"));
                if (!"DEFERRED".equals(outcome) && resolutions.isEmpty() && resolutionsCy.isEmpty()) {
                    throw RefusedException.of("decision.resolutionsRequired");
                }
                Object minutes = form.get("minutes");
                if (minutes != null && String.valueOf(minutes).length() > 200_000) {
                    throw RefusedException.of("decision.minutesTooLong");
                }
                String minutesCy = WelshDecision.minutes(form.get("minutesCy"));
                boolean keyDecision = form.containsKey("keyDecision")
                        ? Boolean.TRUE.equals(form.get("keyDecision"))
                        : reports.get(reportId).document().header().keyDecision();
                decisions.record(reportId, UUID.fromString((String) processVariables.get("meetingId")), outcome, meeting,
                        keyDecision, resolutions, minutes == null ? null : String.valueOf(minutes), resolutionsCy, minutesCy, me);
                variables.put("decisionStatus", outcome);
            }
            case "publishDecision" -> {
                expect(outcome, "publish");
                requireStarted(processVariables, "published");
                boolean callIn = Boolean.TRUE.equals(form.get("subjectToCallIn"));
                Instant callInEnds = callInEndsIfPublishedNow();
                decisions.publish(reportId, callIn, now(), callInEnds);
                variables.put("subjectToCallIn", callIn);
                variables.put("callInEndsAt", Date.from(callInEnds));
            }
            default -> expect(outcome, "done");
        }
        // the outcome and reason stay with the task (its history shows them); set in the completing command itself
        Map<String, Object> local = new HashMap<>();
        local.put("outcome", outcome);
        if (completion.reason() != null && !completion.reason().isBlank()) {
            local.put("reason", completion.reason().strip());
        }
        try {
            if (task.getAssignee() == null) {
                tasks.claim(taskId, me);
            }
            tasks.createTaskCompletionBuilder().taskId(taskId).variables(variables).variablesLocal(local).complete();
        } catch (FlowableOptimisticLockingException | FlowableObjectNotFoundException
                | org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException e) {
            throw alreadyDone(taskId);
        }
        events.publishEvent(Audited.inCurrentTenant("cycle." + task.getTaskDefinitionKey() + "." + outcome.toLowerCase(),
                "report", reportId.toString(), null, completion.reason() == null ? Map.of("outcome", outcome)
                        : Map.of("outcome", outcome, "reason", completion.reason())));
    }

    /**
     * A councillor asks for a published decision to be called in, inside its call-in period: the decision goes to
     * scrutiny instead of taking effect.
     */
    @PreAuthorize("hasRole('MEMBER')")
    public void requestCallIn(UUID reportId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 5000) {
            throw RefusedException.of("callIn.reasonRequired");
        }
        reports.exists(reportId);
        ProcessInstance cycle = runtime.createProcessInstanceQuery().processInstanceTenantId(TenantContext.require())
                .processInstanceBusinessKey(reportId.toString()).singleResult();
        var waiting = cycle == null ? null : runtime.createExecutionQuery().processInstanceId(cycle.getId())
                .messageEventSubscriptionName("callInRequested").singleResult();
        if (waiting == null) {
            throw new ConflictException(Refusal.of("callIn.notInPeriod"));
        }
        String me = users.require().username();
        decisions.calledIn(reportId, now());
        runtime.messageEventReceived("callInRequested", waiting.getId(),
                Map.of("calledInBy", me, "callInReason", reason.strip()));
        events.publishEvent(Audited.inCurrentTenant("cycle.call-in-requested", "report", reportId.toString(), null,
                Map.of("by", me, "reason", reason.strip())));
    }

    /** The report's way through its cycle so far: every stage, who, when, the outcome and the reason. */
    @Transactional(readOnly = true)
    public List<CycleEvent> history(UUID reportId) {
        reports.get(reportId);
        // cycles past the council's retention were moved from the engine into its records (HistoryRetention)
        return java.util.stream.Stream.concat(records.of(reportId).stream(), history.createHistoricTaskInstanceQuery().taskTenantId(TenantContext.require())
                .processInstanceBusinessKey(reportId.toString()).includeTaskLocalVariables()
                .orderByHistoricTaskInstanceStartTime().asc().list().stream()
                .map(t -> new CycleEvent(t.getTaskDefinitionKey(), t.getName(), t.getEndTime() == null ? null : t.getAssignee(),
                        t.getCreateTime().toInstant(), t.getEndTime() == null ? null : t.getEndTime().toInstant(),
                        (String) t.getTaskLocalVariables().get("outcome"), (String) t.getTaskLocalVariables().get("reason"))))
                .toList();
    }

    /** When a decision published now would leave its call-in period: the council's call-in days, in working days. */
    @Transactional(readOnly = true)
    public Instant callInEndsIfPublishedNow() {
        Tenant council = tenants.requireCurrent();
        LocalDate lastDay = WorkingDays.of(council).plus(today(), council.settings().callInDays());
        return lastDay.atTime(LocalTime.of(23, 59)).atZone(Locality.zoneId()).toInstant();
    }

    /** Now, by the engine's clock (which tests move instead of waiting). */
    public Instant now() {
        return engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
    }

    /**
     * The meeting the report was scheduled to, if it has started by the engine's clock: instants, not dates, so that
     * a decision is never recorded on the morning of an evening meeting.
     */
    private Meeting requireStarted(Map<String, Object> processVariables, String action) {
        if (!(processVariables.get("meetingId") instanceof String meetingId)) {
            throw new ConflictException(Refusal.of("decision.notScheduled." + action));
        }
        Meeting meeting = meetings.get(UUID.fromString(meetingId));
        if (now().isBefore(meeting.startsAt())) {
            throw new ConflictException(Refusal.of("decision.meetingNotBegun." + action, meeting.committeeName(),
                    when(meeting.startsAt())));
        }
        return meeting;
    }

    /** A role's name in a refusal, said in the reader's language ("manager", "rheolwr"). */
    static Object roleWord(Role role) {
        return role == null ? "?" : Refusal.of("role." + role.groupName());
    }

    private static String when(Instant instant) {
        return WHEN.format(instant.atZone(Locality.zoneId()));
    }

    /** Today in the council's time zone, by the engine's clock. */
    private LocalDate today() {
        return now().atZone(Locality.zoneId()).toLocalDate();
    }

    private ConflictException alreadyDone(String taskId) {
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskTenantId(TenantContext.require())
                .taskId(taskId).singleResult();
        if (done != null && done.getEndTime() != null) {
            return new ConflictException(Refusal.of("task.alreadyCompleted", done.getAssignee(), done.getEndTime().toInstant()));
        }
        return new ConflictException(Refusal.of("task.actedMeanwhile"));
    }

    Task task(String taskId) {
        Task task = tasks.createTaskQuery().taskTenantId(TenantContext.require()).taskId(taskId).singleResult();
        if (task == null) {
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskTenantId(TenantContext.require())
                    .taskId(taskId).singleResult();
            if (done != null) {
                throw alreadyDone(taskId);
            }
            throw new NotFoundException("No task " + taskId + " in this council");
        }
        return task;
    }

    private void requireRole(Task task) {
        Role role = STAGE_ROLES.get(stageOf(task));
        if (role == null || !users.require().hasRole(TenantContext.require(), role)) {
            throw new RefusedAccessException(Refusal.of("task.onlyRole", roleWord(role), task.getName()));
        }
    }

    /** The stage of a task: its key in the cycle, or for a task beside the cycle its category. */
    static String stageOf(Task task) {
        return task.getProcessInstanceId() == null ? task.getCategory() : task.getTaskDefinitionKey();
    }

    /** The cycle's variables of a task's report (a task beside the cycle: its own). */
    Map<String, Object> variables(Task task) {
        return task.getProcessInstanceId() == null ? tasks.getVariablesLocal(task.getId()) : runtime.getVariables(task.getProcessInstanceId());
    }

    private CycleTask item(String taskId) {
        return inboxItems(tasks.createTaskQuery().taskTenantId(TenantContext.require()).taskId(taskId).list()).get(0);
    }

    /** The tasks (queried without variables) as the inbox shows them, with only the variables it shows. */
    List<CycleTask> inboxItems(List<Task> list) {
        return rows.of(list, now());
    }

    private static void expect(String outcome, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(outcome)) {
                return;
            }
        }
        throw RefusedException.of("task.outcomeOneOf", String.join(", ", allowed));
    }

    private static void requireReasonForReturn(String outcome, String reason) {
        if ("return".equals(outcome) && (reason == null || reason.isBlank())) {
            throw RefusedException.of("task.returnReasonRequired");
        }
    }

    /** The fields each stage's form has; anything else is refused (400 naming it), never dropped silently. */
    private static final Map<String, java.util.Set<String>> FORM_FIELDS = Map.of(
            "scheduleToCommittee", java.util.Set.of("meetingId"),
            "recordDecision", java.util.Set.of("resolutions", "minutes", "keyDecision", "resolutionsCy", "minutesCy"),
            "publishDecision", java.util.Set.of("subjectToCallIn"));

    private static void requireKnownFields(String stage, Map<String, Object> form) {
        java.util.Set<String> known = FORM_FIELDS.getOrDefault(stage, java.util.Set.of());
        form.keySet().stream().filter(key -> !known.contains(key)).sorted().findFirst().ifPresent(key -> {
            throw new org.councilflow.common.InvalidFieldException("form." + key, "is not a field of this stage's form"
                    + (known.isEmpty() ? " (it has none)" : " (its fields: " + String.join(", ", new java.util.TreeSet<>(known)) + ")"));
        });
    }

    private static UUID uuid(Map<String, Object> form, String field) {
        try {
            return UUID.fromString(String.valueOf(form.get(field)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " must name one of the council's meetings");
        }
    }
}
