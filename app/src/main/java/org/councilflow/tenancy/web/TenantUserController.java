package org.councilflow.tenancy.web;

import java.util.List;

import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory.DirectoryUser;
import org.councilflow.tenancy.Invitations;
import org.councilflow.tenancy.TenantUsers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/t/{tenant}/users")
@Tag(name = "People", description = "The council's users and their roles (tenant-admin)")
class TenantUserController {

    private final TenantUsers users;
    private final Invitations invitations;

    TenantUserController(TenantUsers users, Invitations invitations) {
        this.users = users;
        this.invitations = invitations;
    }

    @GetMapping
    @Operation(summary = "People holding a role in the council")
    List<DirectoryUser> all(@PathVariable String tenant) {
        return users.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Invite someone with roles",
            description = "Sends a single-use, expiring invitation link to the address; the roles are granted when its owner"
                    + " accepts while signed in. The answer is the same whether or not the address has an account.")
    Invitations.Sent invite(@PathVariable String tenant, @Valid @RequestBody TenantUsers.Invitation invitation) {
        return invitations.invite(invitation);
    }

    @PutMapping("/{userId}/roles/{role}")
    @Operation(summary = "Grant a role")
    DirectoryUser grant(@PathVariable String tenant, @PathVariable String userId, @PathVariable String role) {
        return users.grant(userId, parse(role));
    }

    @DeleteMapping("/{userId}/roles/{role}")
    @Operation(summary = "Revoke a role")
    DirectoryUser revoke(@PathVariable String tenant, @PathVariable String userId, @PathVariable String role) {
        return users.revoke(userId, parse(role));
    }

    private static Role parse(String role) {
        return Role.fromGroupName(role).orElseThrow(() -> new IllegalArgumentException(
                "Unknown role '" + role.replaceAll("[^A-Za-z0-9-]", "?") + "'; roles are "
                        + java.util.Arrays.stream(Role.values()).map(Role::groupName).toList()));
    }
}
