package org.councilflow.history.web;

import java.util.List;
import java.util.UUID;

import org.councilflow.history.HistoryImports;
import org.councilflow.history.ImportRequest;
import org.councilflow.history.ImportRun;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/t/{tenant}/history/imports")
@Tag(name = "History import", description = "A council's past meetings, items and decisions from ModernGov or a file")
class HistoryImportController {

    private final HistoryImports imports;
    private final StrictBody strict;

    HistoryImportController(HistoryImports imports, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.imports = imports;
        this.strict = new StrictBody(json);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start an import or a dry run (tenant-admin)",
            description = "Runs in the background; read its progress and outcomes from the run. One run at a time per council.")
    ImportRun start(@PathVariable String tenant, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ImportRequest.class)))
            @RequestBody com.fasterxml.jackson.databind.JsonNode body) {
        return imports.start(strict.read(body));
    }

    @GetMapping
    @Operation(summary = "The latest runs, newest first")
    List<ImportRun> list(@PathVariable String tenant) {
        return imports.list();
    }

    @GetMapping("/{runId}")
    @Operation(summary = "A run's progress and what it did (or would do) with each meeting and item")
    ImportRun get(@PathVariable String tenant, @PathVariable UUID runId) {
        return imports.get(runId);
    }
}
