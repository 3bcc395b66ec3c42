package org.councilflow.notifications.internal;

import java.util.List;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the cycle's reminders and escalations into e-mail, once the transaction that raised them has committed (a
 * rolled-back timer tells nobody). One message per person, so nobody sees who else was told.
 */
@Component
class CycleMail {

    private static final Logger log = LoggerFactory.getLogger(CycleMail.class);

    private final JavaMailSender mail;
    private final TenantDirectory directory;
    private final NotificationsProperties properties;
    private final Tenants tenants;
    private final PlatformTransactionManager transactions;

    CycleMail(JavaMailSender mail, TenantDirectory directory, NotificationsProperties properties, Tenants tenants,
            PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.mail = mail;
        this.directory = directory;
        this.properties = properties;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StageDueSoon due) {
        TenantContext.runInTenant(due.tenant(), () -> {
            Predicate<DirectoryUser> who = due.assignee() != null
                    ? user -> user.username().equals(due.assignee())
                    : user -> Role.fromGroupName(due.role()).map(user.roles()::contains).orElse(false);
            Letters.Letter letter = Letters.dueSoon(languages(), due, properties.staffUrl());
            send(recipients(due.tenant(), who), letter.subject(), letter.text());
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StageEscalated overdue) {
        TenantContext.runInTenant(overdue.tenant(), () -> {
            Role role = Role.fromGroupName(overdue.escalateTo()).orElseThrow(
                    () -> new IllegalStateException("The service-level table names an unknown role: " + overdue.escalateTo()));
            Letters.Letter letter = Letters.escalated(languages(), overdue, role.groupName(), properties.staffUrl());
            send(recipients(overdue.tenant(), user -> user.roles().contains(role)), letter.subject(), letter.text());
        });
    }

    /**
     * The current council's languages: its e-mails are in them (ADR 0015). Read in a transaction of its own: this runs
     * after the cycle's transaction completed, whose connection may no longer say which council it is for.
     */
    private SiteLanguages languages() {
        TransactionTemplate read = new TransactionTemplate(transactions);
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

    private void send(List<String> recipients, String subject, String text) {
        for (String recipient : recipients) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(recipient);
            message.setSubject(subject);
            message.setText(text);
            try {
                mail.send(message);
            } catch (MailException e) {
                // the task itself is escalated and audited; a lost e-mail must not undo that
                log.error("Could not send \"{}\" to {}: {}", subject, recipient, e.getMessage());
            }
        }
    }
}
