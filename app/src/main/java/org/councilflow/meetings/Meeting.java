package org.councilflow.meetings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.councilflow.common.Refusal;
import org.councilflow.common.ConflictException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A meeting of one of the council's committees with its agenda (ADR 0009).
 *
 * @param location where it is held: at a venue, hybrid (a venue and a link), remote (a link), or unknown (old papers)
 * @param agendaPublishedAt when the clerk published the agenda: the one moment from which the agenda is public
 * @param agendaVersion 0 before publication, 1 when published, then one more per amendment
 * @param version changes with every change of the meeting or its agenda (a request with an older one is refused)
 * @param committeeNameCy the committee's Welsh name, {@code titleCy} the meeting's Welsh title and {@code venueCy} its
 *        venue's Welsh name ("Neuadd y Dref Hendon"), where given (ADR 0017)
 */
public record Meeting(UUID id, UUID committeeId, String committeeName, Instant startsAt, String venue,
        List<AgendaItem> agenda, int version, String title, Instant endsAt, Location location, String onlineLink,
        String webcastLink, Status status, String statusNote, Instant agendaPublishedAt, int agendaVersion,
        List<Amendment> amendments, String committeeNameCy, String titleCy, String venueCy) {

    /** A link people follow from a public page: https only, no spaces, no more than 2,000 characters. */
    public static final String LINK = "^https://[^\\s]{1,1990}$";

    public enum Location {
        VENUE, HYBRID, REMOTE, NONE
    }

    public enum Status {
        SCHEDULED, CANCELLED, POSTPONED, MOVED
    }

    public boolean agendaPublished() {
        return agendaPublishedAt != null;
    }

    /** The items on the agenda now, in order (withdrawn items stay on a published agenda, marked). */
    public List<AgendaItem> currentItems() {
        return agenda.stream().filter(item -> !item.withdrawn()).toList();
    }

    public AgendaItem item(UUID itemId) {
        return agenda.stream().filter(item -> item.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new org.councilflow.common.NotFoundException("No agenda item " + itemId + " on this meeting"));
    }

    /** The request was made on this version of the meeting, or it is refused: someone changed it since. */
    public void requireVersion(Integer expected) {
        if (expected != null && expected != version) {
            throw new ConflictException(Refusal.of("meeting.stale", expected, version));
        }
    }

    /** Reordering is for an agenda in preparation: once published, its order is what the public was given. */
    public void requireOrderOpen() {
        if (agendaPublished()) {
            throw new ConflictException(Refusal.of("agenda.orderFixed"));
        }
    }

    /** After publication every change is an amendment, and says why. */
    public String requireAmendmentNote(String note) {
        if (agendaPublished() && (note == null || note.isBlank())) {
            throw new org.councilflow.common.InvalidFieldException("amendmentNote",
                    "is required: the agenda is published, so this change is an amendment and the public is told why");
        }
        return note == null || note.isBlank() ? null : note.strip();
    }

    public void requireNotCancelled() {
        if (status == Status.CANCELLED) {
            throw new ConflictException(Refusal.of("meeting.cancelled"));
        }
    }

    /**
     * An item of the agenda.
     *
     * @param position its place in the order, from 1
     * @param number the council's own number for it, as written ("3.1", "4a", "Item 5")
     * @param reportId the report from the cycle, for an item of kind {@link AgendaItemKind#CYCLE_REPORT} only
     * @param title its heading (null for a report from the cycle: the report's own title is its heading)
     * @param exemptParagraph the paragraph (1–7) of Schedule 12A that makes it exempt, null when it is not
     * @param sinceVersion the agenda version that added it (0: on the agenda before it was published)
     * @param titleCy its heading in Welsh, {@code descriptionCy} its description in Welsh, where given
     */
    public record AgendaItem(UUID id, int position, String number, AgendaItemKind kind, UUID reportId, String title,
            String description, String reportOf, Integer exemptParagraph, int sinceVersion, Instant withdrawnAt,
            List<AgendaDocument> documents, String titleCy, String descriptionCy) {

        public boolean exempt() {
            return exemptParagraph != null;
        }

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /** A change to a published agenda: its version, when, by whom and the clerk's note. */
    public record Amendment(int version, Instant madeAt, String madeBy, String note) {
    }

    /**
     * What the clerk arranges ({@code titleCy}, {@code venueCy}: the title and the venue in Welsh, optional; a Welsh
     * venue only beside a venue). Without {@code location}, a venue makes it {@code VENUE} and none {@code NONE}.
     */
    public record Draft(@NotNull UUID committeeId, @NotNull Instant startsAt,
            @Size(min = 2, max = 300) String venue, @Size(min = 1, max = 300) String title, Instant endsAt,
            Location location, @Size(max = 2000) @Pattern(regexp = LINK, message = "must be an https:// link") String onlineLink,
            @Size(max = 2000) @Pattern(regexp = LINK, message = "must be an https:// link") String webcastLink,
            @Size(min = 1, max = 300) String titleCy, @Size(min = 2, max = 300) String venueCy) {

        public Draft(UUID committeeId, Instant startsAt, String venue) {
            this(committeeId, startsAt, venue, null, null, null, null, null, null, null);
        }

        public Draft(UUID committeeId, Instant startsAt, String venue, String title, Instant endsAt, Location location,
                String onlineLink, String webcastLink) {
            this(committeeId, startsAt, venue, title, endsAt, location, onlineLink, webcastLink, null, null);
        }

        public Draft(UUID committeeId, Instant startsAt, String venue, String title, Instant endsAt, Location location,
                String onlineLink, String webcastLink, String titleCy) {
            this(committeeId, startsAt, venue, title, endsAt, location, onlineLink, webcastLink, titleCy, null);
        }

        @AssertTrue(message = "is the venue in Welsh: give it only beside a venue")
        boolean isVenueCyBesideVenue() {
            return venueCy == null || venueCy.isBlank() || (venue != null && !venue.isBlank());
        }

        public Location effectiveLocation() {
            return location != null ? location : venue == null || venue.isBlank() ? Location.NONE : Location.VENUE;
        }

        @AssertTrue(message = "must be after the start")
        boolean isEndsAtAfterStart() {
            return endsAt == null || startsAt == null || endsAt.isAfter(startsAt);
        }

        @AssertTrue(message = "does not fit the location: a venue for VENUE and HYBRID, a link for HYBRID and REMOTE, neither for NONE")
        boolean isLocationGiven() {
            boolean hasVenue = venue != null && !venue.isBlank();
            boolean hasLink = onlineLink != null;
            return switch (effectiveLocation()) {
                case VENUE -> hasVenue && !hasLink;
                case HYBRID -> hasVenue && hasLink;
                case REMOTE -> !hasVenue && hasLink;
                case NONE -> !hasVenue && !hasLink;
            };
        }
    }

    /** A change of the meeting's details (validated as when arranged), on the version the clerk saw; after publication with a note. */
    public record Change(@NotNull @Valid Draft details, @NotNull Integer version, @Size(max = 2000) String amendmentNote) {
    }

    /** Cancelled, postponed, moved (or back to scheduled), with a note for the public. */
    public record StatusChange(@NotNull Status status, @Size(max = 2000) String note, @NotNull Integer version) {
    }
}
