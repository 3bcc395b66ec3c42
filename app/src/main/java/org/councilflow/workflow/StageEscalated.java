package org.councilflow.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A stage of a report's cycle went past its due date: the task is marked escalated and the holders of the
 * escalation role (from the service-level table) are told.
 */
public record StageEscalated(String tenant, UUID reportId, String reportTitle, String stage, String stageName,
        String assignee, Instant dueAt, String escalateTo) {
}
