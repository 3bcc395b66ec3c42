package org.councilflow.documents.internal;

import java.util.Optional;
import java.util.UUID;

import org.councilflow.documents.DocumentStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Document bytes in PostgreSQL ({@code app.document_content}), under the same row-level security as the rest. */
@Component
class PostgresDocumentStore implements DocumentStore {

    private final JdbcClient jdbc;

    PostgresDocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String tenant, UUID id, byte[] content) {
        jdbc.sql("INSERT INTO app.document_content (id, tenant_id, content) VALUES (:id, :tenant, :content)")
                .param("id", id).param("tenant", tenant).param("content", content)
                .update();
    }

    @Override
    public Optional<byte[]> get(String tenant, UUID id) {
        return jdbc.sql("SELECT content FROM app.document_content WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> rs.getBytes("content"))
                .optional();
    }
}
