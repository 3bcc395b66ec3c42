package org.councilflow.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory;
import org.councilflow.identity.TenantDirectory.DirectoryUser;
import org.councilflow.notifications.NotificationsProperties;
import org.councilflow.tenancy.SiteLanguages;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.tenancy.Tenants;
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


    private final TenantDirectory directory;
    private final NotificationsProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Tenants tenants;

    CycleMail(TenantDirectory directory, NotificationsProperties properties, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Tenants tenants) {
        this.tenants = tenants;
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
            Letters.Letter letter = Letters.dueSoon(languages(), due, properties.staffUrl());
            send(due.tenant(), "due:" + due.reportId() + ":" + due.stage() + ":" + due.dueAt(),
                    recipients(due.tenant(), who), letter.subject(), letter.text());
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StageEscalated overdue) {
        TenantContext.runInTenant(overdue.tenant(), () -> {
            Role role = Role.fromGroupName(overdue.escalateTo()).orElseThrow(
                    () -> new IllegalStateException("The service-level table names an unknown role: " + overdue.escalateTo()));
            Letters.Letter letter = Letters.escalated(languages(), overdue, role.groupName(), properties.staffUrl());
            send(overdue.tenant(), "overdue:" + overdue.reportId() + ":" + overdue.stage() + ":" + overdue.dueAt(),
                    recipients(overdue.tenant(), user -> user.roles().contains(role)), letter.subject(), letter.text());
        });
    }

    /**
     * The current council's languages: its e-mails are in them (ADR 0015). Read in a transaction of its own: this runs
     * after the cycle's transaction completed, whose connection may no longer say which council it is for.
     */
    private SiteLanguages languages() {
        TransactionTemplate read = new TransactionTemplate(transaction.getTransactionManager());
        read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        read.setReadOnly(true);
        return read.execute(status -> tenants.requireCurrent().settings().languages());
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
