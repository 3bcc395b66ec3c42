package org.councilflow.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A stage of a report's cycle falls due soon: whoever holds the task (or, while unclaimed, everyone who may claim
 * it) is reminded.
 *
 * @param role the stage's role, whose holders may claim the task while nobody has
 */
public record StageDueSoon(String tenant, UUID reportId, String reportTitle, String stage, String stageName,
        String assignee, String role, Instant dueAt) {
}
