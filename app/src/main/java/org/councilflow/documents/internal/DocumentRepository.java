package org.councilflow.documents.internal;

import java.util.Optional;
import java.util.UUID;

import org.councilflow.documents.DocumentType;
import org.councilflow.documents.StoredDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DocumentRepository {

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tenant, UUID id, String filename, DocumentType type, long size, String sha256, String user) {
        jdbc.sql("""
                INSERT INTO app.document (id, tenant_id, filename, content_type, size_bytes, sha256, stored_by)
                VALUES (:id, :tenant, :filename, :type, :size, :sha256, :user)""")
                .param("id", id).param("tenant", tenant).param("filename", filename).param("type", type.name())
                .param("size", size).param("sha256", sha256).param("user", user)
                .update();
    }

    public Optional<StoredDocument> find(String tenant, UUID id) {
        return jdbc.sql("SELECT * FROM app.document WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new StoredDocument(id, rs.getString("filename"),
                        DocumentType.valueOf(rs.getString("content_type")), rs.getLong("size_bytes"),
                        rs.getString("sha256"), rs.getTimestamp("stored_at").toInstant(), rs.getString("stored_by")))
                .optional();
    }
}
