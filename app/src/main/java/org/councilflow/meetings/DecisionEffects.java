package org.councilflow.meetings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that a published decision took effect, as the report cycle reached it: at publication (not subject to
 * call-in) or when the call-in period's timer fired. The engine calls this from the council's job or request, where
 * nobody is signed in (a timer), so unlike {@link Decisions} it asks for no role; it changes nothing but this state.
 */
@Service
public class DecisionEffects {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DecisionEffects(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** @param callInEnded the call-in period's timer fired: the public site republishes the decision as effective */
    @Transactional
    public void tookEffect(UUID reportId, Instant at, boolean callInEnded) {
        String tenant = TenantContext.require();
        List<UUID> meetings = jdbc.sql("""
                UPDATE app.decision SET effective_at = :at WHERE tenant_id = :tenant AND report_id = :report
                AND published_at IS NOT NULL AND called_in_at IS NULL AND effective_at IS NULL RETURNING meeting_id""")
                .param("at", Timestamp.from(at)).param("tenant", tenant).param("report", reportId)
                .query(UUID.class).list();
        if (callInEnded) {
            meetings.forEach(meeting -> events.publishEvent(new DecisionTookEffect(tenant, reportId, meeting, at)));
        }
    }
}
