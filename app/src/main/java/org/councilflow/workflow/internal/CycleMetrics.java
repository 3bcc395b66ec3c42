package org.councilflow.workflow.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The cycle's own metrics, across councils (counts and durations only, never a council's data):
 * {@code councilflow.tasks.open} and {@code councilflow.tasks.overdue} per stage, read from the engine at most
 * every {@value #REFRESH_SECONDS} seconds however often Prometheus scrapes, and {@code councilflow.cycle.duration}
 * from start to end of each finished cycle, by process.
 */
class CycleMetrics implements MeterBinder, FlowableEventListener {

    static final List<String> STAGES = List.of("draftUpdate", "managerSignOff", "boardReview", "preCommitteeScrutiny",
            "scheduleToCommittee", "recordDecision", "publishDecision", "scrutiny");
    private static final long REFRESH_SECONDS = 15;

    private final TaskService tasks;
    private final ProcessEngineConfiguration engine;
    private MeterRegistry registry;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of(), Map.of());

    CycleMetrics(TaskService tasks, ProcessEngineConfiguration engine) {
        this.tasks = tasks;
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String stage : STAGES) {
            Gauge.builder("councilflow.tasks.open", () -> current().open().getOrDefault(stage, 0L))
                    .description("Tasks of the report cycle waiting at a stage, across councils")
                    .tag("stage", stage).register(registry);
            Gauge.builder("councilflow.tasks.overdue", () -> current().overdue().getOrDefault(stage, 0L))
                    .description("Tasks of the report cycle past their due date at a stage, across councils")
                    .tag("stage", stage).register(registry);
        }
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        Instant now = Instant.now();
        if (Duration.between(last.taken(), now).getSeconds() < REFRESH_SECONDS) {
            return last;
        }
        synchronized (this) {
            if (snapshot != last) {
                return snapshot;
            }
            Map<String, Long> open = new HashMap<>();
            Map<String, Long> overdue = new HashMap<>();
            java.util.Date clock = engine.getClock().getCurrentTime();
            for (String stage : STAGES) {
                open.put(stage, tasks.createTaskQuery().taskDefinitionKey(stage).count());
                overdue.put(stage, tasks.createTaskQuery().taskDefinitionKey(stage).taskDueBefore(clock).count());
            }
            snapshot = new Snapshot(now, open, overdue);
            return snapshot;
        }
    }

    /** Forget the last reading, so that the next scrape counts again. */
    void refresh() {
        snapshot = new Snapshot(Instant.EPOCH, Map.of(), Map.of());
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (registry == null || !(event instanceof FlowableEntityEvent entityEvent)
                || !(entityEvent.getEntity() instanceof ExecutionEntity cycle) || cycle.getStartTime() == null) {
            return;
        }
        Duration took = Duration.between(cycle.getStartTime().toInstant(), engine.getClock().getCurrentTime().toInstant());
        Timer.builder("councilflow.cycle.duration").description("From the start of a report's cycle to its end")
                .tag("process", cycle.getProcessDefinitionKey() == null ? "unknown" : cycle.getProcessDefinitionKey())
                .register(registry).record(took.isNegative() ? Duration.ZERO : took);
    }

    @Override
    public boolean isFailOnException() {
        return false;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }

    private record Snapshot(Instant taken, Map<String, Long> open, Map<String, Long> overdue) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        CycleMetrics cycleMetrics(@Lazy TaskService tasks, @Lazy ProcessEngineConfiguration engine) {
            return new CycleMetrics(tasks, engine);
        }

        @Bean
        EngineConfigurationConfigurer<SpringProcessEngineConfiguration> cycleMetricsListener(CycleMetrics metrics) {
            return configuration -> {
                Map<String, List<FlowableEventListener>> typed = configuration.getTypedEventListeners() == null
                        ? new HashMap<>() : new HashMap<>(configuration.getTypedEventListeners());
                typed.computeIfAbsent(FlowableEngineEventType.PROCESS_COMPLETED.name(), k -> new ArrayList<>()).add(metrics);
                configuration.setTypedEventListeners(typed);
            };
        }
    }
}
