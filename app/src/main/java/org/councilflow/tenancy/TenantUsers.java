package org.councilflow.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.councilflow.common.Audited;
import org.councilflow.common.NotFoundException;
import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory;
import org.councilflow.identity.TenantDirectory.DirectoryException;
import org.councilflow.identity.TenantDirectory.DirectoryUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The people of the current council and their roles, kept in Keycloak. People join through {@link Invitations}. Only ever touches the groups of the council
 * the request works in: the tenant comes from the {@link TenantContext}, never from a parameter.
 */
@Service
@Validated
@PreAuthorize("hasRole('TENANT_ADMIN')")
public class TenantUsers {

    private final TenantDirectory directory;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    TenantUsers(TenantDirectory directory, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.directory = directory;
        this.transactions = transactions;
        this.events = events;
    }

    public List<DirectoryUser> all() {
        return directory.users(TenantContext.require());
    }

    public DirectoryUser grant(String userId, @NotNull Role role) {
        DirectoryUser after = translate(() -> directory.grant(TenantContext.require(), userId, role));
        audit("user.role-granted", userId, null, Map.of("role", role.groupName(), "username", after.username()));
        return after;
    }

    public DirectoryUser revoke(String userId, @NotNull Role role) {
        DirectoryUser after = translate(() -> directory.revoke(TenantContext.require(), userId, role));
        audit("user.role-revoked", userId, Map.of("role", role.groupName(), "username", after.username()), null);
        return after;
    }

    private void audit(String action, String userId, Object before, Object after) {
        transactions.executeWithoutResult(status ->
                events.publishEvent(Audited.inCurrentTenant(action, "user", userId, before, after)));
    }

    private static <T> T translate(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (DirectoryException e) {
            if (e.isNotFound()) {
                throw new NotFoundException(e.getMessage());
            }
            throw new org.councilflow.common.ConflictException(e.getMessage());
        }
    }

    /**
     * A person to invite into this council with roles (see {@link Invitations}). Names follow the identity provider's
     * rule for person names (Keycloak's {@code person-name-prohibited-characters}), so that a refusal is a 400 naming
     * the field here rather than a failure there. {@code language} ({@code en} or {@code cy}, optional) is the language
     * of the identity provider's e-mail to set up a new account; without it, the council's first language.
     */
    public record Invitation(
            @NotBlank @Email @Size(max = 254) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String email,
            @NotBlank @Size(max = 100) @Pattern(regexp = PERSON_NAME, message = PERSON_NAME_MESSAGE) String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = PERSON_NAME, message = PERSON_NAME_MESSAGE) String lastName,
            @NotEmpty Set<@NotNull Role> roles,
            @Pattern(regexp = "en|cy", message = "must be en or cy") String language) {

        /** In the council's first language (see {@link Invitations}). */
        public Invitation(String email, String firstName, String lastName, Set<Role> roles) {
            this(email, firstName, lastName, roles, null);
        }
    }

    static final String PERSON_NAME = "[^<>&\"\\v$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]*";
    static final String PERSON_NAME_MESSAGE = "must not contain any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( ) or control characters";
}
