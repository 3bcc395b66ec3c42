package org.councilflow.reports.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.reports.Report;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports, their parts (JSON) and frozen versions, always filtered by tenant as well as by row-level security. */
@Repository
public class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report's row: its listing, and its stage with the submitted and approved versions. */
    public record Row(UUID id, UUID planId, int latestVersion, java.time.Instant updatedAt, String createdBy,
            Report.Stage stage, Integer submittedVersion, java.time.Instant submittedAt, String submittedBy,
            Integer approvedVersion, java.time.Instant approvedAt, String approvedBy) {
    }

    private static final String ROW = """
            SELECT id, plan_id, latest_version, updated_at, created_by, stage, submitted_version, submitted_at, submitted_by,
                   approved_version, approved_at, approved_by
            FROM app.progress_report WHERE tenant_id = :tenant AND id = :id""";

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getInt("latest_version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("created_by"), Report.Stage.valueOf(rs.getString("stage")),
                (Integer) rs.getObject("submitted_version"), instant(rs.getTimestamp("submitted_at")), rs.getString("submitted_by"),
                (Integer) rs.getObject("approved_version"), instant(rs.getTimestamp("approved_at")), rs.getString("approved_by"));
    }

    private static java.time.Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public record Part(String part, String content, int revision, String updatedBy, java.time.Instant updatedAt) {
    }

    public List<Report.Summary> summaries(String tenant) {
        return jdbc.sql("""
                SELECT id, plan_id, title, sequence_number, latest_version, updated_at FROM app.progress_report
                WHERE tenant_id = :tenant ORDER BY updated_at DESC""")
                .param("tenant", tenant)
                .query((rs, n) -> new Report.Summary(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getString("title"), (Integer) rs.getObject("sequence_number"), rs.getInt("latest_version"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    public Optional<Row> find(String tenant, UUID id) {
        return jdbc.sql(ROW).param("tenant", tenant).param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /**
     * Locks the report row for the rest of the transaction: its stage cannot change meanwhile, so an edit and a
     * submission never interleave, and versions are frozen one at a time.
     */
    public Optional<Row> lock(String tenant, UUID id) {
        return jdbc.sql(ROW + " FOR UPDATE").param("tenant", tenant).param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** Moves the report to {@code SUBMITTED} with the version just frozen. */
    public void submitted(String tenant, UUID id, int version, String user) {
        jdbc.sql("""
                UPDATE app.progress_report SET stage = 'SUBMITTED', submitted_version = :version, submitted_at = now(),
                       submitted_by = :user, approved_version = NULL, approved_at = NULL, approved_by = NULL
                WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", tenant).param("id", id).param("version", version).param("user", user).update();
    }

    public void signedOff(String tenant, UUID id, int version, String user) {
        jdbc.sql("""
                UPDATE app.progress_report SET stage = 'SIGNED_OFF', approved_version = :version, approved_at = now(),
                       approved_by = :user
                WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", tenant).param("id", id).param("version", version).param("user", user).update();
    }

    /** Back to an editable draft; the approval, if any, no longer stands. */
    public void returned(String tenant, UUID id) {
        jdbc.sql("""
                UPDATE app.progress_report SET stage = 'DRAFT', approved_version = NULL, approved_at = NULL, approved_by = NULL
                WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", tenant).param("id", id).update();
    }

    /** Records that {@code user} contributed to the report: {@code created} it, or saved the part named. */
    public void contributed(String tenant, UUID report, String user, String contribution) {
        jdbc.sql("""
                INSERT INTO app.report_contributor (report_id, tenant_id, username, contribution)
                VALUES (:report, :tenant, :user, :contribution) ON CONFLICT DO NOTHING""")
                .param("report", report).param("tenant", tenant).param("user", user).param("contribution", contribution)
                .update();
    }

    /** Everyone who has contributed to the report so far, as JSON ({@code [{username, contribution}]}). */
    public String contributorsJson(String tenant, UUID report) {
        return jdbc.sql("""
                SELECT coalesce(jsonb_agg(jsonb_build_object('username', username, 'contribution', contribution)
                                ORDER BY username, contribution), '[]')::text
                FROM app.report_contributor WHERE tenant_id = :tenant AND report_id = :report""")
                .param("tenant", tenant).param("report", report).query(String.class).single();
    }

    public void insert(String tenant, UUID id, UUID planId, String title, Integer sequence, LocalDate start, LocalDate end,
            String user) {
        jdbc.sql("""
                INSERT INTO app.progress_report (id, tenant_id, plan_id, title, sequence_number, period_start, period_end, created_by)
                VALUES (:id, :tenant, :plan, :title, :sequence, :start, :end, :user)""")
                .param("id", id).param("tenant", tenant).param("plan", planId).param("title", title)
                .param("sequence", sequence).param("start", date(start)).param("end", date(end)).param("user", user)
                .update();
    }

    public void updateListing(String tenant, UUID id, String title, Integer sequence, LocalDate start, LocalDate end) {
        jdbc.sql("""
                UPDATE app.progress_report SET title = :title, sequence_number = :sequence, period_start = :start,
                       period_end = :end, updated_at = now()
                WHERE tenant_id = :tenant AND id = :id""")
                .param("id", id).param("tenant", tenant).param("title", title).param("sequence", sequence)
                .param("start", date(start)).param("end", date(end))
                .update();
    }

    public void touch(String tenant, UUID id) {
        jdbc.sql("UPDATE app.progress_report SET updated_at = now() WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", id).update();
    }

    public void insertPart(String tenant, UUID report, String part, String json, String user) {
        jdbc.sql("""
                INSERT INTO app.report_part (report_id, tenant_id, part, content, updated_by)
                VALUES (:report, :tenant, :part, CAST(:content AS jsonb), :user)""")
                .param("report", report).param("tenant", tenant).param("part", part).param("content", json)
                .param("user", user)
                .update();
    }

    /** Inserts a new report's parts, in their order, in one statement (one round trip, ADR 0026). */
    public void insertParts(String tenant, UUID report, Map<String, String> jsonByPart, String user) {
        jdbc.sql("""
                INSERT INTO app.report_part (report_id, tenant_id, part, content, updated_by)
                SELECT :report, :tenant, p.part, CAST(p.content AS jsonb), :user
                FROM unnest(CAST(:parts AS text[]), CAST(:contents AS text[])) WITH ORDINALITY AS p(part, content, n)
                ORDER BY p.n""")
                .param("report", report).param("tenant", tenant).param("user", user)
                .param("parts", jsonByPart.keySet().toArray(String[]::new))
                .param("contents", jsonByPart.values().toArray(String[]::new))
                .update();
    }

    /** Saves a part if its revision is still {@code expectedRevision}; false when someone saved it in between. */
    public boolean updatePart(String tenant, UUID report, String part, String json, int expectedRevision, String user) {
        return jdbc.sql("""
                UPDATE app.report_part SET content = CAST(:content AS jsonb), revision = revision + 1, updated_at = now(),
                       updated_by = :user
                WHERE tenant_id = :tenant AND report_id = :report AND part = :part AND revision = :revision""")
                .param("report", report).param("tenant", tenant).param("part", part).param("content", json)
                .param("revision", expectedRevision).param("user", user)
                .update() == 1;
    }

    public Map<String, Part> parts(String tenant, UUID report) {
        Map<String, Part> parts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT part, content::text AS content, revision, updated_by, updated_at FROM app.report_part
                WHERE tenant_id = :tenant AND report_id = :report""")
                .param("tenant", tenant).param("report", report)
                .query((rs, n) -> new Part(rs.getString("part"), rs.getString("content"), rs.getInt("revision"),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .list()
                .forEach(part -> parts.put(part.part(), part));
        return parts;
    }

    public void insertVersion(String tenant, UUID report, int number, String json, String user, String appendices,
            String contributors) {
        jdbc.sql("""
                INSERT INTO app.report_version (report_id, tenant_id, number, document, frozen_by, appendices, contributors)
                VALUES (:report, :tenant, :number, CAST(:document AS jsonb), :user, CAST(:appendices AS jsonb),
                        CAST(:contributors AS jsonb))""")
                .param("report", report).param("tenant", tenant).param("number", number).param("document", json)
                .param("user", user).param("appendices", appendices).param("contributors", contributors)
                .update();
        jdbc.sql("UPDATE app.progress_report SET latest_version = :number WHERE tenant_id = :tenant AND id = :report")
                .param("report", report).param("tenant", tenant).param("number", number)
                .update();
    }

    /** The report's appendices as they stand, with each document's recorded SHA-256, to freeze with a version. */
    public List<Report.FrozenAppendix> appendices(String tenant, UUID report) {
        return jdbc.sql("""
                SELECT a.position, a.title, a.document_id, d.sha256 FROM app.report_appendix a
                JOIN app.document d ON d.tenant_id = a.tenant_id AND d.id = a.document_id
                WHERE a.tenant_id = :tenant AND a.report_id = :report ORDER BY a.position""")
                .param("tenant", tenant).param("report", report)
                .query((rs, n) -> new Report.FrozenAppendix(rs.getInt("position"), rs.getString("title"),
                        rs.getObject("document_id", UUID.class), rs.getString("sha256")))
                .list();
    }

    public record VersionRow(int number, String document, java.time.Instant frozenAt, String frozenBy, String appendices,
            String contributors) {
    }

    public List<VersionRow> versions(String tenant, UUID report) {
        return jdbc.sql("""
                SELECT number, document::text AS document, frozen_at, frozen_by, appendices::text AS appendices,
                       contributors::text AS contributors FROM app.report_version
                WHERE tenant_id = :tenant AND report_id = :report ORDER BY number""")
                .param("tenant", tenant).param("report", report)
                .query((rs, n) -> new VersionRow(rs.getInt("number"), rs.getString("document"),
                        rs.getTimestamp("frozen_at").toInstant(), rs.getString("frozen_by"), rs.getString("appendices"),
                        rs.getString("contributors")))
                .list();
    }

    public Optional<VersionRow> version(String tenant, UUID report, int number) {
        return jdbc.sql("""
                SELECT number, document::text AS document, frozen_at, frozen_by, appendices::text AS appendices,
                       contributors::text AS contributors FROM app.report_version
                WHERE tenant_id = :tenant AND report_id = :report AND number = :number""")
                .param("tenant", tenant).param("report", report).param("number", number)
                .query((rs, n) -> new VersionRow(rs.getInt("number"), rs.getString("document"),
                        rs.getTimestamp("frozen_at").toInstant(), rs.getString("frozen_by"), rs.getString("appendices"),
                        rs.getString("contributors")))
                .optional();
    }

    public void markReviewed(String tenant, UUID report, String reviewer, int version) {
        jdbc.sql("""
                INSERT INTO app.report_review (report_id, tenant_id, reviewer, version) VALUES (:report, :tenant, :reviewer, :version)
                ON CONFLICT (report_id, reviewer) DO UPDATE SET version = excluded.version, reviewed_at = now()""")
                .param("report", report).param("tenant", tenant).param("reviewer", reviewer).param("version", version)
                .update();
    }

    public Optional<Integer> lastReviewed(String tenant, UUID report, String reviewer) {
        return jdbc.sql("SELECT version FROM app.report_review WHERE tenant_id = :tenant AND report_id = :report AND reviewer = :reviewer")
                .param("tenant", tenant).param("report", report).param("reviewer", reviewer)
                .query(Integer.class).optional();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
