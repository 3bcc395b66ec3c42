package org.councilflow.workflow;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How the cycle's service levels become clock times. The working days themselves come from the shared DMN table
 * {@code slaPolicy} and the council's settings.
 *
 * @param zone the councils' time zone, in which working days begin and end
 * @param dueTime the time of day on the last working day at which a stage falls due
 * @param reminderTime the time of day at which a reminder goes out
 */
@Validated
@ConfigurationProperties("councilflow.workflow")
public record WorkflowProperties(@NotNull ZoneId zone, @NotNull LocalTime dueTime, @NotNull LocalTime reminderTime) {
}
