package org.councilflow.workflow.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.Tenants;
import org.councilflow.tenancy.WorkingDays;
import org.councilflow.workflow.WorkflowProperties;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.dmn.api.DmnDecisionService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Called by the BPMN as each stage starts ({@code ${cycleServiceLevels.stageStarted(execution)}}): looks the stage
 * up in the service-level table (DMN {@code slaPolicy}, the council's own deployment if it has one, else the
 * shared one) by stage and urgency, lets the council's settings override the working days, and sets when the
 * stage is due, when its holder is reminded and whose role an overdue task escalates to. The task's due date and
 * its two boundary timers read these variables.
 */
@Component("cycleServiceLevels")
class CycleServiceLevels {

    static final String NORMAL = "normal";

    private final DmnDecisionService decisions;
    private final Tenants tenants;
    private final WorkflowProperties properties;
    private final ProcessEngineConfiguration engine;

    CycleServiceLevels(@Lazy DmnDecisionService decisions, @Lazy Tenants tenants, WorkflowProperties properties,
            @Lazy ProcessEngineConfiguration engine) {
        this.decisions = decisions;
        this.tenants = tenants;
        this.properties = properties;
        this.engine = engine;
    }

    public void stageStarted(DelegateExecution execution) {
        String stage = execution.getCurrentActivityId();
        Object requested = execution.getVariable("urgency");
        String urgency = requested == null ? NORMAL : requested.toString();
        Map<String, Object> level = decisions.createExecuteDecisionBuilder().decisionKey("slaPolicy")
                .tenantId(execution.getTenantId()).fallbackToDefaultTenant()
                .variable("stage", stage).variable("urgency", urgency).executeWithSingleResult();
        if (level == null || level.isEmpty()) {
            throw new FlowableException("The service-level table has no row for stage " + stage + " at urgency " + urgency);
        }
        Tenant council = tenants.requireCurrent();
        int days = ((Number) level.get("workingDays")).intValue();
        Integer councils = council.settings().slaDays().get(stage);
        if (councils != null) {
            days = NORMAL.equals(urgency) ? councils : Math.min(days, councils);
        }
        int reminderDays = Math.max(0, Math.min(((Number) level.get("reminderDays")).intValue(), days - 1));

        Instant now = engine.getClock().getCurrentTime().toInstant();
        LocalDate today = now.atZone(properties.zone()).toLocalDate();
        WorkingDays workingDays = WorkingDays.of(council);
        ZonedDateTime due = workingDays.plus(today, days).atTime(properties.dueTime()).atZone(properties.zone());
        ZonedDateTime remind = workingDays.plus(today, days - reminderDays).atTime(properties.reminderTime())
                .atZone(properties.zone());
        if (!remind.toInstant().isAfter(now) || remind.isAfter(due)) {
            remind = due.minus(Duration.between(now, due).dividedBy(2));
        }
        execution.setVariable("urgency", urgency);
        execution.setVariable("stageDueAt", Date.from(due.toInstant()));
        execution.setVariable("stageRemindAt", Date.from(remind.toInstant()));
        execution.setVariable("stageEscalateTo", level.get("escalateTo"));
    }
}
