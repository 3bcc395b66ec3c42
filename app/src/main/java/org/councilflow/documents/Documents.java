package org.councilflow.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.common.NotFoundException;
import org.councilflow.documents.internal.DocumentRepository;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents of the current council (report appendices, inspection letters): checked for size, for type from their
 * bytes and for soundness ({@link #check}, before any transaction), checksummed, and stored. Other features hold their ids; access control is theirs.
 */
@Service
@Transactional(readOnly = true)
public class Documents {

    private final DocumentRepository documents;
    private final DocumentStore store;
    private final DocumentsProperties properties;
    private final CurrentUsers users;

    Documents(DocumentRepository documents, DocumentStore store, DocumentsProperties properties, CurrentUsers users) {
        this.documents = documents;
        this.store = store;
        this.properties = properties;
        this.users = users;
    }

    /**
     * Checks an upload before anything is stored: its size, its type from its bytes, and that it is sound for its
     * type (a PDF parses through and through and nothing in it runs; a Word or Excel package's directory declares
     * no more than the limits). These checks read the whole file, so they never run inside a transaction: a hostile
     * file must not hold a database connection while it is read ({@link Propagation#NEVER} refuses to run in one).
     */
    @Transactional(propagation = Propagation.NEVER)
    public CheckedDocument check(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw new DocumentRefusedException("The file is empty", false);
        }
        if (content.length > properties.maxSize().toBytes()) {
            throw new DocumentRefusedException("The file is " + megabytes(content.length) + "; the largest accepted is "
                    + megabytes(properties.maxSize().toBytes()), true);
        }
        Optional<DocumentType> detected = DocumentType.isPdf(content) ? Optional.of(DocumentType.PDF)
                : DocumentType.isZip(content) ? OfficePackages.inspect(content, safe(filename), properties) : Optional.empty();
        DocumentType type = detected.orElseThrow(() -> new DocumentRefusedException(
                "'" + safe(filename) + "' is not a PDF, Word (.docx) or Excel (.xlsx) document, whatever its name says",
                false));
        if (type == DocumentType.PDF) {
            PdfDocuments.inspect(content, safe(filename), properties);
        }
        return new CheckedDocument(normalise(filename, type), type, content, sha256(content));
    }

    /** Stores a checked document inside the caller's transaction, so that it goes with whatever refers to it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument store(CheckedDocument document) {
        String tenant = TenantContext.require();
        UUID id = UUID.randomUUID();
        store.put(tenant, id, document.content());
        documents.insert(tenant, id, document.filename(), document.type(), document.size(), document.sha256(),
                users.require().username());
        return documents.find(tenant, id).orElseThrow();
    }

    public Optional<StoredDocument> find(UUID id) {
        return documents.find(TenantContext.require(), id);
    }

    public byte[] content(UUID id) {
        return store.get(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("No document " + id));
    }

    /** The name to offer on download: the uploader's, cleaned, with the extension of what the file really is. */
    private static String normalise(String filename, DocumentType type) {
        String base = filename == null ? "" : filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        if (base.isBlank()) {
            base = "document";
        }
        if (base.length() > 150) {
            base = base.substring(0, 150);
        }
        return base + "." + type.extension();
    }

    private static String safe(String filename) {
        String name = filename == null ? "the file" : filename.replaceAll("[\\p{Cntrl}]", "");
        return name.length() > 80 ? name.substring(0, 80) + "…" : name;
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
