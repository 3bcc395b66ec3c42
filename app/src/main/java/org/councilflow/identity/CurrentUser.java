package org.councilflow.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.EnumSet;
import java.util.Collections;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The caller as the validated token describes them: identity, and the roles they hold in each council.
 * Tenant roles come from Keycloak group membership {@code /tenants/<slug>/<role>}; platform roles from
 * {@code /platform/<role>}. Nothing here comes from anything the client sends unchecked.
 */
public record CurrentUser(String subject, String username, String name, String email,
        SortedMap<String, Set<Role>> tenantRoles, boolean platformAdmin) {

    public static final String GROUPS_CLAIM = "groups";
    public static final String PLATFORM_ADMIN_AUTHORITY = "ROLE_PLATFORM_ADMIN";
    private static final String TENANTS_PREFIX = "/tenants/";
    private static final String PLATFORM_ADMIN_GROUP = "/platform/platform-admin";

    public CurrentUser {
        SortedMap<String, Set<Role>> copy = new TreeMap<>();
        tenantRoles.forEach((tenant, roles) -> copy.put(tenant, Collections.unmodifiableSet(EnumSet.copyOf(roles))));
        tenantRoles = Collections.unmodifiableSortedMap(copy);
    }

    /** Reads the standard OIDC claims and the {@code groups} claim of an access or ID token. */
    public static CurrentUser fromClaims(Map<String, Object> claims) {
        SortedMap<String, Set<Role>> tenantRoles = new TreeMap<>();
        boolean platformAdmin = false;
        Object groups = claims.get(GROUPS_CLAIM);
        if (groups instanceof Collection<?> paths) {
            for (Object path : paths) {
                String group = String.valueOf(path);
                if (group.equals(PLATFORM_ADMIN_GROUP)) {
                    platformAdmin = true;
                } else if (group.startsWith(TENANTS_PREFIX)) {
                    String[] parts = group.substring(TENANTS_PREFIX.length()).split("/");
                    if (parts.length == 2) {
                        Role.fromGroupName(parts[1]).ifPresent(role ->
                                tenantRoles.computeIfAbsent(parts[0], t -> EnumSet.noneOf(Role.class)).add(role));
                    }
                }
            }
        }
        return new CurrentUser(
                string(claims, "sub"),
                string(claims, "preferred_username"),
                string(claims, "name"),
                string(claims, "email"),
                tenantRoles,
                platformAdmin);
    }

    /**
     * Authorities that hold whatever council is being worked in. Tenant roles become authorities only once a
     * request has been resolved to one tenant. Platform administration needs the platform-admin group AND the
     * account's subject on the application's own allow-list: the directory's admin client can change group
     * membership, so a group alone grants nothing.
     */
    public List<GrantedAuthority> platformAuthorities(Collection<String> allowedSubjects) {
        return platformAdmin && subject != null && allowedSubjects.contains(subject)
                ? List.of(new SimpleGrantedAuthority(PLATFORM_ADMIN_AUTHORITY)) : List.of();
    }

    /** This person without platform administration (their token named the group, the allow-list does not). */
    public CurrentUser withoutPlatformAdmin() {
        return new CurrentUser(subject, username, name, email, tenantRoles, false);
    }

    public Set<Role> rolesIn(String tenant) {
        return tenantRoles.getOrDefault(tenant, Set.of());
    }

    public boolean hasRole(String tenant, Role role) {
        return rolesIn(tenant).contains(role);
    }

    /** A name to greet people with: the full name, else the username. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : username;
    }

    private static String string(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null ? null : value.toString();
    }
}
