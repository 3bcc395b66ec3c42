package org.councilflow.tenancy.web;

import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantSettings;
import org.councilflow.tenancy.Tenants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/t/{tenant}")
@Tag(name = "Council", description = "The council's record and settings")
class TenantController {

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @Operation(summary = "The council and its settings")
    Tenant get(@PathVariable String tenant) {
        return tenants.requireCurrent();
    }

    @PutMapping("/settings")
    @Operation(summary = "Change the council's name and settings (tenant-admin)",
            description = "Send the version you loaded; if someone changed the settings since, the answer is 409 and nothing is saved.")
    Tenant update(@PathVariable String tenant, @Valid @RequestBody SettingsChange change) {
        return tenants.updateSettings(change.displayName(), change.settings(), change.version());
    }

    record SettingsChange(@NotBlank @Size(min = 2, max = 200) String displayName, @NotNull @Valid TenantSettings settings,
            @NotNull Integer version) {
    }
}
