package org.councilflow.notifications.internal;

import java.util.UUID;

/**
 * One e-mail to one person, kept in the outbox until the SMTP server has accepted it.
 *
 * @param id claimed once when sent, so a resubmission never sends it twice
 * @param tenant the council it concerns (shown in the platform's view of failed mail)
 */
record OutgoingMail(UUID id, String tenant, String to, String subject, String text) {
}
