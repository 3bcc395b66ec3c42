package org.councilflow.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A step of a report's cycle waiting for someone, as the inbox shows it.
 *
 * @param stage the task key in the BPMN ({@code draftUpdate}, {@code managerSignOff}, …)
 * @param assignee who has claimed it; null while any holder of the stage's role may claim it
 * @param escalated whether it went past its due date and was escalated to the stage's escalation role
 * @param urgency {@code normal} or {@code urgent}, as the cycle was started
 */
public record CycleTask(String id, String stage, String name, UUID reportId, String reportTitle, String role,
        String assignee, Instant created, Instant due, boolean overdue, boolean escalated, String urgency) {
}
