package org.councilflow.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do inside one council (tenant). Names match the Keycloak groups {@code /tenants/<slug>/<role>}. */
public enum Role {
    AUTHOR("author"),
    MANAGER("manager"),
    BOARD("board"),
    BOARD_CHAIR("board-chair"),
    CLERK("clerk"),
    MEMBER("member"),
    TENANT_ADMIN("tenant-admin");

    private final String groupName;

    Role(String groupName) {
        this.groupName = groupName;
    }

    /** The group name in Keycloak and the role name in the API. */
    public String groupName() {
        return groupName;
    }

    /** The Spring Security authority this role grants inside the current tenant, e.g. {@code ROLE_BOARD_CHAIR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromGroupName(String name) {
        return Arrays.stream(values()).filter(r -> r.groupName.equals(name)).findFirst();
    }
}
