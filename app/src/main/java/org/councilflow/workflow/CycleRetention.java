package org.councilflow.workflow;

import org.councilflow.common.Refusal;
import org.councilflow.common.ConflictException;
import org.councilflow.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A council's records retention: how long the engine keeps the history of its finished cycles before their steps
 * are moved into the council's own records (History reads both, so nothing it shows is lost). Unset, the platform's
 * {@code councilflow.workflow.history-retention} applies.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('TENANT_ADMIN')")
public class CycleRetention {

    private final JdbcClient jdbc;
    private final WorkflowProperties properties;

    CycleRetention(JdbcClient jdbc, WorkflowProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * @param engineHistoryDays the council's own setting, or null for the platform's
     * @param effectiveDays what applies
     */
    public record Retention(Integer engineHistoryDays, long effectiveDays, int version) {
    }

    public Retention current() {
        return jdbc.sql("SELECT engine_history_days, version FROM app.cycle_retention WHERE tenant_id = :tenant")
                .param("tenant", TenantContext.require())
                .query((rs, n) -> {
                    Integer days = (Integer) rs.getObject("engine_history_days");
                    return new Retention(days, days == null ? properties.historyRetention().toDays() : days, rs.getInt("version"));
                })
                .optional().orElse(new Retention(null, properties.historyRetention().toDays(), 0));
    }

    /** Sets (or, with null, clears) the council's retention; a stale version is a 409 and changes nothing. */
    @Transactional
    public Retention change(Integer engineHistoryDays, int version) {
        Retention now = current();
        if (now.version() != version) {
            throw new ConflictException(Refusal.of("retention.changedMeanwhile", now.version(), version));
        }
        jdbc.sql("""
                INSERT INTO app.cycle_retention (tenant_id, engine_history_days, version) VALUES (:tenant, :days, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET engine_history_days = :days, version = app.cycle_retention.version + 1""")
                .param("tenant", TenantContext.require()).param("days", engineHistoryDays).update();
        return current();
    }
}
