package org.councilflow.workflow;

import java.time.Instant;

/** One step of a report's history: a stage, who completed it, when, with what outcome and why. */
public record CycleEvent(String stage, String name, String completedBy, Instant started, Instant completed,
        String outcome, String reason) {
}
