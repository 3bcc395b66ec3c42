package org.councilflow.workflow.internal;

import java.util.Map;

import org.councilflow.common.Audited;
import org.councilflow.identity.Role;
import org.councilflow.tenancy.TenantContext;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A board challenge is work for the report's author: raising one puts a task "Answer the board's challenge" in the
 * inbox of whoever submitted the version (or of the council's authors, before any submission), and answering or
 * closing it takes that task away. The task stands beside the cycle (not a stage of the shared process), in the same
 * council, carrying the report and the challenge as its own variables.
 */
@Component
class ChallengeTasks {

    /** The inbox's name for these tasks, kept as the task's category (the cycle's stages are its task keys). */
    static final String STAGE = "answerChallenge";

    private final TaskService tasks;
    private final RuntimeService runtime;

    ChallengeTasks(@Lazy TaskService tasks, @Lazy RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @EventListener
    void on(Audited event) {
        if (!"report".equals(event.subjectType()) || !(event.after() instanceof Map<?, ?> after)
                || !(after.get("challenge") instanceof String challenge)) {
            return;
        }
        String tenant = event.tenant() != null ? event.tenant() : TenantContext.current().orElse(null);
        if (tenant == null) {
            return;
        }
        switch (event.action()) {
            case "report.challenge-raised" -> raised(tenant, event.subjectId(), challenge, String.valueOf(after.get("part")));
            case "report.challenge-answered", "report.challenge-closed" -> tasks.createTaskQuery().taskTenantId(tenant)
                    .taskCategory(STAGE).taskVariableValueEquals("challengeId", challenge).list()
                    .forEach(task -> tasks.complete(task.getId()));
            default -> {
            }
        }
    }

    private void raised(String tenant, String reportId, String challenge, String part) {
        ProcessInstance cycle = runtime.createProcessInstanceQuery().processInstanceTenantId(tenant)
                .processInstanceBusinessKey(reportId).includeProcessVariables().singleResult();
        Map<String, Object> variables = cycle == null ? Map.of() : cycle.getProcessVariables();
        Task task = tasks.newTask();
        task.setName("Answer the board's challenge");
        task.setCategory(STAGE);
        task.setTenantId(tenant);
        task.setDescription("A challenge on " + part);
        Object author = variables.get("submittedBy");
        if (author != null) {
            task.setAssignee(author.toString());
        }
        tasks.saveTask(task);
        if (author == null) {
            tasks.addCandidateGroup(task.getId(), Role.AUTHOR.groupName());
        }
        tasks.setVariablesLocal(task.getId(), Map.of("reportId", reportId, "challengeId", challenge, "part", part,
                "reportTitle", String.valueOf(variables.getOrDefault("reportTitle", ""))));
    }
}
