package org.councilflow.workflow.internal;

import java.util.Date;

import org.councilflow.common.Audited;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.tenancy.TenantContext;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Notes when the holder of a claimed task works on its report (saves a part, comments, answers a challenge: anything
 * the audit trail records about the report), so that the overdue timer releases only tasks claimed and then left
 * untouched ({@link CycleNotices#escalate}).
 */
@Component
class TaskTouches {

    static final String TOUCHED_AT = "touchedAt";

    private final TaskService tasks;
    private final CurrentUsers users;
    private final ProcessEngineConfiguration engine;

    TaskTouches(@Lazy TaskService tasks, CurrentUsers users, @Lazy ProcessEngineConfiguration engine) {
        this.tasks = tasks;
        this.users = users;
        this.engine = engine;
    }

    @EventListener
    void on(Audited event) {
        if (!"report".equals(event.subjectType()) || !event.action().startsWith("report.")) {
            return;
        }
        String tenant = event.tenant() != null ? event.tenant() : TenantContext.current().orElse(null);
        var me = users.current();
        if (tenant == null || me.isEmpty()) {
            return;
        }
        Date now = engine.getClock().getCurrentTime();
        tasks.createTaskQuery().taskTenantId(tenant).processInstanceBusinessKey(event.subjectId())
                .taskAssignee(me.get().username()).list()
                .forEach(task -> tasks.setVariableLocal(task.getId(), TOUCHED_AT, now));
    }
}
