package org.councilflow.publication.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.councilflow.publication.PublicationProperties;
import org.councilflow.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Many first versions and search entries written in one round trip each (a history import's new meetings): no lock and
 * no read of a latest version, since a first version either goes in or finds its subject taken (then the caller
 * publishes that subject the ordinary way). Row-level security holds as for {@link PublicationStore}.
 */
@Repository
class PublicationBatch {

    /** A first version to insert. */
    record First(PublicationKind kind, UUID subject, UUID committee, Object content, Instant at, String by) {
    }

    /** A search entry (English) for a subject published here. */
    record Entry(String kind, UUID subject, String title, String body, String path, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String searchConfiguration;

    PublicationBatch(JdbcTemplate jdbc, ObjectMapper json, PublicationProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.searchConfiguration = properties.searchConfiguration();
    }

    /**
     * Inserts each as version 1 unless its subject has a version already.
     *
     * @return the subjects that had one (nothing was inserted for them)
     */
    Set<UUID> insertFirst(List<First> firsts) {
        String tenant = TenantContext.require();
        // one read finds the subjects published before; a subject named twice in the list is taken by its first
        Set<UUID> taken = new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT subject_id FROM app.publication WHERE tenant_id = ? AND subject_id = ANY(?)", UUID.class,
                tenant, jdbc.execute((java.sql.Connection c) -> c.createArrayOf("uuid",
                        firsts.stream().map(First::subject).distinct().toArray()))));
        Set<UUID> seen = new HashSet<>();
        List<First> fresh = new ArrayList<>();
        Set<UUID> refused = new HashSet<>();
        for (First f : firsts) {
            if (taken.contains(f.subject()) || !seen.add(f.subject())) {
                refused.add(f.subject());
            } else {
                fresh.add(f);
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO app.publication (tenant_id, kind, subject_id, version, published_at, published_by, note,
                       committee_id, content)
                VALUES (?, ?, ?, 1, ?, ?, NULL, ?, CAST(? AS jsonb))""", fresh, 500, (ps, f) -> {
            ps.setString(1, tenant);
            ps.setString(2, f.kind().name());
            ps.setObject(3, f.subject());
            ps.setTimestamp(4, Timestamp.from(f.at()));
            ps.setString(5, f.by());
            ps.setObject(6, f.committee());
            ps.setString(7, write(f.content()));
        });
        return refused;
    }

    void index(List<Entry> entries) {
        String tenant = TenantContext.require();
        jdbc.batchUpdate("""
                INSERT INTO app.publication_search (tenant_id, kind, subject_id, title, body, path, published_at, config, lang)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS regconfig), 'en')
                ON CONFLICT (tenant_id, kind, subject_id, lang) DO UPDATE SET title = excluded.title, body = excluded.body,
                       path = excluded.path, published_at = excluded.published_at, config = excluded.config""",
                entries, 500, (ps, e) -> {
                    ps.setString(1, tenant);
                    ps.setString(2, e.kind());
                    ps.setObject(3, e.subject());
                    ps.setString(4, unmarked(e.title()));
                    ps.setString(5, unmarked(e.body()));
                    ps.setString(6, e.path());
                    ps.setTimestamp(7, Timestamp.from(e.at()));
                    ps.setString(8, searchConfiguration);
                });
    }

    private String write(Object content) {
        try {
            // as PublicationStore writes it (through a tree), so that a later comparison with the latest version holds
            return json.writeValueAsString(json.valueToTree(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unmarked(String text) {
        return text == null ? "" : text.replace(PublicationStore.MARK_START, "").replace(PublicationStore.MARK_END, "");
    }
}
