package org.councilflow.history.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.councilflow.common.NotFoundException;
import org.councilflow.history.HistoryImports;
import org.councilflow.history.ImportRequest;
import org.councilflow.history.ImportRun;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.tenancy.TenantStatus;
import org.councilflow.tenancy.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A platform-admin imports a council's history (e.g. while onboarding it), working inside that council. */
@RestController
@RequestMapping("/api/platform/tenants/{slug}/history/imports")
@Tag(name = "Platform", description = "Onboarding and suspending councils (platform-admin)")
class PlatformHistoryImportController {

    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

    private final HistoryImports imports;
    private final Tenants tenants;

    private final StrictBody strict;

    PlatformHistoryImportController(HistoryImports imports, Tenants tenants, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.imports = imports;
        this.tenants = tenants;
        this.strict = new StrictBody(json);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start an import or a dry run in a council (platform-admin)")
    ImportRun start(@PathVariable String slug, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ImportRequest.class)))
            @RequestBody com.fasterxml.jackson.databind.JsonNode body) {
        return TenantContext.supplyInTenant(council(slug), () -> imports.start(strict.read(body)));
    }

    @GetMapping("/{runId}")
    @Operation(summary = "A council's import run")
    ImportRun get(@PathVariable String slug, @PathVariable UUID runId) {
        return TenantContext.supplyInTenant(council(slug), () -> imports.get(runId));
    }

    private String council(String slug) {
        boolean active = SLUG.matcher(slug).matches() && TenantContext.supplyInTenant(slug, tenants::current)
                .filter(t -> t.status() != TenantStatus.PROVISIONING).isPresent();
        if (!active) {
            throw new NotFoundException("No council '" + slug + "'");
        }
        return slug;
    }
}
