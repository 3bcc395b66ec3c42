package org.councilflow.meetings.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.councilflow.documents.CheckedDocument;
import org.councilflow.documents.Documents;
import org.councilflow.documents.Downloads;
import org.councilflow.meetings.AgendaDocument;
import org.councilflow.meetings.AgendaDocuments;
import org.councilflow.meetings.AgendaItemDraft;
import org.councilflow.meetings.AgendaNumbering;
import org.councilflow.meetings.Agendas;
import org.councilflow.meetings.Meeting;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Meetings")
class AgendaController {

    private static final String ITEMS = "/api/t/{tenant}/meetings/{meetingId}/agenda/items";
    private static final String DOCUMENTS = ITEMS + "/{itemId}/documents";

    private final Agendas agendas;
    private final AgendaDocuments documents;
    private final Documents uploads;

    AgendaController(Agendas agendas, AgendaDocuments documents, Documents uploads) {
        this.agendas = agendas;
        this.documents = documents;
        this.uploads = uploads;
    }

    record DocumentOrder(@NotNull @Size(max = 50) List<@NotNull UUID> documentIds, @NotNull Integer version,
            @Size(max = 2000) String amendmentNote) {
    }

    record Numbering(@NotNull AgendaNumbering numbering) {
    }

    @PostMapping(ITEMS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an agenda item (clerk)",
            description = "Procedural items, other reports and verbal updates, numbered as the council numbers them. After publication an amendment (amendmentNote required).")
    Meeting add(@PathVariable String tenant, @PathVariable UUID meetingId, @Valid @RequestBody AgendaItemDraft draft) {
        return agendas.addItem(meetingId, draft);
    }

    @PutMapping(ITEMS + "/{itemId}")
    @Operation(summary = "Change an agenda item (clerk)")
    Meeting change(@PathVariable String tenant, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @Valid @RequestBody AgendaItemDraft draft) {
        return agendas.changeItem(meetingId, itemId, draft);
    }

    @DeleteMapping(ITEMS + "/{itemId}")
    @Operation(summary = "Remove an agenda item (clerk)",
            description = "Before publication it leaves the agenda; after, it is withdrawn (amendmentNote required).")
    Meeting remove(@PathVariable String tenant, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @RequestParam int version, @RequestParam(required = false) String amendmentNote) {
        return agendas.removeItem(meetingId, itemId, version, amendmentNote);
    }

    @PostMapping(path = DOCUMENTS, consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a link as a document of an item (clerk)", description = "https links only.")
    Meeting addLink(@PathVariable String tenant, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @Valid @RequestBody AgendaDocuments.Details details) {
        return documents.addLink(meetingId, itemId, details);
    }

    @PostMapping(path = DOCUMENTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a file (PDF, DOCX or XLSX) as a document of an item (clerk)",
            description = "Checked as every upload: type from its bytes, size, soundness; refused files store nothing.")
    Meeting addFile(@PathVariable String tenant, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @RequestParam String title, @RequestParam AgendaDocument.Kind kind,
            @RequestParam(defaultValue = "false") boolean exempt, @RequestParam int version,
            @RequestParam(required = false) String amendmentNote, @RequestParam(required = false) String titleCy,
            @RequestParam MultipartFile file) throws IOException {
        // checked before the service's transaction opens: reading a hostile file holds no database connection
        CheckedDocument checked = uploads.check(file.getOriginalFilename(), file.getBytes());
        return documents.addFile(meetingId, itemId,
                new AgendaDocuments.Details(title, kind, null, exempt, version, amendmentNote, titleCy), checked);
    }

    @GetMapping(DOCUMENTS + "/{documentId}")
    @Operation(summary = "Download a document of an item that is a file")
    ResponseEntity<byte[]> download(@PathVariable String tenant, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @PathVariable UUID documentId) {
        return Downloads.attachment(documents.file(meetingId, itemId, documentId),
                documents.content(meetingId, itemId, documentId));
    }

    @DeleteMapping(DOCUMENTS + "/{documentId}")
    @Operation(summary = "Remove a document from an item (clerk)")
    Meeting removeDocument(@PathVariable String tenant, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @PathVariable UUID documentId, @RequestParam int version, @RequestParam(required = false) String amendmentNote) {
        return documents.remove(meetingId, itemId, documentId, version, amendmentNote);
    }

    @PutMapping(DOCUMENTS + "/order")
    @Operation(summary = "Order an item's documents (clerk)")
    Meeting orderDocuments(@PathVariable String tenant, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @Valid @RequestBody DocumentOrder order) {
        return documents.reorder(meetingId, itemId, order.documentIds(), order.version(), order.amendmentNote());
    }

    @GetMapping("/api/t/{tenant}/agenda-numbering")
    @Operation(summary = "How the council numbers new agenda items")
    Numbering numbering(@PathVariable String tenant) {
        return new Numbering(agendas.numbering());
    }

    @PutMapping("/api/t/{tenant}/agenda-numbering")
    @Operation(summary = "Set how the council numbers new agenda items (clerk, tenant-admin)",
            description = "NUMBERS (1, 2, 3), DECIMAL (1.1, 1.2), ITEM (Item 1, Item 2); a clerk may always write a number.")
    Numbering setNumbering(@PathVariable String tenant, @Valid @RequestBody Numbering numbering) {
        return new Numbering(agendas.setNumbering(numbering.numbering()));
    }
}
