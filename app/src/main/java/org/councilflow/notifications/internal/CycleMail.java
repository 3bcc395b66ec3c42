package org.councilflow.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.councilflow.common.Locality;
import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory;
import org.councilflow.identity.TenantDirectory.DirectoryUser;
import org.councilflow.notifications.NotificationsProperties;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.workflow.StageDueSoon;
import org.councilflow.workflow.StageEscalated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the cycle's reminders and escalations into e-mail, once the transaction that raised them has committed (a
 * rolled-back timer tells nobody). Both go through the outbox (ADR 0014): the reminder or escalation is stored with
 * the timer's transaction and completed here once one {@link OutgoingMail} per person (nobody sees who else was
 * told) is stored in turn; {@link MailOutbox} sends those. Keycloak unreachable or the SMTP server down leaves the
 * publication incomplete, to be retried, instead of losing the mail.
 */
@Component
class CycleMail {

    private static final String WHEN = "EEEE d MMMM yyyy 'at' HH:mm";

    private final TenantDirectory directory;
    private final NotificationsProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    CycleMail(TenantDirectory directory, NotificationsProperties properties, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.directory = directory;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StageDueSoon due) {
        TenantContext.runInTenant(due.tenant(), () -> {
            Predicate<DirectoryUser> who = due.assignee() != null
                    ? user -> user.username().equals(due.assignee())
                    : user -> Role.fromGroupName(due.role()).map(user.roles()::contains).orElse(false);
            send(due.tenant(), "due:" + due.reportId() + ":" + due.stage() + ":" + due.dueAt(),
                    recipients(due.tenant(), who), "Due " + when().format(due.dueAt()) + ": " + due.stageName()
                    + " — " + due.reportTitle(), """
                    %s for "%s" is due on %s.

                    %s

                    Open your inbox: %s
                    """.formatted(due.stageName(), due.reportTitle(), when().format(due.dueAt()),
                    due.assignee() == null ? "Nobody has claimed it yet; anyone with the " + due.role()
                            + " role may take it." : "You hold this task.",
                    properties.staffUrl()));
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StageEscalated overdue) {
        TenantContext.runInTenant(overdue.tenant(), () -> {
            Role role = Role.fromGroupName(overdue.escalateTo()).orElseThrow(
                    () -> new IllegalStateException("The service-level table names an unknown role: " + overdue.escalateTo()));
            send(overdue.tenant(), "overdue:" + overdue.reportId() + ":" + overdue.stage() + ":" + overdue.dueAt(),
                    recipients(overdue.tenant(), user -> user.roles().contains(role)), "Overdue: "
                    + overdue.stageName() + " — " + overdue.reportTitle(), """
                    %s for "%s" was due on %s and is not done. It has been escalated to you as %s.

                    %s

                    Open the inbox: %s
                    """.formatted(overdue.stageName(), overdue.reportTitle(), when().format(overdue.dueAt()),
                    role.groupName(), overdue.assignee() == null ? "Nobody has claimed it."
                            : "It is held by " + overdue.assignee() + ".",
                    properties.staffUrl()));
        });
    }

    private static DateTimeFormatter when() {
        return DateTimeFormatter.ofPattern(WHEN, Locality.language()).withZone(Locality.zoneId());
    }

    private List<String> recipients(String tenant, Predicate<DirectoryUser> who) {
        return directory.users(tenant).stream()
                .filter(DirectoryUser::enabled)
                .filter(user -> user.email() != null && !user.email().isBlank())
                .filter(who)
                .map(DirectoryUser::email)
                .distinct()
                .toList();
    }

    /**
     * Stores one mail per recipient in one transaction; once that has committed this notice is done, whatever the
     * sending after it does (a failed send stays in the outbox on its own).
     */
    private void send(String tenant, String notice, List<String> recipients, String subject, String text) {
        AtomicBoolean stored = new AtomicBoolean();
        try {
            transaction.executeWithoutResult(status -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        stored.set(true);
                    }
                });
                for (String recipient : recipients) {
                    // the same notice to the same person is the same mail: told once, however often the notice is retried
                    UUID id = UUID.nameUUIDFromBytes((tenant + ":" + notice + ":" + recipient).getBytes(StandardCharsets.UTF_8));
                    events.publishEvent(new OutgoingMail(id, tenant, recipient, subject, text));
                }
            });
        } catch (RuntimeException sendingFailed) {
            if (!stored.get()) {
                throw sendingFailed;
            }
        }
    }
}
