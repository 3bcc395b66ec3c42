package org.councilflow.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.councilflow.identity.IdentityProperties;
import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.GroupResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * {@link TenantDirectory} on Keycloak's admin API, through the {@code councilflow-admin} client's service account.
 * Every group it touches is found by the path {@code /tenants/<tenant>/...} of the one tenant it was given.
 */
@Component
class KeycloakTenantDirectory implements TenantDirectory {

    private static final String TENANTS = "/tenants";
    private static final int PAGE = 500;
    private static final SecureRandom random = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(KeycloakTenantDirectory.class);
    private static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    /** How long Keycloak's set-up link stays valid: as long as our invitations (seven days). */
    private static final int ACTIONS_LIFESPAN_SECONDS = 7 * 24 * 3600;

    private final IdentityProperties properties;
    private volatile Keycloak keycloak;

    KeycloakTenantDirectory(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public ProvisionedTenant provision(String tenant, String displayName, NewUser firstAdmin) {
        RealmResource realm = realm();
        GroupRepresentation tenants = group(realm, TENANTS)
                .orElseThrow(() -> new DirectoryException("The realm has no " + TENANTS + " group", false, null));
        if (group(realm, tenantPath(tenant)).isPresent()) {
            throw new DirectoryException("Council " + tenant + " already exists in the directory", false, null);
        }
        GroupRepresentation council = new GroupRepresentation();
        council.setName(tenant);
        council.setAttributes(Map.of("displayName", List.of(displayName)));
        String groupId;
        try (Response response = realm.groups().group(tenants.getId()).subGroup(council)) {
            groupId = CreatedResponseUtil.getCreatedId(response);
        }
        try {
            GroupResource councilGroup = realm.groups().group(groupId);
            for (Role role : Role.values()) {
                GroupRepresentation roleGroup = new GroupRepresentation();
                roleGroup.setName(role.groupName());
                councilGroup.subGroup(roleGroup).close();
            }
            boolean accountExisted = findByEmail(realm, firstAdmin.email()).isPresent();
            AddedUser admin = addUser(tenant, firstAdmin, EnumSet.of(Role.TENANT_ADMIN));
            return new ProvisionedTenant(groupId, admin, !accountExisted);
        } catch (RuntimeException e) {
            // leave nothing half made behind: the council's groups go with a failed provisioning
            ignoreNotFound(() -> realm.groups().group(groupId).remove());
            throw e;
        }
    }

    @Override
    public void deprovision(String tenant, ProvisionedTenant provisioned) {
        RealmResource realm = realm();
        if (provisioned != null && provisioned.adminAccountCreated() && provisioned.firstAdmin() != null) {
            ignoreNotFound(() -> realm.users().get(provisioned.firstAdmin().user().id()).remove());
        }
        group(realm, tenantPath(tenant)).ifPresent(g -> ignoreNotFound(() -> realm.groups().group(g.getId()).remove()));
    }

    @Override
    public boolean exists(String tenant) {
        return group(realm(), tenantPath(tenant)).isPresent();
    }

    @Override
    public List<DirectoryUser> users(String tenant) {
        RealmResource realm = realm();
        Map<String, UserRepresentation> people = new LinkedHashMap<>();
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            Optional<GroupRepresentation> group = group(realm, rolePath(tenant, role));
            if (group.isEmpty()) {
                continue;
            }
            for (int first = 0;; first += PAGE) {
                List<UserRepresentation> members = realm.groups().group(group.get().getId()).members(first, PAGE, true);
                for (UserRepresentation member : members) {
                    people.putIfAbsent(member.getId(), member);
                    roles.computeIfAbsent(member.getId(), id -> EnumSet.noneOf(Role.class)).add(role);
                }
                if (members.size() < PAGE) {
                    break;
                }
            }
        }
        List<DirectoryUser> users = new ArrayList<>();
        people.forEach((id, user) -> users.add(toUser(user, roles.get(id))));
        users.sort(Comparator.comparing(DirectoryUser::username));
        return users;
    }

    @Override
    public AddedUser addUser(String tenant, NewUser newUser, Set<Role> roles) {
        RealmResource realm = realm();
        requireTenant(realm, tenant);
        Optional<UserRepresentation> existing = findByEmail(realm, newUser.email());
        String password = null;
        String userId;
        if (existing.isPresent()) {
            userId = existing.get().getId();
        } else {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(newUser.email().toLowerCase());
            user.setEmail(newUser.email().toLowerCase());
            user.setFirstName(newUser.firstName());
            user.setLastName(newUser.lastName());
            user.setEnabled(true);
            setLanguage(user, newUser);
            user.setEmailVerified(true);
            userId = create(realm, user);
            password = temporaryPassword();
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            realm.users().get(userId).resetPassword(credential);
        }
        for (Role role : roles) {
            joinGroup(realm, userId, roleGroupId(realm, tenant, role));
        }
        return new AddedUser(member(realm, tenant, userId), password);
    }

    @Override
    public void prepareAccount(NewUser newUser) {
        RealmResource realm = realm();
        if (findByEmail(realm, newUser.email()).isPresent()) {
            return;
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(newUser.email().toLowerCase());
        user.setEmail(newUser.email().toLowerCase());
        user.setFirstName(newUser.firstName());
        user.setLastName(newUser.lastName());
        user.setEnabled(true);
        setLanguage(user, newUser);
        // unverified until its owner follows the identity provider's e-mail: only then can it accept an invitation
        user.setEmailVerified(false);
        user.setRequiredActions(List.of(VERIFY_EMAIL, UPDATE_PASSWORD));
        String userId;
        try {
            userId = create(realm, user);
        } catch (DirectoryException e) {
            if (e instanceof RefusedValueException) {
                throw e;
            }
            // the username is taken by an account with another address: nothing to prepare, and nothing to tell
            log.info("No account prepared for an invitation: {}", e.getMessage());
            return;
        }
        try {
            realm.users().get(userId).executeActionsEmail(List.of(VERIFY_EMAIL, UPDATE_PASSWORD), ACTIONS_LIFESPAN_SECONDS);
        } catch (WebApplicationException e) {
            // the realm cannot send mail: the account waits; an administrator can send the e-mail from Keycloak
            log.error("Keycloak could not send the account set-up e-mail for a new invitee ({}); check the realm's SMTP"
                    + " settings", e.getMessage());
        }
    }

    @Override
    public Account account(String userId) {
        try {
            UserRepresentation user = realm().users().get(userId).toRepresentation();
            return new Account(user.getId(), user.getUsername(), user.getEmail(), Boolean.TRUE.equals(user.isEmailVerified()));
        } catch (NotFoundException | ForbiddenException e) {
            throw new DirectoryException("No such account", true, e);
        }
    }

    @Override
    public DirectoryUser join(String tenant, String userId, Set<Role> roles) {
        RealmResource realm = realm();
        requireTenant(realm, tenant);
        for (Role role : roles) {
            joinGroup(realm, userId, roleGroupId(realm, tenant, role));
        }
        return member(realm, tenant, userId);
    }

    /**
     * The realm's admin permissions refuse this client any account under {@code /platform}: such an account cannot be
     * given a council role through the application.
     */
    private static void joinGroup(RealmResource realm, String userId, String groupId) {
        try {
            realm.users().get(userId).joinGroup(groupId);
        } catch (ForbiddenException e) {
            throw new DirectoryException("The identity provider does not let this application manage that account", false,
                    e);
        }
    }

    /** Creates an account; a name Keycloak's user profile refuses is reported with its field. */
    private static String create(RealmResource realm, UserRepresentation user) {
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() == 409) {
                throw new DirectoryException("An account with that username or email already exists", false, null);
            }
            if (response.getStatus() == 400) {
                String body = response.readEntity(String.class);
                String field = body.contains("\"firstName\"") ? "firstName" : body.contains("\"lastName\"") ? "lastName"
                        : body.contains("\"email\"") ? "email" : "user";
                throw new RefusedValueException(field, "The identity provider does not accept this " + field, null);
            }
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    @Override
    public DirectoryUser grant(String tenant, String userId, Role role) {
        RealmResource realm = realm();
        DirectoryUser user = member(realm, tenant, userId);
        if (user.roles().isEmpty()) {
            throw new DirectoryException("No such person in council " + tenant, true, null);
        }
        joinGroup(realm, userId, roleGroupId(realm, tenant, role));
        return member(realm, tenant, userId);
    }

    @Override
    public DirectoryUser revoke(String tenant, String userId, Role role) {
        RealmResource realm = realm();
        DirectoryUser user = member(realm, tenant, userId);
        if (user.roles().isEmpty()) {
            throw new DirectoryException("No such person in council " + tenant, true, null);
        }
        realm.users().get(userId).leaveGroup(roleGroupId(realm, tenant, role));
        return member(realm, tenant, userId);
    }

    /** The person with the roles they hold in this tenant only (empty when none, or when there is no such account). */
    private DirectoryUser member(RealmResource realm, String tenant, String userId) {
        UserRepresentation user;
        List<GroupRepresentation> groups;
        try {
            user = realm.users().get(userId).toRepresentation();
            groups = realm.users().get(userId).groups(0, 1000, false);
        } catch (NotFoundException | ForbiddenException e) {
            // Forbidden: an account the realm's admin permissions keep from this client (platform administrators)
            throw new DirectoryException("No such person in council " + tenant, true, e);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String prefix = tenantPath(tenant) + "/";
        for (GroupRepresentation group : groups) {
            if (group.getPath() != null && group.getPath().startsWith(prefix)) {
                Role.fromGroupName(group.getPath().substring(prefix.length())).ifPresent(roles::add);
            }
        }
        return toUser(user, roles);
    }

    private static DirectoryUser toUser(UserRepresentation user, Set<Role> roles) {
        return new DirectoryUser(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(),
                user.getEmail(), Boolean.TRUE.equals(user.isEnabled()), roles);
    }

    private String roleGroupId(RealmResource realm, String tenant, Role role) {
        return group(realm, rolePath(tenant, role))
                .orElseThrow(() -> new DirectoryException("Council " + tenant + " has no " + role.groupName()
                        + " group in the directory", true, null))
                .getId();
    }

    private void requireTenant(RealmResource realm, String tenant) {
        if (group(realm, tenantPath(tenant)).isEmpty()) {
            throw new DirectoryException("Council " + tenant + " does not exist in the directory", true, null);
        }
    }

    /** Keycloak writes its e-mails to an account in the account's {@code locale} (ADR 0024). */
    private static void setLanguage(UserRepresentation user, NewUser newUser) {
        if (newUser.language() != null) {
            user.setAttributes(Map.of("locale", List.of(newUser.language().getLanguage())));
        }
    }

    private static Optional<UserRepresentation> findByEmail(RealmResource realm, String email) {
        return realm.users().searchByEmail(email.toLowerCase(), true).stream().findFirst();
    }

    private static Optional<GroupRepresentation> group(RealmResource realm, String path) {
        try {
            return Optional.of(realm.getGroupByPath(path));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static void ignoreNotFound(Runnable action) {
        try {
            action.run();
        } catch (NotFoundException e) {
            // already gone: what we wanted
        }
    }

    private static String tenantPath(String tenant) {
        if (!tenant.matches("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")) {
            throw new IllegalArgumentException("Not a tenant slug: " + tenant);
        }
        return TENANTS + "/" + tenant;
    }

    private static String rolePath(String tenant, Role role) {
        return tenantPath(tenant) + "/" + role.groupName();
    }

    private static String temporaryPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private RealmResource realm() {
        Keycloak client = keycloak;
        if (client == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder()
                            .serverUrl(properties.serverUrl())
                            .realm(properties.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(properties.adminClientId())
                            .clientSecret(properties.adminClientSecret())
                            .build();
                }
                client = keycloak;
            }
        }
        try {
            return client.realm(properties.realm());
        } catch (WebApplicationException e) {
            throw new DirectoryException("The identity provider refused the request", false, e);
        }
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
