package org.councilflow.identity;

import java.util.List;
import java.util.Set;

/**
 * The councils' people and roles as Keycloak holds them: groups {@code /tenants/<tenant>/<role>}. Every call names
 * the one tenant it may touch; callers pass the tenant of their context, never one a client sent.
 */
public interface TenantDirectory {

    /** Creates the council's group and role groups and its first tenant administrator. */
    ProvisionedTenant provision(String tenant, String displayName, NewUser firstAdmin);

    /** Undoes {@link #provision}: removes the council's groups and the users it created there. */
    void deprovision(String tenant, ProvisionedTenant provisioned);

    /** Whether the council's groups exist in the directory. */
    boolean exists(String tenant);

    /** People holding at least one role in the council. */
    List<DirectoryUser> users(String tenant);

    /**
     * Gives a person roles in the council: an existing account (matched by email) is invited, otherwise an account
     * is created with a temporary password they must change at first sign-in.
     */
    AddedUser addUser(String tenant, NewUser user, Set<Role> roles);

    /** Grants a role to a person who already holds a role in this council. */
    DirectoryUser grant(String tenant, String userId, Role role);

    /** Revokes a role from a person of this council. */
    DirectoryUser revoke(String tenant, String userId, Role role);

    record NewUser(String email, String firstName, String lastName) {
    }

    record DirectoryUser(String id, String username, String firstName, String lastName, String email, boolean enabled,
            Set<Role> roles) {
    }

    /** @param temporaryPassword set when an account was created, null when an existing one was invited */
    record AddedUser(DirectoryUser user, String temporaryPassword) {
    }

    /** What provisioning created, so that it can be undone exactly. */
    record ProvisionedTenant(String groupId, AddedUser firstAdmin, boolean adminAccountCreated) {
    }

    /** The directory refused or failed an operation; the message is safe to show. */
    class DirectoryException extends RuntimeException {
        private final boolean notFound;

        public DirectoryException(String message, boolean notFound, Throwable cause) {
            super(message, cause);
            this.notFound = notFound;
        }

        public boolean isNotFound() {
            return notFound;
        }
    }
}
