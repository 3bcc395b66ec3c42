package org.councilflow.minutes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.InvalidFieldException;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.meetings.Committee;
import org.councilflow.meetings.Committees;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.minutes.Attendance.Presence;
import org.councilflow.minutes.internal.AttendanceRepository;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Who was at the current council's meetings. Democratic services (clerks) record it; the council's staff read it;
 * the public reads it only in minutes the next meeting approved (or the council published as draft).
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize(MinutesAccess.STAFF)
public class Attendances {

    private final AttendanceRepository attendance;
    private final Meetings meetings;
    private final Committees committees;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;

    Attendances(AttendanceRepository attendance, Meetings meetings, Committees committees, CurrentUsers users,
            ApplicationEventPublisher events) {
        this.attendance = attendance;
        this.meetings = meetings;
        this.committees = committees;
        this.users = users;
        this.events = events;
    }

    /**
     * The meeting's attendance as recorded; before it is recorded (version 0), the committee's members as present, for
     * the clerk to start from.
     */
    public Attendance get(UUID meetingId) {
        Meeting meeting = meetings.get(meetingId);
        return attendance.find(TenantContext.require(), meetingId).orElseGet(() -> {
            Committee committee = committees.get(meeting.committeeId());
            List<Attendance.Member> members = committee.members().stream()
                    .map(m -> new Attendance.Member(m.name(), m.role(), Presence.PRESENT, null)).toList();
            return new Attendance(meetingId, members, List.of(), List.of(), 0, null, null);
        });
    }

    /** Records the attendance, if nobody changed it since {@code expectedVersion}. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Attendance record(UUID meetingId, @NotNull @Valid Attendance.Draft draft, int expectedVersion) {
        Attendance before = get(meetingId);
        for (int i = 0; i < draft.members().size(); i++) {
            Attendance.Member member = draft.members().get(i);
            if ((member.presence() == Presence.SUBSTITUTE) != (member.substituteFor() != null)) {
                throw new InvalidFieldException("attendance.members[" + i + "].substituteFor",
                        member.presence() == Presence.SUBSTITUTE ? Refusal.of("attendance.substituteForRequired")
                                : Refusal.of("attendance.substituteForOnly"));
            }
        }
        String by = users.current().map(u -> u.username()).orElse("system");
        if (!attendance.save(TenantContext.require(), meetingId, draft, expectedVersion, by)) {
            throw new ConflictException(before.updatedBy() == null
                    ? Refusal.of("attendance.changedMeanwhile", expectedVersion, before.version())
                    : Refusal.of("attendance.changedMeanwhileBy", expectedVersion, before.version(), before.updatedBy()));
        }
        Attendance after = get(meetingId);
        events.publishEvent(Audited.inCurrentTenant("meeting.attendance-recorded", "meeting", meetingId.toString(),
                before.version() == 0 ? null : summary(before), summary(after)));
        return after;
    }

    private static Map<String, Object> summary(Attendance a) {
        return Map.of("members", a.members().stream().map(m -> m.name() + " (" + m.presence() + ")").toList(),
                "officers", a.officers().size(), "others", a.others().size());
    }
}
