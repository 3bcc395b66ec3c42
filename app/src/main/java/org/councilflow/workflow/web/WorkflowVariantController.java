package org.councilflow.workflow.web;

import java.util.List;
import java.util.Map;

import org.councilflow.workflow.WorkflowVariant;
import org.councilflow.workflow.WorkflowVariant.StageLevel;
import org.councilflow.workflow.WorkflowVariants;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonMappingException;

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

    /** A value Jackson cannot read (an unknown stage or role, a wrong type): a 400 that names the field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce("", (path, part) -> path.isEmpty() || part.startsWith("[") ? path + part : path + "." + part) : "";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field.isEmpty()
                ? "The request body is not a workflow variant." : "Not a valid value for " + field + ".");
        problem.setTitle("Invalid request");
        if (!field.isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "is not a valid value")));
        }
        return problem;
    }

    @PutMapping
    @Operation(summary = "Replace the council's variant",
            description = "Carries the version read; a stale one gets 409 and nothing is saved. Applies to cycles started, and stages begun, from now on.")
    WorkflowVariant put(@PathVariable String tenant, @Valid @RequestBody WorkflowVariant variant) {
        return variants.update(variant);
    }
}
