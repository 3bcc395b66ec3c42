package org.councilflow.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * @param from the sender of every e-mail, e.g. {@code CouncilFlow <no-reply@example.gov.uk>}
 * @param staffUrl where links in e-mails point: the staff UI as people reach it
 */
@Validated
@ConfigurationProperties("councilflow.notifications")
public record NotificationsProperties(@NotBlank String from, @NotBlank String staffUrl) {
}
