package org.councilflow.workflow.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.councilflow.tenancy.TenantContext;
import org.councilflow.workflow.CycleEvent;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The steps of finished cycles whose engine history was cleaned ({@code app.cycle_record}, under row-level security):
 * what a report's History shows, kept as the council's own record after the engine's retention period.
 */
@Component
public class CycleRecords {

    private final JdbcClient jdbc;

    CycleRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The archived steps of a report's earlier cycles, oldest first. */
    public List<CycleEvent> of(UUID reportId) {
        return jdbc.sql("""
                SELECT stage, name, completed_by, started_at, completed_at, outcome, reason FROM app.cycle_record
                WHERE tenant_id = :tenant AND report_id = :report ORDER BY started_at, position""")
                .param("tenant", TenantContext.require()).param("report", reportId)
                .query((rs, n) -> new CycleEvent(rs.getString("stage"), rs.getString("name"), rs.getString("completed_by"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
                        rs.getString("outcome"), rs.getString("reason")))
                .list();
    }

    /** Copies a cycle's task history as History shows it; a step copied before is left as it is. */
    void archive(UUID reportId, List<HistoricTaskInstance> steps, Instant now) {
        for (int position = 0; position < steps.size(); position++) {
            HistoricTaskInstance t = steps.get(position);
            // the engine's order (by start time) kept for steps started in the same millisecond
            jdbc.sql("""
                    INSERT INTO app.cycle_record (tenant_id, task_id, report_id, position, stage, name, completed_by,
                                                  started_at, completed_at, outcome, reason, archived_at)
                    VALUES (:tenant, :task, :report, :position, :stage, :name, :by, :started, :completed, :outcome,
                            :reason, :now)
                    ON CONFLICT DO NOTHING""")
                    .param("tenant", TenantContext.require()).param("task", t.getId()).param("report", reportId)
                    .param("position", position)
                    .param("stage", t.getTaskDefinitionKey()).param("name", t.getName())
                    .param("by", t.getEndTime() == null ? null : t.getAssignee())
                    .param("started", Timestamp.from(t.getCreateTime().toInstant()))
                    .param("completed", t.getEndTime() == null ? null : Timestamp.from(t.getEndTime().toInstant()))
                    .param("outcome", (String) t.getTaskLocalVariables().get("outcome"))
                    .param("reason", (String) t.getTaskLocalVariables().get("reason"))
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    /** The council's retention of the engine's history in days, or null for the platform default. */
    Integer retentionDays() {
        return jdbc.sql("SELECT engine_history_days FROM app.cycle_retention WHERE tenant_id = :tenant")
                .param("tenant", TenantContext.require()).query(Integer.class).optional().orElse(null);
    }
}
