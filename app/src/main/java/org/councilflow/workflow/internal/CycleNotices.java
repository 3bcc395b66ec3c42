package org.councilflow.workflow.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.Audited;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.workflow.StageDueSoon;
import org.councilflow.workflow.StageEscalated;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.task.api.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Called by the stages' boundary timers ({@code ${cycleNotices.remind(execution, 'stage')}} and
 * {@code escalate}): raises the events that notifications turn into e-mail, and marks an overdue task escalated.
 * Runs in the timer's job, whose council the job's tenant scope has already entered. Whom to remind and to escalate to
 * come from the council's variant, set as the stage started ({@link CycleServiceLevels}).
 */
@Component("cycleNotices")
class CycleNotices {

    /** The priority an escalated task gets, above the engine's default of 50. */
    static final int ESCALATED_PRIORITY = 80;

    private final TaskService tasks;
    private final ApplicationEventPublisher events;

    CycleNotices(@Lazy TaskService tasks, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.events = events;
    }

    public void remind(DelegateExecution execution, String stage) {
        Task task = task(execution, stage);
        if (task == null) {
            return;
        }
        events.publishEvent(new StageDueSoon(execution.getTenantId(), reportId(execution), title(execution), stage,
                task.getName(), task.getAssignee(), remindRole(execution, stage), dueAt(task)));
    }

    public void escalate(DelegateExecution execution, String stage) {
        Task task = task(execution, stage);
        if (task == null) {
            return;
        }
        tasks.setVariableLocal(task.getId(), "escalated", true);
        tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
        String escalateTo = String.valueOf(execution.getVariable("stageEscalateTo"));
        UUID reportId = reportId(execution);
        events.publishEvent(new StageEscalated(execution.getTenantId(), reportId, title(execution), stage, task.getName(),
                task.getAssignee(), dueAt(task), escalateTo));
        events.publishEvent(Audited.inCurrentTenant("cycle.escalated", "report", reportId.toString(), null,
                Map.of("stage", stage, "escalatedTo", escalateTo)));
        releaseIfUntouched(task);
    }

    /**
     * A task claimed and then left untouched until its stage fell due goes back to the pool, so that someone else
     * holding the role can take it; one its holder worked on ({@link TaskTouches}) stays with them.
     */
    private void releaseIfUntouched(Task task) {
        if (task.getAssignee() == null || tasks.getVariableLocal(task.getId(), TaskTouches.TOUCHED_AT) != null) {
            return;
        }
        String holder = task.getAssignee(); // the engine's cached task forgets it once unclaimed
        tasks.unclaim(task.getId());
        events.publishEvent(Audited.inCurrentTenant("cycle.task-released", "task", task.getId(),
                Map.of("assignee", holder), Map.of("releasedBy", "service level: untouched until due")));
    }

    /** The variant's reminder role for the stage, set as it started (cycles started before variants: the stage's role). */
    private static String remindRole(DelegateExecution execution, String stage) {
        Object role = execution.getVariable("stageRemindRole");
        return role == null ? ReportCycle.stageRole(stage).groupName() : role.toString();
    }

    private Task task(DelegateExecution execution, String stage) {
        return tasks.createTaskQuery().taskTenantId(execution.getTenantId())
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(stage).singleResult();
    }

    private static UUID reportId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("reportId"));
    }

    private static String title(DelegateExecution execution) {
        return (String) execution.getVariable("reportTitle");
    }

    private static Instant dueAt(Task task) {
        return task.getDueDate() == null ? null : task.getDueDate().toInstant();
    }
}
