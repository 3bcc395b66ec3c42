package org.councilflow.workflow.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.meetings.DecisionEffects;
import org.councilflow.tenancy.TenantContext;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.delegate.event.FlowableActivityEvent;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stores the state the report cycle reached at its end: a published decision takes effect when the cycle ends at
 * "Decision takes effect" (the call-in period's timer fired) or "Decision effective (no call-in)", at the engine's
 * time, in the engine's transaction. The public site shows that state instead of working it out from the wall clock.
 */
class DecisionEffect implements FlowableEventListener {

    static final String CALL_IN_ENDED = "decisionTakesEffect";
    static final String NO_CALL_IN = "decisionEffective";

    private final ObjectProvider<DecisionEffects> decisions;

    DecisionEffect(ObjectProvider<DecisionEffects> decisions) {
        this.decisions = decisions;
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event instanceof FlowableActivityEvent activity)
                || !(CALL_IN_ENDED.equals(activity.getActivityId()) || NO_CALL_IN.equals(activity.getActivityId()))) {
            return;
        }
        var cycle = CommandContextUtil.getExecutionEntityManager().findById(activity.getProcessInstanceId());
        if (cycle == null || cycle.getBusinessKey() == null) {
            return;
        }
        Runnable record = () -> decisions.getObject().tookEffect(UUID.fromString(cycle.getBusinessKey()),
                CommandContextUtil.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant(),
                CALL_IN_ENDED.equals(activity.getActivityId()));
        if (TenantContext.current().isPresent()) {
            record.run(); // a request of the council, or a job that JobTenantScope entered
        } else {
            TenantContext.runInTenant(cycle.getTenantId(), record); // a job run by hand, outside the executor
        }
    }

    @Override
    public boolean isFailOnException() {
        return true; // the state must be stored with the step that reached it, or neither
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
        EngineConfigurationConfigurer<SpringProcessEngineConfiguration> decisionEffectListener(
                ObjectProvider<DecisionEffects> decisions) {
            DecisionEffect listener = new DecisionEffect(decisions);
            return configuration -> {
                Map<String, List<FlowableEventListener>> typed = configuration.getTypedEventListeners() == null
                        ? new HashMap<>() : new HashMap<>(configuration.getTypedEventListeners());
                typed.computeIfAbsent(FlowableEngineEventType.ACTIVITY_COMPLETED.name(), k -> new ArrayList<>()).add(listener);
                configuration.setTypedEventListeners(typed);
            };
        }
    }
}
