package org.councilflow.workflow.web;

import java.util.List;

import org.councilflow.workflow.WorkflowVariant;
import org.councilflow.workflow.WorkflowVariant.StageLevel;
import org.councilflow.workflow.WorkflowVariants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/t/{tenant}/workflow/variant")
@Tag(name = "Report cycle", description = "The council's variant of the shared cycle (tenant-admin)")
class WorkflowVariantController {

    private final WorkflowVariants variants;

    WorkflowVariantController(WorkflowVariants variants) {
        this.variants = variants;
    }

    @GetMapping
    @Operation(summary = "The council's variant: optional stages, and each stage's service level and roles (empty: the platform default)")
    WorkflowVariant get(@PathVariable String tenant) {
        return variants.current();
    }

    @GetMapping("/defaults")
    @Operation(summary = "The platform's level of every stage at normal urgency")
    List<StageLevel> defaults(@PathVariable String tenant) {
        return variants.defaults();
    }

    @PutMapping
    @Operation(summary = "Replace the council's variant",
            description = "Carries the version read; a stale one gets 409 and nothing is saved. Applies to cycles started, and stages begun, from now on.")
    WorkflowVariant put(@PathVariable String tenant, @Valid @RequestBody WorkflowVariant variant) {
        return variants.update(variant);
    }
}
