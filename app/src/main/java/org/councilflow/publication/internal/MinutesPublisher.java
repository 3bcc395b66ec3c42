package org.councilflow.publication.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.councilflow.identity.CurrentUsers;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.minutes.Attendance;
import org.councilflow.minutes.ItemMinutes;
import org.councilflow.minutes.Minutes;
import org.councilflow.minutes.MinutesDocument;
import org.councilflow.minutes.MinutesPublished;
import org.councilflow.minutes.MinutesStyle;
import org.councilflow.minutes.MinutesVersion;
import org.councilflow.publication.internal.Snapshots.MinutesSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes a meeting's minutes when a version of them is frozen (approved, amended, or a draft the council
 * publishes), inside that transaction: the public copy is exactly that version. Exempt items keep their number,
 * heading and declarations; their minutes and resolutions stay out.
 */
@Component
class MinutesPublisher {

    private final PublicationStore store;
    private final Minutes minutes;
    private final Meetings meetings;
    private final CurrentUsers users;

    MinutesPublisher(PublicationStore store, Minutes minutes, Meetings meetings, CurrentUsers users) {
        this.store = store;
        this.minutes = minutes;
        this.meetings = meetings;
        this.users = users;
    }

    @EventListener
    void minutesPublished(MinutesPublished event) {
        MinutesVersion version = minutes.version(event.meetingId(), event.version());
        Meeting meeting = meetings.get(event.meetingId());
        MinutesSnapshot snapshot = snapshot(meeting, version);
        String note = switch (version.kind()) {
            case DRAFT -> "Draft minutes, to be approved at the next meeting";
            case APPROVED -> "Minutes approved at the meeting of " + Text.date(snapshot.approvedAtMeetingStartsAt());
            case AMENDED -> "Amended: " + version.note();
        };
        store.publish(PublicationKind.MINUTES, meeting.id(), meeting.committeeId(), snapshot, version.createdAt(),
                users.current().map(u -> u.username()).orElse("system"), note);
        store.index("MINUTES", meeting.id(), "Minutes: " + meeting.committeeName() + ", " + Text.date(meeting.startsAt()),
                text(snapshot), "/meetings/" + meeting.id(), version.createdAt());
        // the Welsh minutes in their own row (app.welsh: simple words, accents folded), or none when nothing is in Welsh
        String welsh = welshText(snapshot);
        Localizer cy = Localizer.of(java.util.Locale.forLanguageTag("cy"));
        store.indexWelsh("MINUTES", meeting.id(), welsh.isBlank() ? null : cy.t("minutes.pdfHeading", cy.t("meeting.name",
                cy.pick(snapshot.committeeName(), snapshot.committeeNameCy()).text(), cy.date(meeting.startsAt()))),
                welsh, "/meetings/" + meeting.id(), version.createdAt());
    }

    private MinutesSnapshot snapshot(Meeting meeting, MinutesVersion version) {
        MinutesDocument document = version.content();
        MinutesStyle style = document.style();
        List<MinutesSnapshot.Item> items = new ArrayList<>();
        for (MinutesDocument.Item item : document.items()) {
            // a report from the cycle is headed as it was published, if it was
            String title = Optional.ofNullable(item.reportId())
                    .flatMap(id -> store.latest(PublicationKind.REPORT, id, ReportSnapshot.class))
                    .map(Published::content).map(r -> r.document().header().title()).orElse(item.title());
            // and in Welsh as the report's published Welsh part has it, else as frozen with the minutes
            String titleCy = Optional.ofNullable(item.reportId())
                    .flatMap(id -> store.latest(PublicationKind.REPORT, id, ReportSnapshot.class))
                    .map(Published::content).map(r -> r.document().welsh()).map(w -> w.title())
                    .filter(t -> !t.isBlank()).orElse(item.titleCy());
            ItemMinutes.Welsh welsh = item.welsh();
            items.add(new MinutesSnapshot.Item(item.itemId(), item.number(), item.kind().name(), title,
                    item.exempt() ? null : item.reportId(), item.exemptParagraph(), item.declarations(),
                    item.exempt() ? null : item.minutes(), item.exempt() ? List.of() : style.show(item.resolutions()),
                    titleCy, item.exempt() || welsh == null ? null : welsh.minutes(),
                    item.exempt() || welsh == null ? List.of() : style.show(welsh.resolutions())));
        }
        Attendance a = document.attendance();
        MinutesSnapshot.Attendance attendance = new MinutesSnapshot.Attendance(
                a.members().stream().map(m -> new MinutesSnapshot.Member(m.name(), m.role(), m.presence(), m.substituteFor())).toList(),
                a.officers().stream().map(o -> new MinutesSnapshot.Person(o.name(), o.role(), o.roleCy())).toList(),
                a.others().stream().map(o -> new MinutesSnapshot.Guest(o.name(), o.role(), o.kind(), o.roleCy())).toList());
        Meeting approvedAt = version.approvedAtMeetingId() == null ? approvalOf(meeting) : meetings.get(version.approvedAtMeetingId());
        String approvedItem = approvedAt == null ? null : approvedAt.agenda().stream()
                .filter(i -> i.id().equals(approvalItem(meeting, version))).map(Meeting.AgendaItem::number).findFirst().orElse(null);
        return new MinutesSnapshot(meeting.id(), meeting.committeeId(), meeting.committeeName(), meeting.startsAt(),
                version.kind() == MinutesVersion.Kind.DRAFT ? "DRAFT" : "APPROVED", version.version(),
                approvedAt == null ? null : approvedAt.id(), approvedAt == null ? null : approvedAt.startsAt(),
                approvedItem, style.resolvedLabel(), attendance, List.copyOf(items), meeting.committeeNameCy(),
                style.resolvedLabelCy());
    }

    /** For an amendment: the meeting that approved the minutes in the first place. */
    private Meeting approvalOf(Meeting meeting) {
        return minutes.versions(meeting.id()).stream().filter(v -> v.kind() == MinutesVersion.Kind.APPROVED).findFirst()
                .map(v -> meetings.get(v.approvedAtMeetingId())).orElse(null);
    }

    private java.util.UUID approvalItem(Meeting meeting, MinutesVersion version) {
        return version.approvedAtItemId() != null ? version.approvedAtItemId()
                : minutes.versions(meeting.id()).stream().filter(v -> v.kind() == MinutesVersion.Kind.APPROVED)
                        .findFirst().map(MinutesVersion::approvedAtItemId).orElse(null);
    }

    /** What Welsh search finds: the Welsh headings, minutes and resolutions (empty when the council wrote none). */
    private static String welshText(MinutesSnapshot snapshot) {
        StringBuilder text = new StringBuilder();
        for (MinutesSnapshot.Item item : snapshot.items()) {
            if (item.titleCy() != null) {
                text.append(item.number()).append(' ').append(item.titleCy()).append('\n');
            }
            if (item.minutesCy() != null) {
                text.append(item.minutesCy()).append('\n');
            }
            item.resolutionsCy().forEach(r -> {
                text.append(r.text()).append('\n');
                r.points().forEach(p -> text.append(p.text()).append('\n'));
            });
        }
        return text.toString();
    }

    /** What search finds: headings, minutes and resolutions of the items that are not exempt, and who attended. */
    private static String text(MinutesSnapshot snapshot) {
        StringBuilder text = new StringBuilder();
        snapshot.attendance().members().forEach(m -> text.append(m.name()).append('\n'));
        snapshot.attendance().others().forEach(o -> text.append(o.name()).append(o.role() == null ? "" : " " + o.role()).append('\n'));
        for (MinutesSnapshot.Item item : snapshot.items()) {
            text.append(item.number()).append(' ').append(item.title()).append('\n');
            if (item.minutes() != null) {
                text.append(item.minutes()).append('\n');
            }
            item.resolutions().forEach(r -> {
                text.append(r.text()).append('\n');
                r.points().forEach(p -> text.append(p.text()).append('\n'));
            });
        }
        return text.toString();
    }
}
