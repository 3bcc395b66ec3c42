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
                SELECT id, position, number, kind, report_id, title, description, report_of, exempt_paragraph
                FROM app.agenda_item WHERE tenant_id = :tenant AND meeting_id = :id ORDER BY position""")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new Meeting.AgendaItem(rs.getObject("id", UUID.class), rs.getInt("position"),
                        rs.getString("number"), AgendaItemKind.valueOf(rs.getString("kind")),
                        rs.getObject("report_id", UUID.class), rs.getString("title"), rs.getString("description"),
                        rs.getString("report_of"), (Integer) rs.getObject("exempt_paragraph", Integer.class)))
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
        lock(meetingId);
        // off the agendas still in preparation; a published agenda keeps it (a deferred report was on that agenda)
        jdbc.sql("""
                DELETE FROM app.agenda_item i USING app.meeting m
                WHERE i.tenant_id = :tenant AND i.report_id = :report AND m.tenant_id = i.tenant_id AND m.id = i.meeting_id
                  AND (m.agenda_published_at IS NULL OR m.id = :meeting)""")
                .param("tenant", tenant()).param("report", reportId).param("meeting", meetingId).update();
        UUID itemId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO app.agenda_item (id, meeting_id, tenant_id, kind, report_id, position, number)
                SELECT :id, :meeting, :tenant, 'CYCLE_REPORT', :report, coalesce(max(position), 0) + 1,
                       (coalesce(max(position), 0) + 1)::text
                FROM app.agenda_item WHERE tenant_id = :tenant AND meeting_id = :meeting""")
                .param("id", itemId).param("meeting", meetingId).param("tenant", tenant()).param("report", reportId)
                .update();
        events.publishEvent(Audited.inCurrentTenant("meeting.report-scheduled", "meeting", meetingId.toString(), null,
                Map.of("report", reportId.toString())));
        int position = jdbc.sql("SELECT position FROM app.agenda_item WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant()).param("id", itemId).query(Integer.class).single();
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
    public Meeting reorder(UUID meetingId, List<UUID> itemIds) {
        lock(meetingId);
        Meeting meeting = get(meetingId);
        requireUnpublished(meetingId);
        List<UUID> current = meeting.agenda().stream().map(Meeting.AgendaItem::id).toList();
        if (itemIds.size() != current.size() || !new java.util.HashSet<>(itemIds).equals(new java.util.HashSet<>(current))) {
            throw new org.councilflow.common.ConflictException("The agenda changed since you loaded it; reload it and order it again");
        }
        // one item per place is checked at commit (the constraint is deferred)
        for (int i = 0; i < itemIds.size(); i++) {
            jdbc.sql("UPDATE app.agenda_item SET position = :position WHERE tenant_id = :tenant AND meeting_id = :meeting AND id = :id")
                    .param("position", i + 1).param("tenant", tenant()).param("meeting", meetingId)
                    .param("id", itemIds.get(i)).update();
        }
        events.publishEvent(Audited.inCurrentTenant("meeting.agenda-ordered", "meeting", meetingId.toString(),
                Map.of("order", current.stream().map(UUID::toString).toList()),
                Map.of("order", itemIds.stream().map(UUID::toString).toList())));
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

    /** Agenda changes of one meeting one after the other: places are given by what is there. */
    private void lock(UUID meetingId) {
        jdbc.sql("SELECT id FROM app.meeting WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant()).param("id", meetingId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("No meeting " + meetingId + " in this council"));
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
