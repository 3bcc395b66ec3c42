package org.councilflow.workflow.internal;

import java.time.Instant;

import org.councilflow.meetings.AgendaClock;
import org.flowable.engine.ProcessEngineConfiguration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Agendas are published by the engine's clock: the clock by which the cycle checked the meeting's notice. */
@Component
class EngineAgendaClock implements AgendaClock {

    private final ProcessEngineConfiguration engine;

    EngineAgendaClock(@Lazy ProcessEngineConfiguration engine) {
        this.engine = engine;
    }

    @Override
    public Instant now() {
        return engine.getClock().getCurrentTime().toInstant();
    }
}
