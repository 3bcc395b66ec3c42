package org.councilflow.documents;

import java.time.Instant;
import java.util.UUID;

/** What is known of a stored document; its bytes come from {@link Documents#content}. */
public record StoredDocument(UUID id, String filename, DocumentType type, long size, String sha256, Instant storedAt,
        String storedBy) {
}
