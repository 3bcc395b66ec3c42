package org.councilflow.identity;

import java.util.List;
import java.util.Locale;
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
     * Gives the first administrator of a council being onboarded (by the platform operator) their role: an existing
     * account with that email, otherwise one created with a temporary password they must change at first sign-in.
     * Councils' own people come in through invitations, never through this.
     */
    AddedUser addUser(String tenant, NewUser user, Set<Role> roles);

    /**
     * Makes sure someone invited by e-mail can sign in to accept: when no account has that address, one is created
     * with the address unverified and no password, and the identity provider sends its own e-mail to set a password
     * and verify the address. An existing account is left untouched. Says nothing about which happened, so that no
     * caller learns whether an address has an account.
     */
    void prepareAccount(NewUser user);

    /** The account of a signed-in person as the directory holds it now (not as an older token described it). */
    Account account(String userId);

    /** Adds roles in the council to an account, for an invitation its owner accepted. */
    DirectoryUser join(String tenant, String userId, Set<Role> roles);

    /** Grants a role to a person who already holds a role in this council. */
    DirectoryUser grant(String tenant, String userId, Role role);

    /** Revokes a role from a person of this council. */
    DirectoryUser revoke(String tenant, String userId, Role role);

    /**
     * @param language the language of the identity provider's e-mails and pages for a new account (its {@code locale}:
     *                 {@code cy} or {@code en}); null leaves the realm's default. An existing account keeps its own.
     */
    record NewUser(String email, String firstName, String lastName, Locale language) {
        public NewUser(String email, String firstName, String lastName) {
            this(email, firstName, lastName, null);
        }
    }

    /** @param emailVerified whether the owner proved the address (only a verified address accepts invitations) */
    record Account(String id, String username, String email, boolean emailVerified) {
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

    /** The directory refused a value of a person (a name it does not accept); names the field. */
    class RefusedValueException extends DirectoryException {
        private final String field;

        public RefusedValueException(String field, String message, Throwable cause) {
            super(message, false, cause);
            this.field = field;
        }

        public String field() {
            return field;
        }
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
