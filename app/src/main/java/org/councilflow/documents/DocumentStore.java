package org.councilflow.documents;

import java.util.Optional;
import java.util.UUID;

/**
 * Where document bytes live. PostgreSQL by default; an object store can take its place behind this interface.
 * Every call names the tenant, and implementations keep each tenant's documents apart.
 */
public interface DocumentStore {

    void put(String tenant, UUID id, byte[] content);

    Optional<byte[]> get(String tenant, UUID id);
}
