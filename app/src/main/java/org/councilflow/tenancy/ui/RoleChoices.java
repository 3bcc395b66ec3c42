package org.councilflow.tenancy.ui;

import java.util.Set;
import java.util.stream.Collectors;

import org.councilflow.identity.Role;
import org.councilflow.common.ui.Words;

/** The roles as an administrator chooses them: what the person does, in the council's words, then the role's name. */
final class RoleChoices {

    private RoleChoices() {
    }

    static String label(Role role) {
        return switch (role) {
            case AUTHOR -> Words.t("roles.author");
            case MANAGER -> Words.t("roles.manager");
            case BOARD -> Words.t("roles.board");
            case BOARD_CHAIR -> Words.t("roles.boardChair");
            case CLERK -> Words.t("roles.clerk");
            case MEMBER -> Words.t("roles.member");
            case TENANT_ADMIN -> Words.t("roles.tenantAdmin");
        };
    }

    /** A short list for a table, "author, manager", or "no role". */
    static String summary(Set<Role> roles) {
        if (roles.isEmpty()) {
            return Words.t("roles.none");
        }
        return roles.stream().sorted().map(RoleChoices::shortName).collect(Collectors.joining(", "));
    }

    static String shortName(Role role) {
        return switch (role) {
            case BOARD_CHAIR -> Words.t("role.board-chair");
            case TENANT_ADMIN -> Words.t("roles.administrator");
            default -> Words.t("role." + role.groupName());
        };
    }
}
