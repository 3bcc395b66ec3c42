package org.councilflow.workflow.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import org.councilflow.identity.Role;
import org.councilflow.tenancy.KnownCouncils;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.tenancy.WorkingDays;
import org.councilflow.workflow.CycleStage;
import org.councilflow.workflow.WorkflowProperties;
import org.councilflow.workflow.WorkflowVariant.StageLevel;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Called by the BPMN as each stage starts ({@code ${cycleServiceLevels.stageStarted(execution)}}): takes the stage's
 * platform level (the shared DMN table {@code slaPolicy}, by stage and urgency), lets the council's variant (data in
 * {@code app}, never a DMN of its own) override its working days, reminder and roles, and sets when the stage is
 * due, when and whom to remind, and whose role an overdue task escalates to. The task's due date and its two
 * boundary timers read these variables.
 */
@Component("cycleServiceLevels")
class CycleServiceLevels {

    static final String NORMAL = "normal";

    private final PlatformServiceLevels platform;
    private final VariantStore variants;
    private final KnownCouncils councils;
    private final WorkflowProperties properties;
    private final ProcessEngineConfiguration engine;

    CycleServiceLevels(PlatformServiceLevels platform, VariantStore variants, @Lazy KnownCouncils councils,
            WorkflowProperties properties, @Lazy ProcessEngineConfiguration engine) {
        this.platform = platform;
        this.variants = variants;
        this.councils = councils;
        this.properties = properties;
        this.engine = engine;
    }

    public void stageStarted(DelegateExecution execution) {
        CycleStage stage = CycleStage.fromKey(execution.getCurrentActivityId()).orElseThrow(
                () -> new FlowableException("No stage " + execution.getCurrentActivityId() + " in the report cycle"));
        Object requested = execution.getVariable("urgency");
        String urgency = requested == null ? NORMAL : requested.toString();
        PlatformServiceLevels.Level level = platform.of(stage, urgency);
        StageLevel council = variants.forCycle().stages().stream().filter(s -> s.stage() == stage).findFirst()
                .orElse(new StageLevel(stage, null, null, null, null));
        int days = level.workingDays();
        if (council.workingDays() != null) {
            days = NORMAL.equals(urgency) ? council.workingDays() : Math.min(days, council.workingDays());
        }
        int reminder = council.reminderDays() == null ? level.reminderDays() : council.reminderDays();
        int reminderDays = Math.max(0, Math.min(reminder, days - 1));
        Role escalateTo = council.escalateTo() == null ? level.escalateTo() : council.escalateTo();
        Role remind = council.remindRole() == null ? stage.role() : council.remindRole();

        // the council's working days as held while its row is unchanged (ADR 0026)
        Tenant tenant = councils.bySlug(TenantContext.require()).orElseThrow(
                () -> new FlowableException("No council " + TenantContext.require()));
        Instant now = engine.getClock().getCurrentTime().toInstant();
        LocalDate today = now.atZone(properties.zone()).toLocalDate();
        WorkingDays workingDays = WorkingDays.of(tenant);
        ZonedDateTime due = workingDays.plus(today, days).atTime(properties.dueTime()).atZone(properties.zone());
        ZonedDateTime remindAt = workingDays.plus(today, days - reminderDays).atTime(properties.reminderTime())
                .atZone(properties.zone());
        if (!remindAt.toInstant().isAfter(now) || remindAt.isAfter(due)) {
            remindAt = due.minus(Duration.between(now, due).dividedBy(2));
        }
        execution.setVariable("urgency", urgency);
        execution.setVariable("stageDueAt", Date.from(due.toInstant()));
        execution.setVariable("stageRemindAt", Date.from(remindAt.toInstant()));
        execution.setVariable("stageRemindRole", remind.groupName());
        execution.setVariable("stageEscalateTo", escalateTo.groupName());
    }
}
