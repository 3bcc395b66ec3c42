package org.councilflow.tenancy.ui;

import java.util.Set;
import java.util.stream.Collectors;

import org.councilflow.identity.Role;

/** The roles as an administrator chooses them: what the person does, in the council's words, then the role's name. */
final class RoleChoices {

    private RoleChoices() {
    }

    static String label(Role role) {
        return switch (role) {
            case AUTHOR -> "Writes progress reports (author)";
            case MANAGER -> "Signs off reports as a team manager (manager)";
            case BOARD -> "Reads reports for the improvement board (board)";
            case BOARD_CHAIR -> "Chairs the improvement board's review (board chair)";
            case CLERK -> "Democratic services: meetings, agendas and decisions (clerk)";
            case MEMBER -> "Councillor: reads published papers and may request call-in (member)";
            case TENANT_ADMIN -> "Administers the council's settings and people (administrator)";
        };
    }

    /** A short list for a table, "author, manager", or "no role". */
    static String summary(Set<Role> roles) {
        if (roles.isEmpty()) {
            return "No role";
        }
        return roles.stream().sorted().map(RoleChoices::shortName).collect(Collectors.joining(", "));
    }

    static String shortName(Role role) {
        return switch (role) {
            case BOARD_CHAIR -> "board chair";
            case TENANT_ADMIN -> "administrator";
            default -> role.groupName();
        };
    }
}
