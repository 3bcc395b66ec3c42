package org.councilflow.reports.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.councilflow.documents.CheckedDocument;
import org.councilflow.documents.Documents;
import org.councilflow.documents.Downloads;
import org.councilflow.reports.ReportAppendices;
import org.councilflow.reports.ReportAppendices.Appendix;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/t/{tenant}/reports/{reportId}/appendices")
@Tag(name = "Progress reports")
class AppendixController {

    private final ReportAppendices appendices;
    private final Documents documents;

    AppendixController(ReportAppendices appendices, Documents documents) {
        this.appendices = appendices;
        this.documents = documents;
    }

    @GetMapping
    List<Appendix> all(@PathVariable String tenant, @PathVariable UUID reportId) {
        return appendices.all(reportId);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload an appendix (PDF, DOCX or XLSX)",
            description = "The type is recognised from the file's bytes; anything else, or a file over the size limit, is refused and nothing is stored.")
    Appendix add(@PathVariable String tenant, @PathVariable UUID reportId, @RequestParam String title,
            @RequestParam MultipartFile file) throws IOException {
        // checked before the service's transaction opens: reading a hostile file holds no database connection
        CheckedDocument checked = documents.check(file.getOriginalFilename(), file.getBytes());
        return appendices.add(reportId, title, checked);
    }

    @DeleteMapping("/{number}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an appendix from the draft",
            description = "The later appendices move up a number. Once the report is submitted its appendices are locked (409) until it is returned.")
    void remove(@PathVariable String tenant, @PathVariable UUID reportId, @PathVariable int number) {
        appendices.remove(reportId, number);
    }

    @PutMapping("/{number}/position")
    @Operation(summary = "Move an appendix of the draft to another number",
            description = "The ones between shift by one; 409 once the report is submitted, as for adding and removing.")
    List<Appendix> move(@PathVariable String tenant, @PathVariable UUID reportId, @PathVariable int number,
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Position position) {
        return appendices.move(reportId, number, position.to());
    }

    record Position(@jakarta.validation.constraints.NotNull Integer to) {
    }

    @GetMapping("/{number}")
    @Operation(summary = "Download an appendix")
    ResponseEntity<byte[]> download(@PathVariable String tenant, @PathVariable UUID reportId, @PathVariable int number) {
        Appendix appendix = appendices.get(reportId, number);
        return Downloads.attachment(appendix.document(), appendices.content(reportId, number));
    }
}
