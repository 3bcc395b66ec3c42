package org.councilflow.meetings;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.InvalidFieldException;
import org.councilflow.meetings.internal.AgendaRepository;
import org.councilflow.meetings.internal.AgendaRepository.ItemFields;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The items of a meeting's agenda, as the clerk writes them: procedural items, other reports, verbal updates, each
 * with the council's own number. Until the agenda is published they are added, changed, ordered and removed freely;
 * after it, every change is an amendment with a note, and an item is withdrawn rather than removed.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class Agendas {

    private final AgendaRepository agendas;
    private final AgendaChanges changes;
    private final ApplicationEventPublisher events;

    Agendas(AgendaRepository agendas, AgendaChanges changes, ApplicationEventPublisher events) {
        this.agendas = agendas;
        this.changes = changes;
        this.events = events;
    }

    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting addItem(UUID meetingId, @NotNull @Valid AgendaItemDraft draft) {
        if (draft.kind() == AgendaItemKind.CYCLE_REPORT) {
            throw new InvalidFieldException("kind", Refusal.of("item.noCycleReportHere"));
        }
        if (draft.title() == null || draft.title().isBlank()) {
            throw new InvalidFieldException("title", Refusal.of("field.required"));
        }
        Meeting meeting = changes.begin(meetingId, draft.version());
        meeting.requireNotCancelled();
        String note = meeting.requireAmendmentNote(draft.amendmentNote());
        String number = numberOrNext(meeting, draft.number(), null);
        agendas.insertItem(tenant(), meetingId, UUID.randomUUID(), agendas.nextPosition(tenant(), meetingId),
                meeting.agendaPublished() ? meeting.agendaVersion() + 1 : 0, fields(draft, null, number));
        return changes.done(meeting, "meeting.agenda-item-added", Map.of("number", number, "kind", draft.kind().name()),
                note);
    }

    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting changeItem(UUID meetingId, UUID itemId, @NotNull @Valid AgendaItemDraft draft) {
        Meeting meeting = changes.begin(meetingId, draft.version());
        Meeting.AgendaItem item = meeting.item(itemId);
        meeting.requireNotCancelled();
        String note = meeting.requireAmendmentNote(draft.amendmentNote());
        if (item.withdrawn()) {
            throw new ConflictException(Refusal.of("item.withdrawn", item.number()));
        }
        if (draft.kind() != item.kind()) {
            throw new InvalidFieldException("kind", Refusal.of("item.kindFixed", item.number(), item.kind()));
        }
        if (item.kind() == AgendaItemKind.CYCLE_REPORT) {
            if (draft.title() != null) {
                throw new InvalidFieldException("title", Refusal.of("item.titleFromReport"));
            }
            if (draft.titleCy() != null) {
                throw new InvalidFieldException("titleCy", Refusal.of("item.titleCyFromReport"));
            }
            if (draft.reportOf() != null) {
                throw new InvalidFieldException("reportOf", Refusal.of("item.reportOfFromReport"));
            }
        } else if (draft.title() == null || draft.title().isBlank()) {
            throw new InvalidFieldException("title", Refusal.of("field.required"));
        }
        String number = numberOrNext(meeting, draft.number(), item);
        agendas.updateItem(tenant(), itemId, fields(draft, item.reportId(), number));
        return changes.done(meeting, "meeting.agenda-item-changed", Map.of("item", itemId.toString(), "number", number),
                note);
    }

    /**
     * Before publication the item leaves the agenda; after it, it is withdrawn (it stays on the published agenda,
     * marked so). A report from the cycle leaves an agenda in preparation only through its cycle.
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Meeting removeItem(UUID meetingId, UUID itemId, @NotNull Integer version, @Size(max = 2000) String amendmentNote) {
        Meeting meeting = changes.begin(meetingId, version);
        Meeting.AgendaItem item = meeting.item(itemId);
        String note = meeting.requireAmendmentNote(amendmentNote);
        if (item.withdrawn()) {
            throw new ConflictException(Refusal.of("item.alreadyWithdrawn", item.number()));
        }
        if (meeting.agendaPublished()) {
            agendas.withdrawItem(tenant(), itemId, changes.now());
        } else if (item.kind() == AgendaItemKind.CYCLE_REPORT) {
            throw new ConflictException(Refusal.of("item.cycleReportLeaves", item.number()));
        } else {
            agendas.deleteItem(tenant(), meetingId, itemId);
        }
        return changes.done(meeting, meeting.agendaPublished() ? "meeting.agenda-item-withdrawn" : "meeting.agenda-item-removed",
                Map.of("item", itemId.toString(), "number", item.number()), note);
    }

    /** How new items of this council are numbered unless the clerk writes a number. */
    public AgendaNumbering numbering() {
        return agendas.numbering(tenant());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
    public AgendaNumbering setNumbering(@NotNull AgendaNumbering numbering) {
        AgendaNumbering before = agendas.numbering(tenant());
        agendas.setNumbering(tenant(), numbering);
        events.publishEvent(Audited.inCurrentTenant("agenda.numbering-changed", "council", tenant(), before.name(),
                numbering.name()));
        return numbering;
    }

    /** The next number in the council's style that no current item of the meeting has. */
    static String nextNumber(Meeting meeting, AgendaNumbering style) {
        Set<String> taken = new HashSet<>();
        meeting.currentItems().forEach(item -> taken.add(item.number()));
        int place = meeting.currentItems().size() + 1;
        while (taken.contains(style.number(place))) {
            place++;
        }
        return style.number(place);
    }

    private String numberOrNext(Meeting meeting, String number, Meeting.AgendaItem self) {
        if (number == null || number.isBlank()) {
            return self != null ? self.number() : nextNumber(meeting, agendas.numbering(tenant()));
        }
        String stripped = number.strip();
        boolean taken = meeting.currentItems().stream()
                .anyMatch(other -> other.number().equalsIgnoreCase(stripped) && (self == null || !other.id().equals(self.id())));
        if (taken) {
            throw new InvalidFieldException("number", Refusal.of("item.numberTaken"));
        }
        return stripped;
    }

    private static ItemFields fields(AgendaItemDraft draft, UUID reportId, String number) {
        return new ItemFields(draft.kind(), reportId, number, strip(draft.title()), strip(draft.description()),
                strip(draft.reportOf()), draft.exemptParagraph(), strip(draft.titleCy()), strip(draft.descriptionCy()));
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
