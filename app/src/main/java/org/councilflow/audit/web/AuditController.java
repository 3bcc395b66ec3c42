package org.councilflow.audit.web;

import java.util.List;

import org.councilflow.audit.AuditLog;
import org.councilflow.audit.AuditLog.AuditEntry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Audit", description = "Who did what, when, in this council")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/t/{tenant}/audit")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "The newest entries of the council's audit trail (tenant-admin)")
    List<AuditEntry> recent(@PathVariable String tenant, @RequestParam(defaultValue = "100") int limit) {
        return audit.recent(limit);
    }
}
