package org.councilflow.workflow.web;

import org.councilflow.workflow.SharedReportCycle;
import org.councilflow.workflow.SharedReportCycle.Deployed;
import org.councilflow.workflow.SharedReportCycle.InvalidProcessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/platform/workflow/report-cycle")
@Tag(name = "Platform", description = "The shared report cycle (platform-admin)")
class SharedReportCycleController {

    private final SharedReportCycle cycle;

    SharedReportCycleController(SharedReportCycle cycle) {
        this.cycle = cycle;
    }

    @PostMapping(consumes = {"application/xml", "text/xml", "application/octet-stream"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Deploy a new version of the shared report cycle (BPMN 2.0 XML)",
            description = "Refused with the reasons, and nothing deployed, unless it passes the allow-list (no scripts, classes, "
                    + "delegate expressions, listeners, or expressions but the cycle's own), Flowable's validator and has every stage.")
    Deployed deploy(@RequestBody byte[] bpmn) {
        return cycle.deploy(bpmn);
    }

    @ExceptionHandler(InvalidProcessException.class)
    ProblemDetail invalid(InvalidProcessException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid process");
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
