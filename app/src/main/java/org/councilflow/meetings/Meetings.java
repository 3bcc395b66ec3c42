package org.councilflow.meetings;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.meetings.internal.AgendaRepository;
import org.councilflow.meetings.internal.MeetingRepository;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The current council's committee meetings and their agendas. Democratic services (clerks) arrange them, order the
 * agenda and publish it: that publication, and nothing else, makes an agenda public (ADR 0009).
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class Meetings {

    private final MeetingRepository repository;
    private final AgendaRepository agendas;
    private final AgendaChanges changes;
    private final Committees committees;
    private final ApplicationEventPublisher events;

    Meetings(MeetingRepository repository, AgendaRepository agendas, AgendaChanges changes, Committees committees,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.agendas = agendas;
        this.changes = changes;
        this.committees = committees;
        this.events = events;
    }

    /** Meetings from {@code from} on, soonest first. */
    public List<Meeting> from(Instant from) {
        return repository.idsFrom(tenant(), from).stream().map(this::get).toList();
    }

    public Meeting get(UUID id) {
        return changes.get(id);
    }

    /** The meetings on whose agendas the report is (with the item's documents), earliest first. */
    public List<Meeting> withReport(UUID reportId) {
        return agendas.meetingsWithReport(tenant(), reportId).stream().map(this::get).toList();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
    public Meeting arrange(@NotNull @Valid Meeting.Draft draft) {
        committees.get(draft.committeeId());
        requireWebLinks(draft);
        UUID id = UUID.randomUUID();
        repository.insert(tenant(), id, draft);
        events.publishEvent(Audited.inCurrentTenant("meeting.arranged", "meeting", id.toString(), null,
                Map.of("committee", draft.committeeId().toString(), "startsAt", draft.startsAt().toString())));
        return get(id);
    }

    /** Changes when, where and what the meeting is; after the agenda's publication an amendment with a note. */
    @Transactional
    @PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
    public Meeting change(UUID meetingId, @NotNull @Valid Meeting.Change change) {
        Meeting meeting = changes.begin(meetingId, change.version());
        String note = meeting.requireAmendmentNote(change.amendmentNote());
        committees.get(change.details().committeeId());
        requireWebLinks(change.details());
        if (meeting.agendaPublished() && !meeting.committeeId().equals(change.details().committeeId())) {
            throw new ConflictException(Refusal.of("meeting.staysWithCommittee", meeting.committeeName()));
        }
        repository.updateDetails(tenant(), meetingId, change.details());
        return changes.done(meeting, "meeting.changed", Map.of("startsAt", change.details().startsAt().toString()), note);
    }

    /** Cancels, postpones or moves the meeting (or schedules it again), with a note the public sees. */
    @Transactional
    @PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
    public Meeting changeStatus(UUID meetingId, @NotNull @Valid Meeting.StatusChange change) {
        Meeting meeting = changes.begin(meetingId, change.version());
        if (meeting.status() == change.status()) {
            throw new ConflictException(Refusal.of("meeting.alreadyStatus",
                    Refusal.of("meetingStatus." + change.status().name().toLowerCase())));
        }
        if (change.status() != Meeting.Status.SCHEDULED && (change.note() == null || change.note().isBlank())) {
            throw new org.councilflow.common.InvalidFieldException("note", Refusal.of("meeting.statusNote",
                    Refusal.of("meetingStatus." + change.status().name().toLowerCase())));
        }
        repository.updateStatus(tenant(), meetingId, change.status(), change.note());
        String note = "Meeting " + change.status().name().toLowerCase()
                + (change.note() == null || change.note().isBlank() ? "" : ": " + change.note().strip());
        return changes.done(meeting, "meeting.status-changed", Map.of("status", change.status().name()),
                note.length() > 2000 ? note.substring(0, 2000) : note);
    }

    /**
     * Puts a report on a meeting's agenda (as the last item, numbered in the council's style), taking it off any
     * agenda still in preparation first. On a published agenda it is an amendment.
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting schedule(UUID meetingId, UUID reportId) {
        Meeting meeting = changes.begin(meetingId, null);
        meeting.requireNotCancelled();
        agendas.unscheduleFromUnpublished(tenant(), reportId);
        if (agendas.hasReport(tenant(), meetingId, reportId)) {
            throw new ConflictException(Refusal.of("agenda.reportAlreadyOn"));
        }
        int position = agendas.nextPosition(tenant(), meetingId);
        String number = Agendas.nextNumber(meeting, agendas.numbering(tenant()));
        agendas.insertItem(tenant(), meetingId, UUID.randomUUID(), position, meeting.agendaVersion(),
                new AgendaRepository.ItemFields(AgendaItemKind.CYCLE_REPORT, reportId, number, null, null, null, null, null, null));
        events.publishEvent(new AgendaItemScheduled(tenant(), meetingId, reportId, position));
        return changes.done(meeting, "meeting.report-scheduled", Map.of("report", reportId.toString()),
                "Item " + number + " added to the agenda");
    }

    /** When the meeting's agenda was published, if it has been. */
    public Optional<Instant> agendaPublishedAt(UUID meetingId) {
        return Optional.ofNullable(get(meetingId).agendaPublishedAt());
    }

    /**
     * Puts the agenda's items in the given order; every item must be named once, on the version the clerk saw. A
     * published agenda's order is fixed.
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting reorder(UUID meetingId, List<UUID> itemIds, Integer version) {
        Meeting meeting = changes.begin(meetingId, version);
        meeting.requireOrderOpen();
        List<UUID> current = meeting.agenda().stream().map(Meeting.AgendaItem::id).toList();
        if (itemIds.size() != current.size() || !new HashSet<>(itemIds).equals(new HashSet<>(current))) {
            throw new ConflictException(Refusal.of("agenda.changedMeanwhile"));
        }
        agendas.order(tenant(), meetingId, itemIds);
        return changes.done(meeting, "meeting.agenda-ordered",
                Map.of("order", itemIds.stream().map(UUID::toString).toList()), null);
    }

    public Meeting reorder(UUID meetingId, List<UUID> itemIds) {
        return reorder(meetingId, itemIds, null);
    }

    /**
     * Publishes the meeting's agenda, the one moment from which it is public (reports from the cycle as signed off,
     * exempt items by their heading only). The time is the cycle's clock.
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting publishAgenda(UUID meetingId, Integer version) {
        Meeting meeting = changes.begin(meetingId, version);
        if (meeting.agendaPublished()) {
            throw new ConflictException(Refusal.of("agenda.alreadyPublished", meeting.agendaPublishedAt()));
        }
        meeting.requireNotCancelled();
        if (meeting.currentItems().isEmpty()) {
            throw new ConflictException(Refusal.of("agenda.empty"));
        }
        Instant at = changes.now();
        String by = changes.by();
        repository.markPublished(tenant(), meetingId, at, by);
        events.publishEvent(new AgendaPublished(tenant(), meetingId, at, by));
        return changes.done(meeting, "meeting.agenda-published", Map.of("items", meeting.currentItems().size()), null);
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
        int changed = repository.recordHistoric(tenant(), id, committeeId, startsAt, venue, agendaPublishedAt, by);
        if (changed > 0) {
            events.publishEvent(Audited.inCurrentTenant("meeting.imported", "meeting", id.toString(), null, provenance));
        }
    }

    private static void requireWebLinks(Meeting.Draft draft) {
        try {
            if (draft.onlineLink() != null) {
                AgendaDocuments.requireWebLink(draft.onlineLink());
            }
        } catch (org.councilflow.common.InvalidFieldException e) {
            throw new org.councilflow.common.InvalidFieldException("onlineLink", e.problem());
        }
        try {
            if (draft.webcastLink() != null) {
                AgendaDocuments.requireWebLink(draft.webcastLink());
            }
        } catch (org.councilflow.common.InvalidFieldException e) {
            throw new org.councilflow.common.InvalidFieldException("webcastLink", e.problem());
        }
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
