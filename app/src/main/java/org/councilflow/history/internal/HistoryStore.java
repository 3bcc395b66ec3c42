package org.councilflow.history.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current council's import runs, their outcomes and the import records; row-level security holds every query. */
@Repository
public class HistoryStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    HistoryStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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

    /** Writes outcomes in one round trip, numbered from {@code firstSeq}. */
    void outcomes(UUID run, int firstSeq, List<Outcome> outcomes) {
        String tenant = tenant();
        int[] seq = {firstSeq};
        batch.batchUpdate("""
                INSERT INTO app.history_outcome (run_id, tenant_id, seq, kind, source_id, title, action, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", outcomes, 1_000, (ps, o) -> {
            ps.setObject(1, run);
            ps.setString(2, tenant);
            ps.setInt(3, seq[0]++);
            ps.setString(4, o.kind().name());
            ps.setString(5, abbreviate(o.sourceId(), 200));
            ps.setString(6, abbreviate(o.title(), 1_000));
            ps.setString(7, o.action().name());
            ps.setString(8, abbreviate(o.reason(), 2_000));
        });
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

    static String key(Kind kind, String sourceId) {
        return kind.name() + ":" + sourceId;
    }

    /** What was imported from the source so far, by {@link #key}: read once per run. */
    Map<String, Record> records(String source) {
        Map<String, Record> found = new HashMap<>();
        jdbc.sql("""
                SELECT kind, source_id, target_id, hash, imported_at, imported_by FROM app.history_record
                WHERE tenant_id = :tenant AND source = :source""")
                .param("tenant", tenant()).param("source", source)
                .query((RowCallbackHandler) rs -> found.put(key(Kind.valueOf(rs.getString("kind")), rs.getString("source_id")),
                        new Record(rs.getObject("target_id", UUID.class), rs.getString("hash"),
                                rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by"))));
        return found;
    }

    /** Writes import records in one round trip: a source id imported before has its record replaced. */
    void saveRecords(String source, List<ImportUnit.Pending> records, String by, UUID run) {
        String tenant = tenant();
        batch.batchUpdate("""
                INSERT INTO app.history_record (tenant_id, source, kind, source_id, target_id, parent_id, hash, content,
                       imported_at, imported_by, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)
                ON CONFLICT (tenant_id, source, kind, source_id) DO UPDATE SET target_id = excluded.target_id,
                       parent_id = excluded.parent_id, hash = excluded.hash, content = excluded.content,
                       imported_at = excluded.imported_at, imported_by = excluded.imported_by, run_id = excluded.run_id""",
                records, 1_000, (ps, r) -> {
                    ps.setString(1, tenant);
                    ps.setString(2, source);
                    ps.setString(3, r.kind().name());
                    ps.setString(4, r.sourceId());
                    ps.setObject(5, r.target());
                    ps.setObject(6, r.parent());
                    ps.setString(7, r.hash());
                    ps.setString(8, r.content());
                    ps.setTimestamp(9, Timestamp.from(r.at()));
                    ps.setString(10, by);
                    ps.setObject(11, run);
                });
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
