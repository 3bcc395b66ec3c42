package org.councilflow.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.councilflow.common.Audited;
import org.councilflow.common.NotFoundException;
import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory;
import org.councilflow.identity.TenantDirectory.AddedUser;
import org.councilflow.identity.TenantDirectory.DirectoryException;
import org.councilflow.identity.TenantDirectory.DirectoryUser;
import org.councilflow.identity.TenantDirectory.NewUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The people of the current council and their roles, kept in Keycloak. Only ever touches the groups of the council
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

    public AddedUser add(@NotNull @Valid Invitation invitation) {
        AddedUser added = translate(() -> directory.addUser(TenantContext.require(),
                new NewUser(invitation.email(), invitation.firstName(), invitation.lastName()), invitation.roles()));
        audit("user.added", added.user().id(), null, summary(added.user()));
        return added;
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

    private static Map<String, Object> summary(DirectoryUser user) {
        return Map.of("username", user.username(), "roles", user.roles().stream().map(Role::groupName).sorted().toList());
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

    /** A person to give roles in this council. */
    public record Invitation(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotEmpty Set<@NotNull Role> roles) {
    }
}
