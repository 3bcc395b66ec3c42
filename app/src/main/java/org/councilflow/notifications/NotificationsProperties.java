package org.councilflow.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * @param from the sender of every e-mail, e.g. {@code CouncilFlow <no-reply@example.gov.uk>}
 * @param staffUrl where links in e-mails point: the staff UI as people reach it
 * @param retryInterval how often mail that could not be sent (and notices whose recipients could not be looked up) is
 *        tried again; a publication is retried once it is at least this old
 * @param giveUpAfter mail older than this is no longer retried by itself; it stays in the platform's view of what
 *        failed, where it can be sent again
 * @param keepCompleted how long the record of sent mail is kept in the outbox
 */
@Validated
@ConfigurationProperties("councilflow.notifications")
public record NotificationsProperties(@NotBlank String from, @NotBlank String staffUrl, @NotNull Duration retryInterval,
        @NotNull Duration giveUpAfter, @NotNull Duration keepCompleted) {
}
