package org.councilflow.workflow;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.Refusal;
import org.councilflow.common.RefusedException;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory;
import org.councilflow.tenancy.TenantContext;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The council's open tasks as a team lead sees them (managers for drafting and sign-off, the board's chair for its
 * review, clerks for the committee's stages): every one by stage and due date, and who holds it; a lead gives a
 * claimed task to someone else or back to the pool, only ever to people of this council who hold the stage's role
 * and whom four-eyes allows.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class TeamTasks {

    private static final String LEAD_ROLES = "hasAnyRole('MANAGER', 'CLERK', 'BOARD_CHAIR')";

    /** Whose holders lead each stage: they may reassign and release its tasks. */
    static final Map<String, Role> LEADS = Map.of(
            "draftUpdate", Role.MANAGER,
            "managerSignOff", Role.MANAGER,
            "boardReview", Role.BOARD_CHAIR,
            "scheduleToCommittee", Role.CLERK,
            "recordDecision", Role.CLERK,
            "publishDecision", Role.CLERK,
            "scrutiny", Role.CLERK,
            "preCommitteeScrutiny", Role.CLERK);

    private final ReportCycle cycle;
    private final TaskService tasks;
    private final TenantDirectory directory;
    private final CurrentUsers users;
    private final FourEyes fourEyes;
    private final ApplicationEventPublisher events;

    TeamTasks(ReportCycle cycle, TaskService tasks, TenantDirectory directory, CurrentUsers users,
            FourEyes fourEyes, ApplicationEventPublisher events) {
        this.cycle = cycle;
        this.tasks = tasks;
        this.directory = directory;
        this.users = users;
        this.fourEyes = fourEyes;
        this.events = events;
    }

    /** Every open task of the council at the stages the caller leads, by stage in the cycle's order, then due date. */
    @Transactional(readOnly = true)
    @PreAuthorize(LEAD_ROLES)
    public List<CycleTask> open() {
        List<String> stages = ledByMe();
        if (stages.isEmpty()) {
            return List.of();
        }
        List<String> order = java.util.Arrays.stream(CycleStage.values()).map(CycleStage::key).toList();
        return cycle.inboxItems(tasks.createTaskQuery().taskTenantId(TenantContext.require()).taskDefinitionKeys(stages)
                .orderByTaskDueDate().asc().listPage(0, 1000))
                .stream()
                .sorted(Comparator.comparingInt((CycleTask t) -> order.indexOf(t.stage()))
                        .thenComparing(CycleTask::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * The people of this council the task may be given to: holding its stage's role, allowed by four-eyes. Asked by
     * its stage's lead (to reassign) or by someone holding the stage's role (to hand it on).
     */
    @Transactional(readOnly = true)
    public List<String> candidates(String taskId) {
        Task task = cycle.task(taskId);
        if (!leads(task) && !users.require().hasRole(TenantContext.require(), ReportCycle.stageRole(ReportCycle.stageOf(task)))) {
            throw new AccessDeniedException("Only a " + ReportCycle.stageRole(ReportCycle.stageOf(task)).groupName()
                    + " or the stage's lead can see who may take " + task.getName());
        }
        Map<String, Object> variables = cycle.variables(task);
        Role role = ReportCycle.stageRole(ReportCycle.stageOf(task));
        return directory.users(TenantContext.require()).stream()
                .filter(user -> user.enabled() && user.roles().contains(role))
                .map(TenantDirectory.DirectoryUser::username)
                .filter(username -> !username.equals(task.getAssignee()))
                .filter(username -> fourEyes.refusal(ReportCycle.stageOf(task), variables, username).isEmpty())
                .sorted().toList();
    }

    /** Gives the task to {@code username}, whoever holds it now; refused for anyone {@link #candidates} leaves out. */
    @PreAuthorize(LEAD_ROLES)
    public CycleTask reassign(String taskId, String username) {
        Task task = led(taskId);
        if (username == null || !candidates(taskId).contains(username)) {
            Role role = ReportCycle.stageRole(ReportCycle.stageOf(task));
            Refusal why = username == null ? null : fourEyes.refusal(ReportCycle.stageOf(task),
                    cycle.variables(task), username).orElse(null);
            throw new RefusedException(why != null ? why : Refusal.of("team.reassignWho", ReportCycle.roleWord(role)));
        }
        String holder = task.getAssignee();
        tasks.setAssignee(taskId, username);
        cycle.claimed(taskId);
        events.publishEvent(Audited.inCurrentTenant("cycle.task-reassigned", "task", taskId,
                holder == null ? null : Map.of("assignee", holder), Map.of("assignee", username)));
        return cycle.inboxItems(List.of(reload(taskId))).get(0);
    }

    /** Puts a claimed task back in the pool, for anyone holding its stage's role (and allowed by four-eyes) to claim. */
    @PreAuthorize(LEAD_ROLES)
    public CycleTask release(String taskId) {
        Task task = led(taskId);
        if (task.getAssignee() == null) {
            throw new ConflictException(Refusal.of("task.alreadyInPool"));
        }
        String holder = task.getAssignee();
        tasks.unclaim(taskId);
        events.publishEvent(Audited.inCurrentTenant("cycle.task-released", "task", taskId,
                Map.of("assignee", holder), Map.of("releasedBy", users.require().username())));
        return cycle.inboxItems(List.of(reload(taskId))).get(0);
    }

    /** Whether the current user leads the task's stage (may reassign and release it). */
    @Transactional(readOnly = true)
    public boolean leads(CycleTask task) {
        Role lead = LEADS.get(task.stage());
        return lead != null && users.require().hasRole(TenantContext.require(), lead);
    }

    private boolean leads(Task task) {
        Role lead = LEADS.get(task.getTaskDefinitionKey());
        return lead != null && users.require().hasRole(TenantContext.require(), lead);
    }

    private Task led(String taskId) {
        Task task = cycle.task(taskId);
        Role lead = LEADS.get(task.getTaskDefinitionKey());
        if (!leads(task)) {
            throw new AccessDeniedException("Only a " + (lead == null ? "?" : lead.groupName()) + " can reassign "
                    + task.getName());
        }
        return task;
    }

    private Task reload(String taskId) {
        return tasks.createTaskQuery().taskTenantId(TenantContext.require()).taskId(taskId).singleResult();
    }

    private List<String> ledByMe() {
        var roles = users.require().rolesIn(TenantContext.require());
        return LEADS.entrySet().stream().filter(e -> roles.contains(e.getValue())).map(Map.Entry::getKey).sorted().toList();
    }
}
