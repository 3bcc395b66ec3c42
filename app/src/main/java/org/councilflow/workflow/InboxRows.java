package org.councilflow.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.councilflow.identity.Role;
import org.flowable.engine.RuntimeService;
import org.flowable.task.api.Task;
import org.flowable.variable.api.persistence.entity.VariableInstance;
import org.flowable.variable.api.runtime.NativeVariableInstanceQuery;
import org.springframework.stereotype.Component;

/**
 * Tasks as the inbox shows them, with only the variables it shows. The engine's {@code includeProcessVariables()}
 * joins every variable of every process to every task (11 a cycle, to read three) and has no name filter for task
 * queries in Flowable 7.2; here the tasks come without variables and the shown ones follow in one query by name.
 */
@Component
class InboxRows {

    /** The cycle's variables the inbox shows (a task beside the cycle carries them as its own). */
    static final List<String> SHOWN = List.of("reportId", "reportTitle", "urgency");
    /** The task's own variable the inbox shows. */
    static final String ESCALATED = "escalated";

    private final RuntimeService runtime;

    InboxRows(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** The tasks (queried without variables, already limited to the caller's council) as inbox rows, in order. */
    List<CycleTask> of(List<Task> tasks, Instant now) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> byProcess = new HashMap<>();
        Map<String, Map<String, Object>> byTask = new HashMap<>();
        for (VariableInstance variable : shownVariables(tasks)) {
            Map<String, Map<String, Object>> owner = variable.getTaskId() == null ? byProcess : byTask;
            String key = variable.getTaskId() == null ? variable.getExecutionId() : variable.getTaskId();
            owner.computeIfAbsent(key, k -> new HashMap<>()).put(variable.getName(), variable.getValue());
        }
        return tasks.stream().map(t -> {
            Map<String, Object> local = byTask.getOrDefault(t.getId(), Map.of());
            // a task beside the cycle (answering a board challenge) carries its report in its own variables
            boolean beside = t.getProcessInstanceId() == null;
            Map<String, Object> variables = beside ? local : byProcess.getOrDefault(t.getProcessInstanceId(), Map.of());
            String stage = beside ? t.getCategory() : t.getTaskDefinitionKey();
            Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
            Role role = ReportCycle.STAGE_ROLES.get(stage);
            String reportId = (String) variables.get("reportId");
            return new CycleTask(t.getId(), stage, t.getName(),
                    reportId == null ? null : UUID.fromString(reportId), (String) variables.get("reportTitle"),
                    role == null ? null : role.groupName(), t.getAssignee(), t.getCreateTime().toInstant(), due,
                    due != null && due.isBefore(now), Boolean.TRUE.equals(local.get(ESCALATED)),
                    (String) variables.getOrDefault("urgency", "normal"));
        }).toList();
    }

    /**
     * One round trip: the shown variables of the tasks' processes (stored on the process instance's execution) and
     * of the tasks themselves. Ids come from the engine's own task rows, names are constants; all are bound parameters.
     */
    private List<VariableInstance> shownVariables(List<Task> tasks) {
        Set<String> processes = new LinkedHashSet<>();
        Set<String> taskIds = new LinkedHashSet<>();
        for (Task task : tasks) {
            taskIds.add(task.getId());
            if (task.getProcessInstanceId() != null) {
                processes.add(task.getProcessInstanceId());
            }
        }
        var query = runtime.createNativeVariableInstanceQuery();
        StringBuilder sql = new StringBuilder("SELECT * FROM ACT_RU_VARIABLE WHERE ");
        if (!processes.isEmpty()) {
            sql.append("(TASK_ID_ IS NULL AND EXECUTION_ID_ IN (").append(placeholders("p", query, processes))
                    .append(") AND NAME_ IN (").append(placeholders("n", query, SHOWN)).append(")) OR ");
        }
        List<String> localNames = new ArrayList<>(SHOWN);
        localNames.add(ESCALATED);
        sql.append("(TASK_ID_ IN (").append(placeholders("t", query, taskIds))
                .append(") AND NAME_ IN (").append(placeholders("l", query, localNames)).append("))");
        return query.sql(sql.toString()).list();
    }

    private static String placeholders(String prefix, NativeVariableInstanceQuery query, Collection<String> values) {
        StringBuilder names = new StringBuilder();
        int i = 0;
        for (String value : values) {
            String name = prefix + i++;
            query.parameter(name, value);
            names.append(names.isEmpty() ? "" : ", ").append("#{").append(name).append('}');
        }
        return names.toString();
    }
}
