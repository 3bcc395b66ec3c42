package org.councilflow.workflow.web;

import org.councilflow.workflow.CycleRetention;
import org.councilflow.workflow.CycleRetention.Retention;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/t/{tenant}/workflow/retention")
@Tag(name = "Report cycle", description = "The council's variant of the shared cycle (tenant-admin)")
class RetentionController {

    private final CycleRetention retention;

    RetentionController(CycleRetention retention) {
        this.retention = retention;
    }

    @GetMapping
    @Operation(summary = "How long the engine keeps finished cycles before their steps move into the council's records")
    Retention get(@PathVariable String tenant) {
        return retention.current();
    }

    @PutMapping
    @Operation(summary = "Set the council's retention (days, at least 90; null: the platform's)",
            description = "History, decisions, papers, publications and the audit trail are kept whatever this says.")
    Retention put(@PathVariable String tenant, @Valid @RequestBody Change change) {
        return retention.change(change.engineHistoryDays(), change.version());
    }

    record Change(@Min(90) @Max(36500) Integer engineHistoryDays, @NotNull Integer version) {
    }
}
