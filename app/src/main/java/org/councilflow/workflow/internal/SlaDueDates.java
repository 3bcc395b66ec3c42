package org.councilflow.workflow.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.tenancy.Tenants;
import org.councilflow.tenancy.WorkingDays;
import org.councilflow.workflow.WorkflowProperties;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Gives every new task of the cycle its due date: the stage's service level in working days (the council's own
 * setting, else the shared one), counted from the engine's clock with the council's bank holidays, due at 17:00.
 */
class SlaDueDates implements FlowableEventListener {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Tenants tenants;
    private final WorkflowProperties properties;
    private SpringProcessEngineConfiguration engine;

    SlaDueDates(Tenants tenants, WorkflowProperties properties) {
        this.tenants = tenants;
        this.properties = properties;
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event instanceof FlowableEntityEvent entityEvent) || !(entityEvent.getEntity() instanceof TaskEntity task)
                || task.getTenantId() == null || task.getTenantId().isEmpty()) {
            return;
        }
        TenantContext.runInTenant(task.getTenantId(), () -> tenants.current().ifPresent(council -> {
            Integer days = council.settings().slaDays().getOrDefault(task.getTaskDefinitionKey(),
                    properties.slaDays().get(task.getTaskDefinitionKey()));
            if (days != null) {
                task.setDueDate(dueDate(council, days));
            }
        }));
    }

    private Date dueDate(Tenant council, int days) {
        LocalDate today = engine.getClock().getCurrentTime().toInstant().atZone(LONDON).toLocalDate();
        return Date.from(WorkingDays.of(council).plus(today, days).atTime(LocalTime.of(17, 0)).atZone(LONDON).toInstant());
    }

    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        EngineConfigurationConfigurer<SpringProcessEngineConfiguration> slaDueDates(@Lazy Tenants tenants,
                WorkflowProperties properties) {
            SlaDueDates listener = new SlaDueDates(tenants, properties);
            return configuration -> {
                listener.engine = configuration;
                java.util.Map<String, java.util.List<FlowableEventListener>> typed = configuration.getTypedEventListeners() == null
                        ? new java.util.HashMap<>() : new java.util.HashMap<>(configuration.getTypedEventListeners());
                typed.computeIfAbsent(FlowableEngineEventType.TASK_CREATED.name(), k -> new java.util.ArrayList<>()).add(listener);
                configuration.setTypedEventListeners(typed);
            };
        }
    }
}
