package org.councilflow.publication.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.publication.internal.Snapshots.Amendment;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.SearchHit;
import org.councilflow.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The publications of the current council ({@code app.publication}, versioned, never updated) and the search index
 * over them. Row-level security keeps every query inside the council of the transaction.
 */
@Repository
class PublicationStore {

    /** Marks around a match in a search snippet; stripped from indexed text so that nobody can forge them. */
    static final String MARK_START = "\uE000";
    static final String MARK_END = "\uE001";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    /** Welsh texts' configuration (V55): {@code simple} words with unaccent. */
    private static final String WELSH_CONFIGURATION = "app.welsh";

    /** PostgreSQL's text search configuration (a regconfig name, validated): how texts are indexed and queried. */
    private final String searchConfiguration;

    PublicationStore(JdbcClient jdbc, ObjectMapper json, org.councilflow.publication.PublicationProperties properties) {
        this.searchConfiguration = properties.searchConfiguration();
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Publishes {@code content} as the next version, unless it equals the latest version (then nothing changes).
     *
     * @return whether a new version was published
     */
    boolean publish(PublicationKind kind, UUID subject, UUID committee, Object content, Instant at, String by, String note) {
        JsonNode node = json.valueToTree(content);
        // two reports scheduled to one meeting at once both republish it: the second waits for the first's commit
        // and publishes the version after it, instead of failing on the same version number
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "publication:" + TenantContext.require() + ":" + kind.name() + ":" + subject)
                .query((rs, n) -> 1).single();
        Optional<Row> latest = latestRow(kind, subject);
        if (latest.isPresent() && latest.get().content().equals(reread(node))) {
            return false;
        }
        int version = latest.map(row -> row.version() + 1).orElse(1);
        jdbc.sql("""
                INSERT INTO app.publication (tenant_id, kind, subject_id, version, published_at, published_by, note,
                       committee_id, content)
                VALUES (:tenant, :kind, :subject, :version, :at, :by, :note, :committee, CAST(:content AS jsonb))""")
                .param("tenant", TenantContext.require()).param("kind", kind.name()).param("subject", subject)
                .param("version", version).param("at", Timestamp.from(at)).param("by", by)
                .param("note", version == 1 ? null : note).param("committee", committee)
                .param("content", write(node))
                .update();
        return true;
    }

    <T> Optional<Published<T>> latest(PublicationKind kind, UUID subject, Class<T> type) {
        List<Published<T>> found = published(kind, subject, null, type);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The latest version of everything of a kind (optionally of one committee), with its history. */
    <T> List<Published<T>> all(PublicationKind kind, UUID committee, Class<T> type) {
        return published(kind, null, committee, type);
    }

    /**
     * The latest content of each subject with the dates and notes of all its versions: older contents are not read,
     * so a long history costs little.
     */
    private <T> List<Published<T>> published(PublicationKind kind, UUID subject, UUID committee, Class<T> type) {
        Map<UUID, List<Row>> bySubject = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT subject_id, version, published_at, note,
                       CASE WHEN version = max(version) OVER (PARTITION BY subject_id) THEN content::text END AS content
                FROM app.publication
                WHERE tenant_id = :tenant AND kind = :kind
                  AND (CAST(:subject AS uuid) IS NULL OR subject_id = :subject)
                  AND (CAST(:committee AS uuid) IS NULL OR committee_id = :committee)
                ORDER BY subject_id, version""")
                .param("tenant", TenantContext.require()).param("kind", kind.name()).param("subject", subject)
                .param("committee", committee)
                .query((rs, n) -> Map.entry(rs.getObject("subject_id", UUID.class), row(rs)))
                .list()
                .forEach(entry -> bySubject.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        return bySubject.values().stream().map(rows -> published(rows, type)).toList();
    }

    /** When anything of these kinds was last published in this council (for feeds and lists). */
    Optional<Instant> lastPublished(PublicationKind... kinds) {
        List<String> names = java.util.Arrays.stream(kinds).map(PublicationKind::name).toList();
        return jdbc.sql("""
                SELECT max(published_at) AS last FROM app.publication WHERE tenant_id = :tenant AND kind IN (:kinds)""")
                .param("tenant", TenantContext.require()).param("kinds", names)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp("last")).map(Timestamp::toInstant))
                .single();
    }

    void index(String kind, UUID subject, String title, String body, String path, Instant at) {
        index(kind, subject, title, body, path, at, "en", searchConfiguration);
    }

    /** Takes something out of search in every language (an agenda item withdrawn or made exempt). */
    void unindex(String kind, UUID subject) {
        jdbc.sql("DELETE FROM app.publication_search WHERE tenant_id = :tenant AND kind = :kind AND subject_id = :subject")
                .param("tenant", TenantContext.require()).param("kind", kind).param("subject", subject).update();
    }

    /**
     * A Welsh text beside the English one (ADR 0015): PostgreSQL has no Welsh stemmer, so it is indexed as
     * {@code app.welsh} words ({@code simple} with unaccent), its accents folded, so "wyr" finds "ŵyr". A blank text
     * removes a Welsh row indexed before.
     */
    void indexWelsh(String kind, UUID subject, String title, String body, String path, Instant at) {
        if (title == null || title.isBlank()) {
            jdbc.sql("DELETE FROM app.publication_search WHERE tenant_id = :tenant AND kind = :kind AND subject_id = :subject"
                    + " AND lang = 'cy'").param("tenant", TenantContext.require()).param("kind", kind)
                    .param("subject", subject).update();
            return;
        }
        index(kind, subject, title, body, path, at, "cy", WELSH_CONFIGURATION);
    }

    private void index(String kind, UUID subject, String title, String body, String path, Instant at, String lang,
            String config) {
        jdbc.sql("""
                INSERT INTO app.publication_search (tenant_id, kind, subject_id, title, body, path, published_at, config, lang)
                VALUES (:tenant, :kind, :subject, :title, :body, :path, :at, CAST(:config AS regconfig), :lang)
                ON CONFLICT (tenant_id, kind, subject_id, lang) DO UPDATE SET title = excluded.title, body = excluded.body,
                       path = excluded.path, published_at = excluded.published_at, config = excluded.config""")
                .param("config", config).param("lang", lang)
                .param("tenant", TenantContext.require()).param("kind", kind).param("subject", subject)
                .param("title", unmarked(title)).param("body", unmarked(body)).param("path", path)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Full-text search, best first: {@code snippet} holds the matches between {@link #MARK_START} and
     * {@link #MARK_END}, and is otherwise the indexed text itself (escape it before showing it).
     */
    List<SearchHit> search(String query, int limit) {
        return jdbc.sql("""
                WITH q AS (SELECT websearch_to_tsquery(CAST(:config AS regconfig), :query) AS en,
                                  websearch_to_tsquery('app.welsh', app.welsh_fold(:query)) AS cy)
                SELECT s.kind, s.title, s.path, s.published_at, s.lang,
                       ts_rank(s.document, CASE WHEN s.lang = 'cy' THEN q.cy ELSE q.en END) AS rank,
                       ts_headline(s.config, s.body, CASE WHEN s.lang = 'cy' THEN q.cy ELSE q.en END, :options) AS snippet
                FROM app.publication_search s, q
                WHERE s.tenant_id = :tenant AND ((s.lang = 'cy' AND s.document @@ q.cy) OR (s.lang <> 'cy' AND s.document @@ q.en))
                ORDER BY rank DESC, s.published_at DESC
                LIMIT :limit""")
                .param("tenant", TenantContext.require()).param("query", query).param("limit", limit)
                .param("config", searchConfiguration)
                .param("options", "StartSel=\"" + MARK_START + "\", StopSel=\"" + MARK_END + "\""
                        + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"")
                .query((rs, n) -> new SearchHit(rs.getString("kind"), rs.getString("title"), rs.getString("path"),
                        rs.getTimestamp("published_at").toInstant(), rs.getDouble("rank"), rs.getString("snippet"),
                        rs.getString("lang")))
                .list();
    }

    private Optional<Row> latestRow(PublicationKind kind, UUID subject) {
        return jdbc.sql("""
                SELECT version, published_at, note, content::text AS content FROM app.publication
                WHERE tenant_id = :tenant AND kind = :kind AND subject_id = :subject ORDER BY version DESC LIMIT 1""")
                .param("tenant", TenantContext.require()).param("kind", kind.name()).param("subject", subject)
                .query((rs, n) -> row(rs)).optional();
    }

    private <T> Published<T> published(List<Row> rows, Class<T> type) {
        Row first = rows.get(0);
        Row last = rows.get(rows.size() - 1);
        List<Amendment> amendments = rows.stream().skip(1)
                .map(row -> new Amendment(row.version(), row.publishedAt(), row.note())).toList();
        try {
            return new Published<>(json.treeToValue(last.content(), type), last.version(), first.publishedAt(),
                    last.publishedAt(), amendments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable publication", e);
        }
    }

    private Row row(ResultSet rs) throws SQLException {
        try {
            String content = rs.getString("content");
            return new Row(rs.getInt("version"), rs.getTimestamp("published_at").toInstant(), rs.getString("note"),
                    content == null ? null : json.readTree(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable publication", e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the database gives it back (numbers as their smallest type), so that equal content compares equal. */
    private JsonNode reread(JsonNode node) {
        try {
            return json.readTree(write(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unmarked(String text) {
        return text == null ? "" : text.replace(MARK_START, "").replace(MARK_END, "");
    }

    private record Row(int version, Instant publishedAt, String note, JsonNode content) {
    }
}
