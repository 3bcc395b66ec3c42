package org.councilflow.audit;

import java.time.Instant;
import java.util.List;

import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The append-only record of who did what, when, in which council. Written in the same transaction as the change
 * it records: if the change rolls back, so does its audit entry, and no change commits without one.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final ObjectMapper json;

    AuditLog(JdbcClient jdbc, CurrentUsers users, ObjectMapper json) {
        this.jdbc = jdbc;
        this.users = users;
        this.json = json;
    }

    /**
     * Records a change in the current tenant (or, in the platform scope, about {@code tenant}).
     *
     * @param before a summary of the state before (any JSON-serialisable value), or null when created
     * @param after a summary of the state after, or null when removed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String subjectType, String subjectId, Object before, Object after) {
        String tenant = TenantContext.current().orElse(null);
        recordFor(tenant, action, subjectType, subjectId, before, after);
    }

    /** Records a platform administrator's change to a council (onboarding, suspension). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordForTenant(String tenant, String action, String subjectType, String subjectId, Object before,
            Object after) {
        recordFor(tenant, action, subjectType, subjectId, before, after);
    }

    private void recordFor(String tenant, String action, String subjectType, String subjectId, Object before,
            Object after) {
        CurrentUser actor = users.current().orElse(null);
        jdbc.sql("""
                INSERT INTO app.audit_event (tenant_id, actor, actor_name, action, subject_type, subject_id, before_state, after_state)
                VALUES (:tenant, :actor, :actorName, :action, :subjectType, :subjectId, CAST(:before AS jsonb), CAST(:after AS jsonb))
                """)
                .param("tenant", tenant)
                .param("actor", actor == null ? "system" : actor.username())
                .param("actorName", actor == null ? null : actor.displayName())
                .param("action", action)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("before", toJson(before))
                .param("after", toJson(after))
                .update();
    }

    /** The newest entries of the current tenant's trail, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit) {
        return jdbc.sql("""
                SELECT id, tenant_id, occurred_at, actor, actor_name, action, subject_type, subject_id,
                       before_state::text AS before_state, after_state::text AS after_state
                FROM app.audit_event WHERE tenant_id = :tenant
                ORDER BY occurred_at DESC, id DESC LIMIT :limit
                """)
                .param("tenant", TenantContext.require())
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getString("tenant_id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("actor_name"),
                        rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getString("before_state"), rs.getString("after_state")))
                .list();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit summary is not serialisable: " + e.getMessage(), e);
        }
    }

    /** One entry of the trail; states are JSON text. */
    public record AuditEntry(long id, String tenant, Instant occurredAt, String actor, String actorName, String action,
            String subjectType, String subjectId, String before, String after) {
    }
}
