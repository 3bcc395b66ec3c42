package org.councilflow.tenancy.web;

import java.util.List;

import org.councilflow.tenancy.NewTenant;
import org.councilflow.tenancy.PlatformTenants;
import org.councilflow.tenancy.PlatformTenants.Onboarded;
import org.councilflow.tenancy.Tenant;
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
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/platform/tenants")
@Tag(name = "Platform", description = "Onboarding and suspending councils (platform-admin)")
class PlatformTenantController {

    private final PlatformTenants tenants;

    PlatformTenantController(PlatformTenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @Operation(summary = "Every council on the platform")
    List<Tenant> all() {
        return tenants.all();
    }

    @GetMapping("/{slug}")
    Tenant get(@PathVariable String slug) {
        return tenants.get(slug);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Onboard a council",
            description = "Creates the council, its Keycloak groups and its first tenant administrator (with a temporary password shown only in this response). All or nothing.")
    Onboarded onboard(@Valid @RequestBody NewTenant request) {
        return tenants.onboard(request);
    }

    @PutMapping("/{slug}/suspension")
    @Operation(summary = "Suspend a council", description = "Its users are refused and its public pages say so; nothing is deleted.")
    Tenant suspend(@PathVariable String slug, @Valid @RequestBody(required = false) Suspension suspension) {
        return tenants.suspend(slug, suspension == null ? null : suspension.reason());
    }

    @DeleteMapping("/{slug}/suspension")
    @Operation(summary = "Reactivate a suspended council")
    Tenant reactivate(@PathVariable String slug) {
        return tenants.reactivate(slug);
    }

    record Suspension(@Size(max = 2000) String reason) {
    }
}
