package org.councilflow.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.Audited;
import org.councilflow.common.NotFoundException;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The current council's committee meetings and their agendas. Democratic services (clerks) arrange them. */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class Meetings {

    private final JdbcClient jdbc;
    private final Committees committees;
    private final ApplicationEventPublisher events;

    Meetings(JdbcClient jdbc, Committees committees, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.committees = committees;
        this.events = events;
    }

    /** Meetings from {@code from} on, soonest first. */
    public List<Meeting> from(Instant from) {
        return jdbc.sql("SELECT id FROM app.meeting WHERE tenant_id = :tenant AND starts_at >= :from ORDER BY starts_at")
                .param("tenant", tenant()).param("from", java.sql.Timestamp.from(from))
                .query(UUID.class).list().stream().map(this::get).toList();
    }

    public Meeting get(UUID id) {
        String tenant = tenant();
        List<Meeting.AgendaItem> agenda = jdbc.sql("""
                SELECT position, report_id FROM app.agenda_item WHERE tenant_id = :tenant AND meeting_id = :id ORDER BY position""")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new Meeting.AgendaItem(rs.getInt("position"), rs.getObject("report_id", UUID.class)))
                .list();
        return jdbc.sql("""
                SELECT m.id, m.committee_id, c.name, m.starts_at, m.venue, m.version
                FROM app.meeting m JOIN app.committee c ON c.id = m.committee_id AND c.tenant_id = m.tenant_id
                WHERE m.tenant_id = :tenant AND m.id = :id""")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new Meeting(id, rs.getObject("committee_id", UUID.class), rs.getString("name"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getString("venue"), agenda, rs.getInt("version")))
                .optional()
                .orElseThrow(() -> new NotFoundException("No meeting " + id + " in this council"));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
    public Meeting arrange(@NotNull @Valid Meeting.Draft draft) {
        committees.get(draft.committeeId());
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO app.meeting (id, tenant_id, committee_id, starts_at, venue) VALUES (:id, :tenant, :committee, :starts, :venue)")
                .param("id", id).param("tenant", tenant()).param("committee", draft.committeeId())
                .param("starts", java.sql.Timestamp.from(draft.startsAt())).param("venue", draft.venue().strip())
                .update();
        events.publishEvent(Audited.inCurrentTenant("meeting.arranged", "meeting", id.toString(), null,
                Map.of("committee", draft.committeeId().toString(), "startsAt", draft.startsAt().toString())));
        return get(id);
    }

    /** Puts a report on a meeting's agenda (as the last item), taking it off any other meeting's agenda first. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting schedule(UUID meetingId, UUID reportId) {
        get(meetingId);
        jdbc.sql("DELETE FROM app.agenda_item WHERE tenant_id = :tenant AND report_id = :report")
                .param("tenant", tenant()).param("report", reportId).update();
        jdbc.sql("""
                INSERT INTO app.agenda_item (meeting_id, tenant_id, report_id, position)
                SELECT :meeting, :tenant, :report, coalesce(max(position), 0) + 1 FROM app.agenda_item
                WHERE tenant_id = :tenant AND meeting_id = :meeting""")
                .param("meeting", meetingId).param("tenant", tenant()).param("report", reportId)
                .update();
        events.publishEvent(Audited.inCurrentTenant("meeting.report-scheduled", "meeting", meetingId.toString(), null,
                Map.of("report", reportId.toString())));
        int position = jdbc.sql("SELECT position FROM app.agenda_item WHERE tenant_id = :tenant AND meeting_id = :meeting AND report_id = :report")
                .param("tenant", tenant()).param("meeting", meetingId).param("report", reportId).query(Integer.class).single();
        events.publishEvent(new AgendaItemScheduled(tenant(), meetingId, reportId, position));
        return get(meetingId);
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
