package org.councilflow.publication.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.councilflow.publication.ReportPreview;
import org.councilflow.reports.Reports;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A draft as the public would read it, rendered by the public report's own template (not by Java strings). */
@RestController
@Tag(name = "Progress reports")
class ReportPreviewController {

    private final Reports reports;
    private final ReportPreview preview;

    ReportPreviewController(Reports reports, ReportPreview preview) {
        this.reports = reports;
        this.preview = preview;
    }

    @GetMapping("/api/t/{tenant}/reports/{reportId}/preview")
    @Operation(summary = "The draft rendered as HTML (text is sanitised)")
    ResponseEntity<String> preview(@PathVariable String tenant, @PathVariable UUID reportId) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(preview.page(reports.get(reportId).document()));
    }
}
