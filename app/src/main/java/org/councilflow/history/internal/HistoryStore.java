package org.councilflow.history.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.history.ImportRun;
import org.councilflow.history.ImportRun.Action;
import org.councilflow.history.ImportRun.Counts;
import org.councilflow.history.ImportRun.Kind;
import org.councilflow.history.ImportRun.Outcome;
import org.councilflow.history.ImportRun.State;
import org.councilflow.history.ImportSource;
import org.councilflow.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current council's import runs, their outcomes and the import records; row-level security holds every query. */
@Repository
public class HistoryStore {

    private final JdbcClient jdbc;

    HistoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What was imported for a source's id: what it became and the hash of what was imported. */
    public record Record(UUID targetId, String hash, Instant importedAt, String importedBy) {
    }

    void createRun(UUID id, String source, ImportSource kind, boolean dryRun, String by) {
        jdbc.sql("""
                INSERT INTO app.history_run (id, tenant_id, source, source_kind, dry_run, state, started_by)
                VALUES (:id, :tenant, :source, :kind, :dry, 'RUNNING', :by)""")
                .param("id", id).param("tenant", tenant()).param("source", source).param("kind", kind.name())
                .param("dry", dryRun).param("by", by).update();
    }

    void progress(UUID run, int total, int done) {
        jdbc.sql("UPDATE app.history_run SET total = :total, done = :done, heartbeat_at = now() WHERE tenant_id = :tenant AND id = :id")
                .param("total", total).param("done", done).param("tenant", tenant()).param("id", run).update();
    }

    void finish(UUID run, State state, String message) {
        jdbc.sql("""
                UPDATE app.history_run SET state = :state, message = :message, finished_at = now()
                WHERE tenant_id = :tenant AND id = :id""")
                .param("state", state.name()).param("message", abbreviate(message, 2_000)).param("tenant", tenant())
                .param("id", run).update();
    }

    void outcome(UUID run, int seq, Outcome outcome) {
        jdbc.sql("""
                INSERT INTO app.history_outcome (run_id, tenant_id, seq, kind, source_id, title, action, reason)
                VALUES (:run, :tenant, :seq, :kind, :source, :title, :action, :reason)""")
                .param("run", run).param("tenant", tenant()).param("seq", seq).param("kind", outcome.kind().name())
                .param("source", abbreviate(outcome.sourceId(), 200)).param("title", abbreviate(outcome.title(), 1_000))
                .param("action", outcome.action().name()).param("reason", abbreviate(outcome.reason(), 2_000)).update();
    }

    /**
     * Locks the council's runs until the transaction ends, marks runs whose worker stopped beating as interrupted,
     * and says which run is still under way, if any.
     */
    Optional<UUID> lockAndFindRunning(java.time.Duration stale) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "history-run:" + tenant())
                .query((rs, n) -> 1).single();
        jdbc.sql("""
                UPDATE app.history_run SET state = 'INTERRUPTED', finished_at = now(),
                       message = 'Stopped without finishing (the application stopped); start it again to resume'
                WHERE tenant_id = :tenant AND state = 'RUNNING' AND heartbeat_at < :stale""")
                .param("tenant", tenant()).param("stale", Timestamp.from(Instant.now().minus(stale))).update();
        return jdbc.sql("SELECT id FROM app.history_run WHERE tenant_id = :tenant AND state = 'RUNNING' LIMIT 1")
                .param("tenant", tenant()).query(UUID.class).optional();
    }

    public Optional<ImportRun> run(UUID id) {
        return jdbc.sql("SELECT * FROM app.history_run WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant()).param("id", id).query((rs, n) -> run(rs, outcomes(id))).optional();
    }

    public List<ImportRun> runs() {
        return jdbc.sql("SELECT * FROM app.history_run WHERE tenant_id = :tenant ORDER BY started_at DESC LIMIT 50")
                .param("tenant", tenant()).query((rs, n) -> run(rs, List.of())).list();
    }

    Optional<Record> record(String source, Kind kind, String sourceId) {
        return jdbc.sql("""
                SELECT target_id, hash, imported_at, imported_by FROM app.history_record
                WHERE tenant_id = :tenant AND source = :source AND kind = :kind AND source_id = :id""")
                .param("tenant", tenant()).param("source", source).param("kind", kind.name()).param("id", sourceId)
                .query((rs, n) -> new Record(rs.getObject("target_id", UUID.class), rs.getString("hash"),
                        rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by")))
                .optional();
    }

    void saveRecord(String source, Kind kind, String sourceId, UUID target, UUID parent, String hash, String contentJson,
            Instant at, String by, UUID run) {
        jdbc.sql("""
                INSERT INTO app.history_record (tenant_id, source, kind, source_id, target_id, parent_id, hash, content,
                       imported_at, imported_by, run_id)
                VALUES (:tenant, :source, :kind, :id, :target, :parent, :hash, CAST(:content AS jsonb), :at, :by, :run)
                ON CONFLICT (tenant_id, source, kind, source_id) DO UPDATE SET target_id = excluded.target_id,
                       parent_id = excluded.parent_id, hash = excluded.hash, content = excluded.content,
                       imported_at = excluded.imported_at, imported_by = excluded.imported_by, run_id = excluded.run_id""")
                .param("tenant", tenant()).param("source", source).param("kind", kind.name()).param("id", sourceId)
                .param("target", target).param("parent", parent).param("hash", hash).param("content", contentJson)
                .param("at", Timestamp.from(at)).param("by", by).param("run", run).update();
    }

    private List<Outcome> outcomes(UUID run) {
        return jdbc.sql("""
                SELECT kind, source_id, title, action, reason FROM app.history_outcome WHERE tenant_id = :tenant AND run_id = :run
                ORDER BY (action = 'FAIL') DESC, seq LIMIT :limit""")
                .param("tenant", tenant()).param("run", run).param("limit", ImportRun.MAX_OUTCOMES)
                .query((rs, n) -> new Outcome(Kind.valueOf(rs.getString("kind")), rs.getString("source_id"),
                        rs.getString("title"), Action.valueOf(rs.getString("action")), rs.getString("reason")))
                .list();
    }

    private ImportRun run(ResultSet rs, List<Outcome> outcomes) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        int total = rs.getInt("total");
        int done = rs.getInt("done");
        State state = State.valueOf(rs.getString("state"));
        int percent = state == State.FINISHED ? 100 : total == 0 ? 0 : (int) Math.min(99, 100L * done / total);
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportRun(id, rs.getString("source"), ImportSource.valueOf(rs.getString("source_kind")),
                rs.getBoolean("dry_run"), state, total, done, percent, counts(id), rs.getString("message"),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), outcomes);
    }

    private Counts counts(UUID run) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE action = 'CREATE') AS c, count(*) FILTER (WHERE action = 'UPDATE') AS u,
                       count(*) FILTER (WHERE action = 'SKIP') AS s, count(*) FILTER (WHERE action = 'FAIL') AS f
                FROM app.history_outcome WHERE tenant_id = :tenant AND run_id = :run""")
                .param("tenant", tenant()).param("run", run)
                .query((rs, n) -> new Counts(rs.getInt("c"), rs.getInt("u"), rs.getInt("s"), rs.getInt("f"))).single();
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
