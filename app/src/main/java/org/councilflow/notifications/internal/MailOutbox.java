package org.councilflow.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.councilflow.notifications.NotificationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each {@link OutgoingMail} once its publication is committed. A failure (SMTP down, refused) is thrown, so the
 * event publication registry leaves the publication incomplete and {@link OutboxRetry} or the next start sends it
 * again. The mail's id is claimed in the same transaction as the hand-over to the SMTP server: whoever resubmits it
 * later (another replica, a restarted one) finds it claimed and sends nothing.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JavaMailSender mail;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final NotificationsProperties properties;
    private final JdbcEventPublications publications;
    private final Clock clock;

    MailOutbox(JavaMailSender mail, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            NotificationsProperties properties, JdbcEventPublications publications, ObjectProvider<Clock> clock) {
        this.mail = mail;
        this.jdbc = jdbc;
        this.properties = properties;
        this.publications = publications;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void send(OutgoingMail outgoing) {
        try {
            transaction.executeWithoutResult(status -> {
                int claimed = jdbc.update("INSERT INTO app.mail_delivery (mail_id, sent_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        outgoing.id(), Timestamp.from(clock.instant()));
                if (claimed == 0) {
                    return; // sent before, by this or another replica
                }
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(properties.from());
                message.setTo(outgoing.to());
                message.setSubject(outgoing.subject());
                message.setText(outgoing.text());
                mail.send(message);
            });
        } catch (MailException e) {
            publications.recordFailure(outgoing, clock.instant());
            log.warn("Could not send mail {} of council {} (kept in the outbox, retried): {}", outgoing.id(),
                    outgoing.tenant(), e.getMessage());
            throw e;
        }
    }
}
