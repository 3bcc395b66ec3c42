package org.councilflow.workflow;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What someone decides at a stage.
 *
 * @param outcome the stage's outcome: {@code submit} (draft), {@code approve}/{@code return} (sign-off),
 *     {@code endorse}/{@code return} (board), {@code schedule}, a decision status, {@code publish}
 * @param reason required when returning a report
 * @param form the stage's further fields (e.g. the decision's status and call-in; recording a decision:
 *     {@code resolutions}, {@code minutes}, {@code keyDecision}, and in Welsh {@code resolutionsCy}, {@code minutesCy})
 */
public record Completion(@NotNull @Size(max = 40) String outcome, @Size(max = 5000) String reason,
        Map<String, Object> form) {
}
