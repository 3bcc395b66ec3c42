package org.councilflow.meetings.web;

import java.util.UUID;

import org.councilflow.common.NotFoundException;
import org.councilflow.meetings.Decision;
import org.councilflow.meetings.Decisions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Meetings")
class DecisionController {

    private final Decisions decisions;

    DecisionController(Decisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/t/{tenant}/reports/{reportId}/decision")
    @Operation(summary = "The committee's latest decision on the report", description = "Councillors (member) read it once published.")
    Decision latest(@PathVariable String tenant, @PathVariable UUID reportId) {
        return decisions.readable(reportId).orElseThrow(() -> new NotFoundException("No decision recorded on report " + reportId));
    }
}
