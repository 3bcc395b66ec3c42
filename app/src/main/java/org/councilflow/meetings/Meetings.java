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

    /** When the meeting's agenda was published, if it has been. */
    public java.util.Optional<Instant> agendaPublishedAt(UUID meetingId) {
        get(meetingId);
        return jdbc.sql("SELECT agenda_published_at FROM app.meeting WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant()).param("id", meetingId)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp("agenda_published_at")).map(java.sql.Timestamp::toInstant))
                .single();
    }

    /** Puts the agenda's items in the given order; every item must be named once. A published agenda is fixed. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting reorder(UUID meetingId, List<UUID> reportIds) {
        Meeting meeting = get(meetingId);
        requireUnpublished(meetingId);
        List<UUID> current = meeting.agenda().stream().map(Meeting.AgendaItem::reportId).toList();
        if (reportIds.size() != current.size() || !new java.util.HashSet<>(reportIds).equals(new java.util.HashSet<>(current))) {
            throw new org.councilflow.common.ConflictException("The agenda changed since you loaded it; reload it and order it again");
        }
        // positions are unique per meeting only through the order; move them out of the way first
        jdbc.sql("UPDATE app.agenda_item SET position = position + 10000 WHERE tenant_id = :tenant AND meeting_id = :meeting")
                .param("tenant", tenant()).param("meeting", meetingId).update();
        for (int i = 0; i < reportIds.size(); i++) {
            jdbc.sql("UPDATE app.agenda_item SET position = :position WHERE tenant_id = :tenant AND meeting_id = :meeting AND report_id = :report")
                    .param("position", i + 1).param("tenant", tenant()).param("meeting", meetingId)
                    .param("report", reportIds.get(i)).update();
        }
        events.publishEvent(Audited.inCurrentTenant("meeting.agenda-ordered", "meeting", meetingId.toString(),
                Map.of("order", current.stream().map(UUID::toString).toList()),
                Map.of("order", reportIds.stream().map(UUID::toString).toList())));
        return get(meetingId);
    }

    /** Publishes the meeting's agenda: from now on its reports are public (unless exempt). */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting publishAgenda(UUID meetingId, String by) {
        Meeting meeting = get(meetingId);
        requireUnpublished(meetingId);
        if (meeting.agenda().isEmpty()) {
            throw new IllegalArgumentException("The agenda has no items yet: schedule a report to this meeting first");
        }
        jdbc.sql("UPDATE app.meeting SET agenda_published_at = now(), agenda_published_by = :by, version = version + 1 WHERE tenant_id = :tenant AND id = :id")
                .param("by", by).param("tenant", tenant()).param("id", meetingId).update();
        events.publishEvent(Audited.inCurrentTenant("meeting.agenda-published", "meeting", meetingId.toString(), null,
                Map.of("items", meeting.agenda().size())));
        return get(meetingId);
    }

    /**
     * Records a meeting of the council's past (a history import) with its original date and agenda publication: it
     * is not arranged through the live cycle, so no notice period applies, and it is never scheduled to.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'PLATFORM_ADMIN')")
    public void recordHistoric(UUID id, UUID committeeId, Instant startsAt, String venue, Instant agendaPublishedAt,
            String by, Map<String, Object> provenance) {
        committees.get(committeeId);
        int changed = jdbc.sql("""
                INSERT INTO app.meeting (id, tenant_id, committee_id, starts_at, venue, agenda_published_at, agenda_published_by)
                VALUES (:id, :tenant, :committee, :starts, :venue, :published, :by)
                ON CONFLICT (id) DO UPDATE SET committee_id = excluded.committee_id, starts_at = excluded.starts_at,
                       venue = excluded.venue, agenda_published_at = excluded.agenda_published_at,
                       version = app.meeting.version + 1
                WHERE app.meeting.tenant_id = :tenant AND (app.meeting.starts_at, app.meeting.venue,
                      app.meeting.agenda_published_at) IS DISTINCT FROM (excluded.starts_at, excluded.venue,
                      excluded.agenda_published_at)""")
                .param("id", id).param("tenant", tenant()).param("committee", committeeId)
                .param("starts", java.sql.Timestamp.from(startsAt)).param("venue", venue)
                .param("published", java.sql.Timestamp.from(agendaPublishedAt)).param("by", by)
                .update();
        if (changed > 0) {
            events.publishEvent(Audited.inCurrentTenant("meeting.imported", "meeting", id.toString(), null, provenance));
        }
    }

    private void requireUnpublished(UUID meetingId) {
        agendaPublishedAt(meetingId).ifPresent(at -> {
            throw new org.councilflow.common.ConflictException("The agenda was published on " + at + "; a published agenda is fixed");
        });
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
