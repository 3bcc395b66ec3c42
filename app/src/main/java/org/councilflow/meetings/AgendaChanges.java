package org.councilflow.meetings;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.meetings.internal.MeetingRepository;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a meeting or its agenda changes: the meeting is taken for the transaction at the version the request
 * saw (or 409), changed, and, once its agenda is published, the change becomes an amendment with its note that the
 * public site publishes ({@link AgendaAmended}). Every change goes to the audit trail.
 */
@Component
class AgendaChanges {

    private final MeetingRepository meetings;
    private final ApplicationEventPublisher events;
    private final CurrentUsers users;
    private final AgendaClock clock;

    AgendaChanges(MeetingRepository meetings, ApplicationEventPublisher events, CurrentUsers users, AgendaClock clock) {
        this.meetings = meetings;
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    Meeting get(UUID id) {
        return meetings.find(tenant(), id).orElseThrow(() -> new NotFoundException("No meeting " + id + " in this council"));
    }

    /** The meeting as it is, now held by this transaction; refused when it is no longer at {@code version}. */
    Meeting begin(UUID meetingId, Integer version) {
        get(meetingId);
        if (!meetings.lockAndBump(tenant(), meetingId, version)) {
            throw new ConflictException(Refusal.of("meeting.changedMeanwhile", version, get(meetingId).version()));
        }
        // read again under the lock: what another transaction committed meanwhile counts
        return get(meetingId);
    }

    /** Records the change: an amendment of a published agenda (with {@code note}), and the audit entry. */
    Meeting done(Meeting before, String action, Object change, String note) {
        if (before.agendaPublished()) {
            Instant at = clock.now();
            String by = by();
            int version = meetings.amend(tenant(), before.id(), at, by, note);
            events.publishEvent(new AgendaAmended(tenant(), before.id(), version, at, by, note));
        }
        events.publishEvent(Audited.inCurrentTenant(action, "meeting", before.id().toString(), null,
                change == null ? Map.of() : change));
        return get(before.id());
    }

    Instant now() {
        return clock.now();
    }

    String by() {
        return users.current().map(user -> user.username()).orElse("system");
    }

    static String tenant() {
        return TenantContext.require();
    }
}
