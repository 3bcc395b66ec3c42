package org.councilflow.minutes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.InvalidFieldException;
import org.councilflow.common.NotFoundException;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.meetings.AgendaItemKind;
import org.councilflow.meetings.Decision;
import org.councilflow.meetings.Decisions;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.minutes.internal.MinutesRepository;
import org.councilflow.reports.Reports;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The minutes of the current council's meetings (ADR 0010). The clerk writes them per agenda item; they are a draft
 * until a later meeting of the same committee approves them under its item "minutes of the previous meeting", which
 * freezes them as a version and makes them public. A correction after that is an amendment: a new version with a
 * note, all versions kept. A council that chose to may publish its draft minutes before, marked as draft.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize(MinutesAccess.STAFF)
public class Minutes {

    private final MinutesRepository minutes;
    private final Meetings meetings;
    private final Decisions decisions;
    private final Reports reports;
    private final Attendances attendances;
    private final MinutesStyles styles;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;

    Minutes(MinutesRepository minutes, Meetings meetings, Decisions decisions, Reports reports, Attendances attendances,
            MinutesStyles styles, CurrentUsers users, ApplicationEventPublisher events) {
        this.minutes = minutes;
        this.meetings = meetings;
        this.decisions = decisions;
        this.reports = reports;
        this.attendances = attendances;
        this.styles = styles;
        this.users = users;
        this.events = events;
    }

    public MeetingMinutes get(UUID meetingId) {
        Meeting meeting = meetings.get(meetingId);
        List<ItemMinutes> items = meeting.agenda().stream().map(item -> item(meeting, item)).toList();
        List<MinutesVersion> versions = versions(meetingId);
        List<MeetingMinutes.VersionSummary> summaries = versions.stream()
                .map(v -> new MeetingMinutes.VersionSummary(v.version(), v.kind(), v.note(), v.approvedAtMeetingId(),
                        v.approvedAtItemId(), v.createdAt(), v.createdBy()))
                .toList();
        return new MeetingMinutes(meetingId, approved(versions) ? MeetingMinutes.Status.APPROVED : MeetingMinutes.Status.DRAFT,
                versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version(), items, summaries);
    }

    public ItemMinutes item(UUID meetingId, UUID itemId) {
        Meeting meeting = meetings.get(meetingId);
        return item(meeting, agendaItem(meeting, itemId));
    }

    /** Every frozen version of the meeting's minutes, oldest first. */
    public List<MinutesVersion> versions(UUID meetingId) {
        meetings.get(meetingId);
        return minutes.versions(TenantContext.require(), meetingId);
    }

    public MinutesVersion version(UUID meetingId, int version) {
        return versions(meetingId).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("No version " + version + " of these minutes"));
    }

    /** Saves the minutes of one item, if nobody saved them since {@code expectedVersion}. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public ItemMinutes save(UUID meetingId, UUID itemId, @NotNull @Valid ItemMinutes.Draft draft, int expectedVersion) {
        Meeting meeting = meetings.get(meetingId);
        Meeting.AgendaItem agendaItem = agendaItem(meeting, itemId);
        ItemMinutes before = item(meeting, agendaItem);
        if (!minutes.save(TenantContext.require(), meetingId, itemId, draft, expectedVersion, me())) {
            throw new ConflictException(before.updatedBy() == null
                    ? Refusal.of("minutes.itemSavedMeanwhile", agendaItem.number(), expectedVersion, before.version())
                    : Refusal.of("minutes.itemSavedMeanwhileBy", agendaItem.number(), expectedVersion, before.version(),
                            before.updatedBy()));
        }
        ItemMinutes after = item(meeting, agendaItem);
        events.publishEvent(Audited.inCurrentTenant("minutes.item-saved", "meeting", meetingId.toString(),
                before.version() == 0 ? null : Map.of("item", itemId.toString(), "version", before.version()),
                Map.of("item", itemId.toString(), "version", after.version(), "resolutions", after.resolutions().size(),
                        "declarations", after.declarations().size())));
        return after;
    }

    /**
     * The minutes approved at a later meeting of the same committee, under its item "minutes of the previous meeting"
     * ({@code atItemId}), once that meeting has begun: frozen as the version the public reads.
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public MinutesVersion approve(UUID meetingId, UUID atItemId, int expectedVersion) {
        Meeting meeting = meetings.get(meetingId);
        List<MinutesVersion> versions = minutes.versions(TenantContext.require(), meetingId);
        if (approved(versions)) {
            throw new ConflictException(Refusal.of("minutes.approvedAlreadyVersion", versions.stream()
                    .filter(v -> v.kind() == MinutesVersion.Kind.APPROVED).findFirst().orElseThrow().version()));
        }
        UUID atMeetingId = minutes.meetingOfItem(TenantContext.require(), atItemId)
                .orElseThrow(() -> new InvalidFieldException("approvedAtItemId", Refusal.of("minutes.noSuchItem")));
        Meeting at = meetings.get(atMeetingId);
        Meeting.AgendaItem item = agendaItem(at, atItemId);
        if (item.kind() != AgendaItemKind.PREVIOUS_MINUTES) {
            throw new InvalidFieldException("approvedAtItemId", Refusal.of("minutes.previousMinutesItem"));
        }
        if (!at.committeeId().equals(meeting.committeeId()) || !at.startsAt().isAfter(meeting.startsAt())) {
            throw new InvalidFieldException("approvedAtItemId", Refusal.of("minutes.laterMeeting"));
        }
        if (at.startsAt().isAfter(Instant.now())) {
            throw new ConflictException(Refusal.of("minutes.approvingMeetingNotBegun", at.committeeName()));
        }
        return freeze(meeting, versions, expectedVersion, MinutesVersion.Kind.APPROVED, null, atMeetingId, atItemId);
    }

    /** A correction of approved minutes: the working copy as it stands now becomes a new version, with its note. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public MinutesVersion amend(UUID meetingId, String note, int expectedVersion) {
        Meeting meeting = meetings.get(meetingId);
        List<MinutesVersion> versions = minutes.versions(TenantContext.require(), meetingId);
        if (!approved(versions)) {
            throw new ConflictException(Refusal.of("minutes.notApprovedYet"));
        }
        if (note == null || note.isBlank() || note.length() > 500) {
            throw new InvalidFieldException("note", Refusal.of("minutes.amendNote"));
        }
        return freeze(meeting, versions, expectedVersion, MinutesVersion.Kind.AMENDED, note.strip(), null, null);
    }

    /** Publishes the draft minutes before their approval, where the council chose to (its style of minutes). */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public MinutesVersion publishDraft(UUID meetingId, int expectedVersion) {
        Meeting meeting = meetings.get(meetingId);
        if (!styles.current().style().publishDraftMinutes()) {
            throw new ConflictException(Refusal.of("minutes.noDrafts"));
        }
        if (meeting.startsAt().isAfter(Instant.now())) {
            throw new ConflictException(Refusal.of("minutes.meetingNotBegun"));
        }
        List<MinutesVersion> versions = minutes.versions(TenantContext.require(), meetingId);
        if (approved(versions)) {
            throw new ConflictException(Refusal.of("minutes.approvedAlready"));
        }
        return freeze(meeting, versions, expectedVersion, MinutesVersion.Kind.DRAFT,
                "Draft: to be approved at the next meeting", null, null);
    }

    private MinutesVersion freeze(Meeting meeting, List<MinutesVersion> versions, int expectedVersion,
            MinutesVersion.Kind kind, String note, UUID atMeetingId, UUID atItemId) {
        int latest = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        if (expectedVersion != latest) {
            throw new ConflictException(versions.isEmpty()
                    ? Refusal.of("minutes.changedMeanwhile", expectedVersion, latest)
                    : Refusal.of("minutes.changedMeanwhileBy", expectedVersion, latest, versions.get(versions.size() - 1).createdBy()));
        }
        MinutesDocument content = document(meeting);
        MinutesVersion version = new MinutesVersion(meeting.id(), latest + 1, kind, note, atMeetingId, atItemId,
                Instant.now(), me(), content);
        if (!minutes.freeze(TenantContext.require(), version)) {
            throw new ConflictException(Refusal.of("minutes.frozenMeanwhile", latest + 1));
        }
        events.publishEvent(Audited.inCurrentTenant("minutes." + kind.name().toLowerCase(), "meeting",
                meeting.id().toString(), null, note == null ? Map.of("version", version.version())
                        : Map.of("version", version.version(), "note", note)));
        events.publishEvent(new MinutesPublished(TenantContext.require(), meeting.id(), version.version()));
        return minutes.versions(TenantContext.require(), meeting.id()).stream()
                .filter(v -> v.version() == version.version()).findFirst().orElseThrow();
    }

    /** The meeting's minutes as they stand: attendance, then every item in the agenda's order. */
    private MinutesDocument document(Meeting meeting) {
        List<MinutesDocument.Item> items = new ArrayList<>();
        for (Meeting.AgendaItem agendaItem : meeting.agenda()) {
            ItemMinutes item = item(meeting, agendaItem);
            items.add(new MinutesDocument.Item(agendaItem.id(), agendaItem.number(), agendaItem.kind(), title(agendaItem),
                    agendaItem.reportId(), agendaItem.exemptParagraph(), item.declarations(), item.minutes(),
                    item.resolutions(), welshTitle(agendaItem), item.welsh() == null || !item.welsh().hasText() ? null : item.welsh()));
        }
        return new MinutesDocument(attendances.get(meeting.id()), List.copyOf(items), styles.current().style());
    }

    private String title(Meeting.AgendaItem item) {
        if (item.title() != null) {
            return item.title();
        }
        return item.reportId() == null ? item.kind().label() : reports.get(item.reportId()).document().header().title();
    }

    /** The item's heading in Welsh where there is one: the clerk's, or the Welsh part of the report's latest version. */
    private String welshTitle(Meeting.AgendaItem item) {
        if (item.titleCy() != null || item.reportId() == null) {
            return item.titleCy();
        }
        var welsh = reports.get(item.reportId()).document().welsh();
        return welsh == null || welsh.title() == null || welsh.title().isBlank() ? null : welsh.title();
    }

    /** The item's minutes as saved, or before the first save the decision recorded on its report at this meeting. */
    private ItemMinutes item(Meeting meeting, Meeting.AgendaItem agendaItem) {
        return minutes.find(TenantContext.require(), agendaItem.id()).orElseGet(() -> {
            Optional<Decision> decision = agendaItem.reportId() == null ? Optional.empty()
                    : decisions.latest(agendaItem.reportId()).filter(d -> d.meetingId().equals(meeting.id()));
            // with the Welsh recorded with the decision, where there is some (ADR 0023)
            ItemMinutes.Welsh welsh = decision.map(d -> new ItemMinutes.Welsh(d.minutesCy(), d.resolutionsCy()))
                    .filter(ItemMinutes.Welsh::hasText).orElse(null);
            return new ItemMinutes(agendaItem.id(), meeting.id(), decision.map(Decision::minutes).orElse(null),
                    decision.map(Decision::structuredResolutions).orElse(List.of()), List.of(), 0, null, null, welsh);
        });
    }

    private static Meeting.AgendaItem agendaItem(Meeting meeting, UUID itemId) {
        return meeting.agenda().stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No item " + itemId + " on the agenda of this meeting"));
    }

    private static boolean approved(List<MinutesVersion> versions) {
        return versions.stream().anyMatch(v -> v.kind() == MinutesVersion.Kind.APPROVED);
    }

    private String me() {
        return users.current().map(u -> u.username()).orElse("system");
    }
}
