package org.councilflow.identity;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
    @JsonValue
    public String groupName() {
        return groupName;
    }

    /** The Spring Security authority this role grants inside the current tenant, e.g. {@code ROLE_BOARD_CHAIR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    @JsonCreator
    static Role fromJson(String name) {
        return fromGroupName(name).orElseThrow(() -> new IllegalArgumentException("Unknown role '" + name + "'"));
    }

    public static Optional<Role> fromGroupName(String name) {
        return Arrays.stream(values()).filter(r -> r.groupName.equals(name)).findFirst();
    }
}
