package org.councilflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CurrentUserTests {

    @Test
    void tenantRolesComeFromGroupPathsUnderTenants() {
        CurrentUser user = CurrentUser.fromClaims(Map.of(
                "sub", "abc",
                "preferred_username", "partner.director",
                "groups", List.of("/tenants/barnet/board-chair", "/tenants/tower-hamlets/manager",
                        "/tenants/tower-hamlets/board")));

        assertThat(user.tenantRoles()).containsOnlyKeys("barnet", "tower-hamlets");
        assertThat(user.rolesIn("barnet")).containsExactly(Role.BOARD_CHAIR);
        assertThat(user.rolesIn("tower-hamlets")).containsExactlyInAnyOrder(Role.MANAGER, Role.BOARD);
        assertThat(user.rolesIn("barnsley")).isEmpty();
        assertThat(user.platformAdmin()).isFalse();
    }

    @Test
    void unknownRolesOtherGroupsAndMalformedPathsGrantNothing() {
        CurrentUser user = CurrentUser.fromClaims(Map.of(
                "sub", "abc",
                "groups", List.of("/tenants/barnet/superuser", "/tenants/barnet", "/tenants/barnet/author/extra",
                        "/other/barnet/manager", "barnet/manager", "/platform/somethingelse")));

        assertThat(user.tenantRoles()).isEmpty();
        assertThat(user.platformAdmin()).isFalse();
    }

    @Test
    void platformAdminComesFromThePlatformGroup() {
        CurrentUser user = CurrentUser.fromClaims(Map.of("sub", "abc", "groups", List.of("/platform/platform-admin")));

        assertThat(user.platformAdmin()).isTrue();
        assertThat(user.tenantRoles()).isEmpty();
    }

    @Test
    void aTokenWithoutGroupsHasNoRoles() {
        CurrentUser user = CurrentUser.fromClaims(Map.of("sub", "abc", "name", "Priya Shah"));

        assertThat(user.tenantRoles()).isEmpty();
        assertThat(user.displayName()).isEqualTo("Priya Shah");
        assertThat(user.hasRole("barnet", Role.AUTHOR)).isFalse();
        assertThat(Set.copyOf(user.tenantRoles().keySet())).isEmpty();
    }
}
