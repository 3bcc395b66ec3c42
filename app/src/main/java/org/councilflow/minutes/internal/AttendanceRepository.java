package org.councilflow.minutes.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.meetings.Committee.MemberRole;
import org.councilflow.minutes.Attendance;
import org.councilflow.minutes.Attendance.Guest;
import org.councilflow.minutes.Attendance.GuestKind;
import org.councilflow.minutes.Attendance.Member;
import org.councilflow.minutes.Attendance.Person;
import org.councilflow.minutes.Attendance.Presence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attendance in {@code app.meeting_attendance} and {@code app.meeting_attendee}, always filtered by tenant (and RLS). */
@Repository
public class AttendanceRepository {

    private final JdbcClient jdbc;

    AttendanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Attendance> find(String tenant, UUID meetingId) {
        record Header(int version, String by, Timestamp at) {
        }
        Optional<Header> header = jdbc.sql("""
                SELECT version, updated_by, updated_at FROM app.meeting_attendance WHERE tenant_id = :tenant AND meeting_id = :meeting""")
                .param("tenant", tenant).param("meeting", meetingId)
                .query((rs, n) -> new Header(rs.getInt("version"), rs.getString("updated_by"), rs.getTimestamp("updated_at")))
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<Member> members = new ArrayList<>();
        List<Person> officers = new ArrayList<>();
        List<Guest> others = new ArrayList<>();
        jdbc.sql("""
                SELECT kind, name, role, committee_role, presence, substitute_for, role_cy FROM app.meeting_attendee
                WHERE tenant_id = :tenant AND meeting_id = :meeting ORDER BY position""")
                .param("tenant", tenant).param("meeting", meetingId)
                .query(rs -> {
                    String kind = rs.getString("kind");
                    switch (kind) {
                        case "MEMBER" -> members.add(new Member(rs.getString("name"), MemberRole.valueOf(rs.getString("committee_role")),
                                Presence.valueOf(rs.getString("presence")), rs.getString("substitute_for")));
                        case "OFFICER" -> officers.add(new Person(rs.getString("name"), rs.getString("role"), rs.getString("role_cy")));
                        default -> others.add(new Guest(rs.getString("name"), rs.getString("role"), GuestKind.valueOf(kind),
                                rs.getString("role_cy")));
                    }
                });
        Header h = header.get();
        return Optional.of(new Attendance(meetingId, List.copyOf(members), List.copyOf(officers), List.copyOf(others),
                h.version(), h.by(), h.at().toInstant()));
    }

    /** Writes the attendance if it is still at {@code expectedVersion}; false when someone else changed it first. */
    public boolean save(String tenant, UUID meetingId, Attendance.Draft draft, int expectedVersion, String by) {
        int changed;
        if (expectedVersion == 0) {
            changed = jdbc.sql("""
                    INSERT INTO app.meeting_attendance (meeting_id, tenant_id, version, updated_by) VALUES (:meeting, :tenant, 1, :by)
                    ON CONFLICT (meeting_id) DO NOTHING""")
                    .param("meeting", meetingId).param("tenant", tenant).param("by", by).update();
        } else {
            changed = jdbc.sql("""
                    UPDATE app.meeting_attendance SET version = version + 1, updated_by = :by, updated_at = now()
                    WHERE tenant_id = :tenant AND meeting_id = :meeting AND version = :version""")
                    .param("by", by).param("tenant", tenant).param("meeting", meetingId).param("version", expectedVersion)
                    .update();
        }
        if (changed != 1) {
            return false;
        }
        jdbc.sql("DELETE FROM app.meeting_attendee WHERE tenant_id = :tenant AND meeting_id = :meeting")
                .param("tenant", tenant).param("meeting", meetingId).update();
        int position = 0;
        for (Member m : draft.members()) {
            insert(tenant, meetingId, position++, "MEMBER", m.name(), null, null, m.role().name(), m.presence().name(),
                    m.presence() == Presence.SUBSTITUTE ? m.substituteFor() : null);
        }
        for (Person p : draft.officers()) {
            insert(tenant, meetingId, position++, "OFFICER", p.name(), p.role(), p.roleCy(), null, null, null);
        }
        for (Guest g : draft.others()) {
            insert(tenant, meetingId, position++, g.kind().name(), g.name(), g.role(), g.roleCy(), null, null, null);
        }
        return true;
    }

    private void insert(String tenant, UUID meetingId, int position, String kind, String name, String role,
            String roleCy, String committeeRole, String presence, String substituteFor) {
        jdbc.sql("""
                INSERT INTO app.meeting_attendee (meeting_id, tenant_id, position, kind, name, role, committee_role, presence,
                       substitute_for, role_cy)
                VALUES (:meeting, :tenant, :position, :kind, :name, :role, :committeeRole, :presence, :substituteFor, :roleCy)""")
                .param("meeting", meetingId).param("tenant", tenant).param("position", position).param("kind", kind)
                .param("name", name).param("role", blankToNull(role)).param("roleCy", blankToNull(roleCy))
                .param("committeeRole", committeeRole)
                .param("presence", presence).param("substituteFor", substituteFor)
                .update();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
