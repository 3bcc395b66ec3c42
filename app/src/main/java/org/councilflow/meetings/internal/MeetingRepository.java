package org.councilflow.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.councilflow.meetings.AgendaDocument;
import org.councilflow.meetings.AgendaItemKind;
import org.councilflow.meetings.Meeting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Meetings, their agenda items, the items' documents and the agenda's amendments ({@code app.meeting},
 * {@code app.agenda_item}, {@code app.agenda_document}, {@code app.agenda_amendment}), always by tenant (and RLS).
 */
@Repository
public class MeetingRepository {

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Meeting> find(String tenant, UUID id) {
        Map<UUID, List<AgendaDocument>> documents = jdbc.sql("""
                SELECT a.id, a.item_id, a.position, a.title, a.kind, a.document_id, d.filename, a.link, a.exempt, a.title_cy
                FROM app.agenda_document a JOIN app.agenda_item i ON i.tenant_id = a.tenant_id AND i.id = a.item_id
                LEFT JOIN app.document d ON d.tenant_id = a.tenant_id AND d.id = a.document_id
                WHERE a.tenant_id = :tenant AND i.meeting_id = :id ORDER BY a.position""")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> Map.entry(rs.getObject("item_id", UUID.class), new AgendaDocument(
                        rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("title"),
                        AgendaDocument.Kind.valueOf(rs.getString("kind")), rs.getObject("document_id", UUID.class),
                        rs.getString("filename"), rs.getString("link"), rs.getBoolean("exempt"), rs.getString("title_cy"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Meeting.AgendaItem> agenda = jdbc.sql("""
                SELECT id, position, number, kind, report_id, title, description, report_of, exempt_paragraph,
                       since_version, withdrawn_at, title_cy, description_cy
                FROM app.agenda_item WHERE tenant_id = :tenant AND meeting_id = :id ORDER BY position""")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new Meeting.AgendaItem(rs.getObject("id", UUID.class), rs.getInt("position"),
                        rs.getString("number"), AgendaItemKind.valueOf(rs.getString("kind")),
                        rs.getObject("report_id", UUID.class), rs.getString("title"), rs.getString("description"),
                        rs.getString("report_of"), (Integer) rs.getObject("exempt_paragraph", Integer.class),
                        rs.getInt("since_version"), instant(rs, "withdrawn_at"),
                        List.copyOf(documents.getOrDefault(rs.getObject("id", UUID.class), List.of())),
                        rs.getString("title_cy"), rs.getString("description_cy")))
                .list();
        List<Meeting.Amendment> amendments = jdbc.sql("""
                SELECT version, made_at, made_by, note FROM app.agenda_amendment
                WHERE tenant_id = :tenant AND meeting_id = :id ORDER BY version""")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new Meeting.Amendment(rs.getInt("version"), instant(rs, "made_at"),
                        rs.getString("made_by"), rs.getString("note")))
                .list();
        return jdbc.sql("""
                SELECT m.id, m.committee_id, c.name, m.starts_at, m.venue, m.version, m.title, m.ends_at, m.location,
                       m.online_link, m.webcast_link, m.status, m.status_note, m.agenda_published_at, m.agenda_version,
                       c.name_cy, m.title_cy, m.venue_cy
                FROM app.meeting m JOIN app.committee c ON c.id = m.committee_id AND c.tenant_id = m.tenant_id
                WHERE m.tenant_id = :tenant AND m.id = :id""")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new Meeting(id, rs.getObject("committee_id", UUID.class), rs.getString("name"),
                        instant(rs, "starts_at"), rs.getString("venue"), agenda, rs.getInt("version"),
                        rs.getString("title"), instant(rs, "ends_at"), Meeting.Location.valueOf(rs.getString("location")),
                        rs.getString("online_link"), rs.getString("webcast_link"),
                        Meeting.Status.valueOf(rs.getString("status")), rs.getString("status_note"),
                        instant(rs, "agenda_published_at"), rs.getInt("agenda_version"), amendments,
                        rs.getString("name_cy"), rs.getString("title_cy"), rs.getString("venue_cy")))
                .optional();
    }

    public List<UUID> idsFrom(String tenant, Instant from) {
        return jdbc.sql("SELECT id FROM app.meeting WHERE tenant_id = :tenant AND starts_at >= :from ORDER BY starts_at")
                .param("tenant", tenant).param("from", Timestamp.from(from)).query(UUID.class).list();
    }

    public void insert(String tenant, UUID id, Meeting.Draft draft) {
        jdbc.sql("""
                INSERT INTO app.meeting (id, tenant_id, committee_id, starts_at, venue, title, ends_at, location,
                       online_link, webcast_link, title_cy, venue_cy)
                VALUES (:id, :tenant, :committee, :starts, :venue, :title, :ends, :location, :online, :webcast, :titleCy,
                        :venueCy)""")
                .param("id", id).param("tenant", tenant).param("committee", draft.committeeId())
                .params(details(draft)).update();
    }

    public void updateDetails(String tenant, UUID id, Meeting.Draft draft) {
        jdbc.sql("""
                UPDATE app.meeting SET committee_id = :committee, starts_at = :starts, venue = :venue, title = :title,
                       ends_at = :ends, location = :location, online_link = :online, webcast_link = :webcast,
                       title_cy = :titleCy, venue_cy = :venueCy
                WHERE tenant_id = :tenant AND id = :id""")
                .param("id", id).param("tenant", tenant).param("committee", draft.committeeId())
                .params(details(draft)).update();
    }

    private static Map<String, Object> details(Meeting.Draft draft) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("starts", Timestamp.from(draft.startsAt()));
        values.put("venue", blankToNull(draft.venue()));
        values.put("title", blankToNull(draft.title()));
        values.put("ends", draft.endsAt() == null ? null : Timestamp.from(draft.endsAt()));
        values.put("location", draft.effectiveLocation().name());
        values.put("online", draft.onlineLink());
        values.put("webcast", draft.webcastLink());
        values.put("titleCy", blankToNull(draft.titleCy()));
        // a Welsh venue goes with the venue: none where the meeting is held online only or nowhere stated
        values.put("venueCy", draft.venue() == null || draft.venue().isBlank() ? null : blankToNull(draft.venueCy()));
        return values;
    }

    public void updateStatus(String tenant, UUID id, Meeting.Status status, String note) {
        jdbc.sql("UPDATE app.meeting SET status = :status, status_note = :note WHERE tenant_id = :tenant AND id = :id")
                .param("status", status.name()).param("note", blankToNull(note)).param("tenant", tenant).param("id", id)
                .update();
    }

    /**
     * Takes the meeting for this transaction (agenda changes of one meeting one after the other) and moves its version
     * on, unless another transaction moved it past {@code expected} first.
     *
     * @return false when the meeting is at another version than {@code expected}
     */
    public boolean lockAndBump(String tenant, UUID id, Integer expected) {
        Integer version = jdbc.sql("SELECT version FROM app.meeting WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant).param("id", id).query(Integer.class).optional().orElse(null);
        if (version == null || (expected != null && !expected.equals(version))) {
            return false;
        }
        jdbc.sql("UPDATE app.meeting SET version = version + 1 WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", id).update();
        return true;
    }

    public void markPublished(String tenant, UUID id, Instant at, String by) {
        jdbc.sql("""
                UPDATE app.meeting SET agenda_published_at = :at, agenda_published_by = :by, agenda_version = 1
                WHERE tenant_id = :tenant AND id = :id""")
                .param("at", Timestamp.from(at)).param("by", by).param("tenant", tenant).param("id", id).update();
    }

    /** @return the agenda's new version */
    public int amend(String tenant, UUID id, Instant at, String by, String note) {
        int version = jdbc.sql("""
                UPDATE app.meeting SET agenda_version = agenda_version + 1 WHERE tenant_id = :tenant AND id = :id
                RETURNING agenda_version""")
                .param("tenant", tenant).param("id", id).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO app.agenda_amendment (meeting_id, tenant_id, version, made_at, made_by, note)
                VALUES (:id, :tenant, :version, :at, :by, :note)""")
                .param("id", id).param("tenant", tenant).param("version", version).param("at", Timestamp.from(at))
                .param("by", by).param("note", note).update();
        return version;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A meeting of the council's past as a history import found it (ADR 0011); 0 when nothing changed. */
    public int recordHistoric(String tenant, UUID id, UUID committeeId, java.time.Instant startsAt, String venue,
            java.time.Instant agendaPublishedAt, String by) {
        return jdbc.sql("""
                INSERT INTO app.meeting (id, tenant_id, committee_id, starts_at, venue, location, agenda_published_at, agenda_published_by)
                VALUES (:id, :tenant, :committee, :starts, :venue, CASE WHEN CAST(:venue AS text) IS NULL THEN 'NONE' ELSE 'VENUE' END,
                        :published, :by)
                ON CONFLICT (id) DO UPDATE SET committee_id = excluded.committee_id, starts_at = excluded.starts_at,
                       venue = excluded.venue, location = excluded.location, agenda_published_at = excluded.agenda_published_at,
                       version = app.meeting.version + 1
                WHERE app.meeting.tenant_id = :tenant AND (app.meeting.starts_at, app.meeting.venue,
                      app.meeting.agenda_published_at) IS DISTINCT FROM (excluded.starts_at, excluded.venue,
                      excluded.agenda_published_at)""")
                .param("id", id).param("tenant", tenant).param("committee", committeeId)
                .param("starts", java.sql.Timestamp.from(startsAt)).param("venue", venue)
                .param("published", java.sql.Timestamp.from(agendaPublishedAt)).param("by", by)
                .update();
    }
}
