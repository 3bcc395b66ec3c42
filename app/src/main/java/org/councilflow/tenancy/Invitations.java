package org.councilflow.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory;
import org.councilflow.identity.TenantDirectory.Account;
import org.councilflow.identity.TenantDirectory.DirectoryException;
import org.councilflow.identity.TenantDirectory.DirectoryUser;
import org.councilflow.identity.TenantDirectory.NewUser;
import org.councilflow.identity.TenantDirectory.RefusedValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Invitations to the current council. A tenant-admin invites an e-mail address; the address gets a single-use,
 * expiring link (only its hash is stored); the role is granted when the owner of that address, signed in with an
 * account whose address is verified, accepts it. Nothing is ever attached to an account found by e-mail alone, and
 * the tenant-admin learns nothing about the address (whether it has an account, under which username): the answer is
 * always "invitation sent".
 */
@Service
@Validated
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);
    private static final SecureRandom random = new SecureRandom();
    /** {@code <council slug>.<32 random bytes, base64url>}: the council says where to look, the secret what. */
    private static final Pattern TOKEN = Pattern.compile("^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\\.([A-Za-z0-9_-]{43})$");

    private static final String INVITATION_WORDS = "tenancy.i18n.invitation";

    private final JdbcClient jdbc;
    private final TenantDirectory directory;
    private final CurrentUsers currentUsers;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final JavaMailSender mail;
    private final TenancyProperties properties;
    private final Tenants tenants;
    private final Clock clock;

    Invitations(JdbcClient jdbc, TenantDirectory directory, CurrentUsers currentUsers,
            PlatformTransactionManager transactionManager, ApplicationEventPublisher events, JavaMailSender mail,
            TenancyProperties properties, Tenants tenants, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.currentUsers = currentUsers;
        this.transactions = new TransactionTemplate(transactionManager);
        // its own transaction, begun in the invitation's council (never joining one begun in another)
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.mail = mail;
        this.properties = properties;
        this.tenants = tenants;
        // the application's clock if there is one (tests move it), else the system's
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Invites someone into the current council with roles. The same answer whether or not the address has an
     * account. A brand-new address also gets the identity provider's own e-mail to set a password and verify it.
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Sent invite(@NotNull @Valid TenantUsers.Invitation invitation) {
        String tenant = TenantContext.require();
        String email = invitation.email().strip().toLowerCase(Locale.ROOT);
        Locale language = accountLanguage(invitation);
        try {
            directory.prepareAccount(new NewUser(email, invitation.firstName().strip(), invitation.lastName().strip(),
                    language));
        } catch (RefusedValueException e) {
            throw new RefusedFieldException(e.field(), e.getMessage());
        } catch (DirectoryException e) {
            throw new ConflictException(e.getMessage());
        }
        String token = tenant + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        UUID id = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(properties.invitationValidity());
        String inviter = currentUsers.require().username();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO app.invitation (id, tenant_id, token_hash, email, first_name, last_name, roles, invited_by, expires_at)
                    VALUES (:id, :tenant, :hash, :email, :first, :last, :roles, :by, :expires)""")
                    .param("id", id).param("tenant", tenant).param("hash", hash(token)).param("email", email)
                    .param("first", invitation.firstName().strip()).param("last", invitation.lastName().strip())
                    .param("roles", invitation.roles().stream().map(Role::groupName).sorted().toArray(String[]::new))
                    .param("by", inviter).param("expires", java.sql.Timestamp.from(expiresAt))
                    .update();
            events.publishEvent(Audited.inCurrentTenant("user.invited", "invitation", id.toString(), null,
                    Map.of("email", email, "roles", invitation.roles().stream().map(Role::groupName).sorted().toList())));
        });
        send(email, invitation, language, tenant, token, expiresAt);
        return new Sent(id, email, expiresAt, "invitation sent");
    }

    /**
     * Accepts an invitation for the signed-in person: the link must be valid, unused and unexpired, and the person's
     * account must have the invited address, verified. Of two acceptances of one link, one wins; the other gets 409.
     */
    @PreAuthorize("isAuthenticated()")
    public Accepted accept(@NotBlank @Size(max = 200) String token) {
        Matcher parts = TOKEN.matcher(token.strip());
        if (!parts.matches()) {
            throw new NotFoundException("This invitation link is not valid.");
        }
        String tenant = parts.group(1);
        CurrentUser caller = currentUsers.require();
        Account account;
        try {
            account = directory.account(caller.subject());
        } catch (DirectoryException e) {
            throw new AccessDeniedException("Your account is not known to the identity provider.");
        }
        return TenantContext.supplyInInvitedTenant(tenant, () -> transactions.execute(status -> {
            Row row = jdbc.sql("""
                    SELECT id, email, roles, expires_at, accepted_at FROM app.invitation
                    WHERE token_hash = :hash FOR UPDATE""")
                    .param("hash", hash(token.strip()))
                    .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("email"),
                            List.of((String[]) rs.getArray("roles").getArray()), rs.getTimestamp("expires_at").toInstant(),
                            rs.getTimestamp("accepted_at") != null))
                    .optional()
                    .orElseThrow(() -> new NotFoundException("This invitation link is not valid."));
            if (row.accepted()) {
                throw new ConflictException(Refusal.of("invitation.used"));
            }
            if (!clock.instant().isBefore(row.expiresAt())) {
                throw new ConflictException(Refusal.of("invitation.expired"));
            }
            if (account.email() == null || !account.email().equalsIgnoreCase(row.email()) || !account.emailVerified()) {
                throw new AccessDeniedException("This invitation was sent to another e-mail address. Sign in with the"
                        + " account that has that address, verified, to accept it.");
            }
            jdbc.sql("UPDATE app.invitation SET accepted_at = now(), accepted_by = :subject WHERE id = :id")
                    .param("subject", account.id()).param("id", row.id()).update();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            row.roles().forEach(name -> Role.fromGroupName(name).ifPresent(roles::add));
            DirectoryUser joined;
            try {
                joined = directory.join(tenant, account.id(), roles);
            } catch (DirectoryException e) {
                throw new ConflictException(e.getMessage());
            }
            events.publishEvent(Audited.inCurrentTenant("user.invitation-accepted", "user", account.id(), null,
                    Map.of("username", joined.username(), "roles", roles.stream().map(Role::groupName).sorted().toList())));
            return new Accepted(tenant, roles);
        }));
    }

    /**
     * The language of the identity provider's e-mail to a new account: the one the invitation names, else Welsh for a
     * council whose first language is Welsh (as its staff UI, ADR 0016), else none (the realm's default, English),
     * so that the person's own choice at sign-in still counts.
     */
    private Locale accountLanguage(TenantUsers.Invitation invitation) {
        String language = invitation.language() != null ? invitation.language()
                : tenants.current().map(council -> council.settings().languages().first()).filter("cy"::equals)
                        .orElse(null);
        return language == null ? null : Locale.forLanguageTag(language);
    }

    private void send(String email, TenantUsers.Invitation invitation, Locale accountLanguage, String tenant, String token,
            Instant expiresAt) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(email);
        String link = properties.staffUrl().replaceAll("/+$", "") + "/invitation?token=" + token;
        // a Welsh speaker's invitation in Welsh first, then English, as the council's other e-mails are
        List<Locale> languages = Locale.forLanguageTag("cy").equals(accountLanguage)
                ? List.of(Locale.forLanguageTag("cy"), org.councilflow.common.Locality.language())
                : List.of(org.councilflow.common.Locality.language());
        List<String> subjects = new java.util.ArrayList<>();
        List<String> texts = new java.util.ArrayList<>();
        for (Locale language : languages) {
            ResourceBundle words = ResourceBundle.getBundle(INVITATION_WORDS, language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String roles = String.join(", ", invitation.roles().stream().map(Role::groupName).sorted()
                    .map(role -> words(words, language, "role." + role)).toList());
            String until = java.time.format.DateTimeFormatter.ofPattern(words.getString("format.until"), language)
                    .withZone(java.time.ZoneOffset.UTC).format(expiresAt);
            subjects.add(words(words, language, "subject"));
            texts.add(words(words, language, "text", invitation.firstName().strip(), invitation.lastName().strip(),
                    tenant, roles, until, link));
        }
        message.setSubject(String.join(" / ", subjects));
        message.setText(String.join("\n— — —\n\n", texts));
        try {
            mail.send(message);
        } catch (MailException e) {
            // the invitation stands; the administrator can invite again once mail works
            log.warn("The invitation e-mail could not be sent: {}", e.getMessage());
        }
    }

    private static String words(ResourceBundle words, Locale language, String key, Object... args) {
        return new java.text.MessageFormat(words.getString(key), language).format(args);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private record Row(UUID id, String email, List<String> roles, Instant expiresAt, boolean accepted) {
    }

    /** What a tenant-admin learns of an invitation: that it was sent, and until when it can be accepted. */
    public record Sent(UUID invitationId, String email, Instant expiresAt, String status) {
    }

    /** The council and roles an accepted invitation granted; they are in the person's next token. */
    public record Accepted(String tenant, Set<Role> roles) {
    }

    /** A value the identity provider refused; answered 400 naming the field. */
    public static class RefusedFieldException extends IllegalArgumentException {
        private final String field;

        RefusedFieldException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
