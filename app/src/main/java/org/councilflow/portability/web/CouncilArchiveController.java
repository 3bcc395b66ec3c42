package org.councilflow.portability.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.councilflow.portability.CouncilArchives;
import org.councilflow.portability.internal.ArchiveImporter.InvalidArchiveException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@Tag(name = "Council archive", description = "A council's data as one archive: export (tenant-admin), restore and erase (platform-admin)")
class CouncilArchiveController {

    private final CouncilArchives archives;

    CouncilArchiveController(CouncilArchives archives) {
        this.archives = archives;
    }

    @GetMapping(path = "/api/t/{tenant}/archive", produces = "application/zip")
    @Operation(summary = "Everything of the council as one zip archive (docs/council-archive.md)")
    void export(@PathVariable String tenant, HttpServletResponse response) throws IOException {
        Path file = archives.export();
        try {
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + tenant + "-archive.zip\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @PostMapping(path = "/api/platform/archives", consumes = "application/zip")
    @Operation(summary = "Restore a council's archive into this instance, which must not hold that council")
    ResponseEntity<CouncilArchives.Restored> restore(InputStream archive) {
        return ResponseEntity.status(HttpStatus.CREATED).body(archives.restore(archive));
    }

    @PostMapping(path = "/api/platform/tenants/{slug}/erasure", consumes = "application/json")
    @Operation(summary = "Erase a suspended council: every row and cycle of it",
            description = "The body is the manifest.json of its archive, made after its last change: its row counts must be the council's now.")
    CouncilArchives.Erased erase(@PathVariable String slug, @RequestBody JsonNode manifest) {
        return archives.erase(slug, manifest);
    }

    @ExceptionHandler(InvalidArchiveException.class)
    ProblemDetail invalid(InvalidArchiveException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Not a restorable council archive");
        return problem;
    }
}
