package org.councilflow.workflow.web;

import java.util.List;

import org.councilflow.workflow.ProcessVariants;
import org.councilflow.workflow.ProcessVariants.InvalidVariantException;
import org.councilflow.workflow.ProcessVariants.Variant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/t/{tenant}/workflow/variants")
@Tag(name = "Report cycle", description = "The council's own variant of the cycle (tenant-admin)")
class ProcessVariantController {

    private final ProcessVariants variants;

    ProcessVariantController(ProcessVariants variants) {
        this.variants = variants;
    }

    @GetMapping
    List<Variant> all(@PathVariable String tenant) {
        return variants.all();
    }

    @PostMapping(consumes = {"application/xml", "text/xml", "application/octet-stream"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Deploy the council's own report cycle (BPMN 2.0 XML)",
            description = "Checked by Flowable's validator and for the cycle's stages; refused with the reasons, and nothing deployed, when invalid.")
    Variant deploy(@PathVariable String tenant, @RequestBody byte[] bpmn) {
        return variants.deploy(bpmn);
    }

    @ExceptionHandler(InvalidVariantException.class)
    ProblemDetail invalid(InvalidVariantException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid process");
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
