package org.councilflow.meetings;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.Refusal;
import org.councilflow.common.ConflictException;
import org.councilflow.common.InvalidFieldException;
import org.councilflow.common.NotFoundException;
import org.councilflow.documents.CheckedDocument;
import org.councilflow.documents.Documents;
import org.councilflow.documents.StoredDocument;
import org.councilflow.meetings.internal.AgendaRepository;
import org.councilflow.tenancy.TenantContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The documents of agenda items under their own titles and kinds: files (checked as every upload, by
 * {@link Documents#check} before any transaction) or https links. After publication adding or removing one is an
 * amendment with a note.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AgendaDocuments {

    private final AgendaRepository agendas;
    private final AgendaChanges changes;
    private final Documents documents;

    AgendaDocuments(AgendaRepository agendas, AgendaChanges changes, Documents documents) {
        this.agendas = agendas;
        this.changes = changes;
        this.documents = documents;
    }

    /**
     * What the clerk says of a document: for a link, {@code link} is set; for a file, the file comes beside it.
     * {@code titleCy} is its title in Welsh, optional (ADR 0017).
     */
    public record Details(@NotBlank @Size(max = 300) String title, @NotNull AgendaDocument.Kind kind,
            @Size(max = 2000) @Pattern(regexp = Meeting.LINK, message = "must be an https:// link") String link,
            boolean exempt, @NotNull Integer version, @Size(max = 2000) String amendmentNote,
            @Size(min = 1, max = 300) String titleCy) {

        public Details(String title, AgendaDocument.Kind kind, String link, boolean exempt, Integer version,
                String amendmentNote) {
            this(title, kind, link, exempt, version, amendmentNote, null);
        }
    }

    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting addLink(UUID meetingId, UUID itemId, @NotNull @Valid Details details) {
        if (details.link() == null) {
            throw new InvalidFieldException("link", Refusal.of("document.linkRequired"));
        }
        requireWebLink(details.link());
        return add(meetingId, itemId, details, null, details.link());
    }

    /** Stores a file that {@link Documents#check} accepted, as a document of the item. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting addFile(UUID meetingId, UUID itemId, @NotNull @Valid Details details, @NotNull CheckedDocument file) {
        if (details.link() != null) {
            throw new InvalidFieldException("link", Refusal.of("document.fileOrLink"));
        }
        return add(meetingId, itemId, details, file, null);
    }

    private Meeting add(UUID meetingId, UUID itemId, Details details, CheckedDocument file, String link) {
        Meeting meeting = changes.begin(meetingId, details.version());
        Meeting.AgendaItem item = meeting.item(itemId);
        String note = meeting.requireAmendmentNote(details.amendmentNote());
        if (item.withdrawn()) {
            throw new ConflictException(Refusal.of("item.withdrawnNoDocuments", item.number()));
        }
        if (item.documents().size() >= 50) {
            throw new ConflictException(Refusal.of("item.documentsFull", item.number()));
        }
        StoredDocument stored = file == null ? null : documents.store(file);
        agendas.insertDocument(tenant(), itemId, UUID.randomUUID(), details.title().strip(), details.kind(),
                stored == null ? null : stored.id(), link, details.exempt(), changes.by(),
                details.titleCy() == null || details.titleCy().isBlank() ? null : details.titleCy().strip());
        return changes.done(meeting, "meeting.agenda-document-added", Map.of("item", itemId.toString(),
                "title", details.title().strip()), note);
    }

    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting remove(UUID meetingId, UUID itemId, UUID documentId, @NotNull Integer version,
            @Size(max = 2000) String amendmentNote) {
        Meeting meeting = changes.begin(meetingId, version);
        AgendaDocument document = find(meeting, itemId, documentId);
        String note = meeting.requireAmendmentNote(amendmentNote);
        agendas.deleteDocument(tenant(), itemId, documentId);
        return changes.done(meeting, "meeting.agenda-document-removed", Map.of("item", itemId.toString(),
                "title", document.title()), note);
    }

    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting reorder(UUID meetingId, UUID itemId, @NotNull List<UUID> documentIds, @NotNull Integer version,
            @Size(max = 2000) String amendmentNote) {
        Meeting meeting = changes.begin(meetingId, version);
        Meeting.AgendaItem item = meeting.item(itemId);
        String note = meeting.requireAmendmentNote(amendmentNote);
        List<UUID> current = item.documents().stream().map(AgendaDocument::id).toList();
        if (documentIds.size() != current.size() || !new HashSet<>(documentIds).equals(new HashSet<>(current))) {
            throw new ConflictException(Refusal.of("item.documentsChanged"));
        }
        agendas.orderDocuments(tenant(), itemId, documentIds);
        return changes.done(meeting, "meeting.agenda-documents-ordered", Map.of("item", itemId.toString()), note);
    }

    /** A document of an item that is a file, with its bytes. */
    public StoredDocument file(UUID meetingId, UUID itemId, UUID documentId) {
        AgendaDocument document = find(changes.get(meetingId), itemId, documentId);
        if (document.documentId() == null) {
            throw new NotFoundException("Document " + documentId + " is a link, not a file: " + document.link());
        }
        return documents.find(document.documentId()).orElseThrow(() -> new NotFoundException("No document " + documentId));
    }

    public byte[] content(UUID meetingId, UUID itemId, UUID documentId) {
        return documents.content(file(meetingId, itemId, documentId).id());
    }

    private static AgendaDocument find(Meeting meeting, UUID itemId, UUID documentId) {
        return meeting.item(itemId).documents().stream().filter(d -> d.id().equals(documentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No document " + documentId + " on this agenda item"));
    }

    /** Beyond the pattern: a link that parses, to a named host (no user:password@, no bare scheme tricks). */
    static void requireWebLink(String link) {
        try {
            URI uri = new URI(link);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()
                    || uri.getRawUserInfo() != null) {
                throw new InvalidFieldException("link", Refusal.of("document.httpsLink"));
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidFieldException("link", Refusal.of("document.invalidLink", e.getReason()));
        }
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
