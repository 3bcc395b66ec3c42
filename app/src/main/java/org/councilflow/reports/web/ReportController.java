package org.councilflow.reports.web;

import java.util.List;
import java.util.UUID;

import org.councilflow.reports.PerformanceData;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportDiff;
import org.councilflow.reports.ReportDocument;
import org.councilflow.reports.Reports;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/t/{tenant}/reports")
@Tag(name = "Progress reports", description = "Drafts edited part by part, frozen versions, comparisons, export and import")
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping
    List<Report.Summary> all(@PathVariable String tenant) {
        return reports.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a report from a whole document")
    Report create(@PathVariable String tenant, @Valid @RequestBody NewReport report) {
        return reports.create(report.planId(), report.document());
    }

    @GetMapping("/{reportId}")
    Report get(@PathVariable String tenant, @PathVariable UUID reportId) {
        return reports.get(reportId);
    }

    @PutMapping("/{reportId}/parts/{part}")
    @Operation(summary = "Save one part of the draft",
            description = "Parts: header, summary, recommendations, body, reasons, alternatives, postDecision, implications, backgroundPapers, and welsh (the Welsh title, summary and recommendations beside the English, ADR 0015). Send the revision you loaded; if someone saved the part since, the answer is 409 and nothing is saved. A report submitted for sign-off is locked (409 saying since when) until it is returned.")
    Report savePart(@PathVariable String tenant, @PathVariable UUID reportId, @PathVariable String part,
            @Valid @RequestBody PartChange change) {
        return reports.savePart(reportId, part, change.content(), change.revision());
    }

    @PostMapping("/{reportId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Freeze the draft as the next immutable version",
            description = "Only a draft: once the report is submitted for sign-off it is locked (409) until it is returned.")
    Report.Version freeze(@PathVariable String tenant, @PathVariable UUID reportId) {
        return reports.freeze(reportId);
    }

    @GetMapping("/{reportId}/versions")
    List<Report.Version> versions(@PathVariable String tenant, @PathVariable UUID reportId) {
        return reports.versions(reportId);
    }

    @GetMapping("/{reportId}/versions/{number}")
    Report.Version version(@PathVariable String tenant, @PathVariable UUID reportId, @PathVariable int number) {
        return reports.version(reportId, number);
    }

    @PutMapping("/{reportId}/versions/{number}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record that I have reviewed this version")
    void markReviewed(@PathVariable String tenant, @PathVariable UUID reportId, @PathVariable int number) {
        reports.markReviewed(reportId, number);
    }

    @GetMapping("/{reportId}/diff")
    @Operation(summary = "Compare two versions section by section")
    ReportDiff diff(@PathVariable String tenant, @PathVariable UUID reportId, @RequestParam int from, @RequestParam int to) {
        return reports.diff(reportId, from, to);
    }

    @GetMapping("/{reportId}/changes-since-my-review")
    @Operation(summary = "What changed since the version I last reviewed")
    ReportDiff changesSinceMyReview(@PathVariable String tenant, @PathVariable UUID reportId) {
        return reports.changesSinceMyLastReview(reportId);
    }

    @GetMapping("/{reportId}/performance")
    @Operation(summary = "Quantitative performance data: the plan's indicators in the reporting period")
    PerformanceData performance(@PathVariable String tenant, @PathVariable UUID reportId) {
        return reports.performance(reportId);
    }

    @GetMapping("/{reportId}/export")
    @Operation(summary = "The report as a portable JSON document")
    Report.Export export(@PathVariable String tenant, @PathVariable UUID reportId) {
        return reports.export(reportId);
    }

    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a report from an exported document")
    Report importReport(@PathVariable String tenant, @RequestParam(required = false) UUID planId,
            @Valid @RequestBody Report.Export export) {
        return reports.importReport(planId, export);
    }

    record NewReport(UUID planId, @NotNull @Valid ReportDocument document) {
    }

    record PartChange(@NotNull Integer revision, JsonNode content) {
    }
}
