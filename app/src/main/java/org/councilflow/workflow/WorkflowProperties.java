package org.councilflow.workflow;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * How the cycle's service levels become clock times. The working days themselves come from the shared DMN table
 * {@code slaPolicy} and the council's settings.
 *
 * @param zone the councils' time zone, in which working days begin and end
 * @param dueTime the time of day on the last working day at which a stage falls due
 * @param reminderTime the time of day at which a reminder goes out
 * @param historyRetention how long the engine keeps the history of a finished cycle, unless a council sets its own
 *        (at least 90 days); its steps are copied into the council's records first, so History loses nothing
 * @param historyCleaning when the engine's history past each council's retention is moved into its records (cron)
 */
@Validated
@ConfigurationProperties("councilflow.workflow")
public record WorkflowProperties(@NotNull ZoneId zone, @NotNull LocalTime dueTime, @NotNull LocalTime reminderTime,
        @NotNull @DurationMin(days = 90) Duration historyRetention, @NotBlank String historyCleaning) {
}
