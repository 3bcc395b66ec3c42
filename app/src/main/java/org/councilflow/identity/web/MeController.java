package org.councilflow.identity.web;

import java.util.List;

import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as the token says: what a client needs to show the right councils and actions. */
@RestController
class MeController {

    private final CurrentUsers users;

    MeController(CurrentUsers users) {
        this.users = users;
    }

    @GetMapping("/api/me")
    Me me() {
        CurrentUser user = users.require();
        List<TenantMembership> tenants = user.tenantRoles().entrySet().stream()
                .map(e -> new TenantMembership(e.getKey(), e.getValue().stream().map(Role::groupName).sorted().toList()))
                .toList();
        List<String> platformRoles = user.platformAdmin() ? List.of("platform-admin") : List.of();
        return new Me(user.subject(), user.username(), user.name(), user.email(), tenants, platformRoles);
    }

    record Me(String subject, String username, String name, String email, List<TenantMembership> tenants,
            List<String> platformRoles) {
    }

    record TenantMembership(String tenant, List<String> roles) {
    }
}
