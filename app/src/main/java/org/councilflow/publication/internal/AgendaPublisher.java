package org.councilflow.publication.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.documents.Documents;
import org.councilflow.documents.StoredDocument;
import org.councilflow.meetings.AgendaDocument;
import org.councilflow.meetings.AgendaItemKind;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportDocument;
import org.councilflow.reports.Reports;
import org.springframework.stereotype.Component;

/**
 * Publishes a meeting's agenda as it stands, when the clerk publishes it and again with each amendment (ADR 0009).
 * A report from the cycle goes public as its signed-off version with the appendices it was signed off with (their
 * bytes checked against the recorded SHA-256; a mismatch refuses the publication). An exempt item publishes its
 * heading and paragraph only; exempt documents are never published.
 */
@Component
class AgendaPublisher {

    private final PublicationStore store;
    private final Meetings meetings;
    private final Reports reports;
    private final Documents documents;

    AgendaPublisher(PublicationStore store, Meetings meetings, Reports reports, Documents documents) {
        this.store = store;
        this.meetings = meetings;
        this.reports = reports;
        this.documents = documents;
    }

    void publish(UUID meetingId, Instant at, String by, String note) {
        Meeting meeting = meetings.get(meetingId);
        Optional<Published<MeetingSnapshot>> before = store.latest(PublicationKind.MEETING, meetingId, MeetingSnapshot.class);
        List<MeetingSnapshot.Item> items = new ArrayList<>();
        for (Meeting.AgendaItem item : meeting.agenda()) {
            items.add(item.kind() == AgendaItemKind.CYCLE_REPORT
                    ? reportItem(meeting, item, before, at, by)
                    : item(item, item.title(), item.titleCy(), item.reportOf(), null, item.exemptParagraph(), item.exempt()));
        }
        MeetingSnapshot snapshot = new MeetingSnapshot(meeting.id(), meeting.committeeId(), meeting.committeeName(),
                meeting.startsAt(), meeting.venue(), List.copyOf(items), meeting.title(), meeting.endsAt(),
                meeting.location().name(), meeting.onlineLink(), meeting.webcastLink(), meeting.status().name(),
                meeting.statusNote(), Math.max(1, meeting.agendaVersion()), meeting.committeeNameCy(), meeting.titleCy(),
                meeting.venueCy());
        store.publish(PublicationKind.MEETING, meeting.id(), meeting.committeeId(), snapshot, at, by,
                note == null ? "Agenda amended" : note);
        index(snapshot, at);
    }

    /**
     * The agenda's own items are searchable from its publication, before there are minutes: title, number,
     * description, report-of and the titles of their public documents. A report from the cycle is found as the
     * report itself; a withdrawn or exempt item leaves the search.
     */
    private void index(MeetingSnapshot meeting, Instant at) {
        for (MeetingSnapshot.Item item : meeting.items()) {
            if (item.exempt() || item.withdrawn() || item.title() == null || item.reportId() != null) {
                store.unindex("AGENDA_ITEM", item.itemId());
                continue;
            }
            List<String> body = new ArrayList<>();
            body.add(Text.date(meeting.startsAt()) + ", " + meeting.committeeName()
                    + (meeting.title() == null ? "" : ": " + meeting.title()));
            if (item.description() != null) {
                body.add(item.description());
            }
            if (item.reportOf() != null) {
                body.add(item.reportOf());
            }
            item.documents().forEach(d -> body.add(d.title()));
            store.index("AGENDA_ITEM", item.itemId(), (item.number() == null ? "" : item.number() + " ") + item.title(),
                    String.join("\n", body), "/meetings/" + meeting.meetingId() + "/items/" + item.position(), at);
        }
    }

    /**
     * A report from the cycle: published (once, as signed off) unless it is exempt; a report already published with
     * this meeting's agenda keeps its publication (an amendment of the agenda does not publish it again).
     */
    private MeetingSnapshot.Item reportItem(Meeting meeting, Meeting.AgendaItem item,
            Optional<Published<MeetingSnapshot>> before, Instant at, String by) {
        boolean alreadyOnPublishedAgenda = before.map(p -> p.content().items().stream()
                .anyMatch(i -> item.reportId().equals(i.reportId()))).orElse(false);
        Optional<Published<ReportSnapshot>> published = store.latest(PublicationKind.REPORT, item.reportId(), ReportSnapshot.class);
        if (alreadyOnPublishedAgenda && published.isPresent()) {
            ReportDocument document = published.get().content().document();
            return item(item, document.header().title(), welshTitle(document), document.header().reportOf(),
                    item.reportId(), item.exemptParagraph(), item.exempt());
        }
        Report report = reports.get(item.reportId());
        int approvedVersion = report.approval() != null ? report.approval().version() : report.latestVersion();
        ReportDocument signedOff = reports.version(item.reportId(), approvedVersion).document();
        ReportDocument.Header header = signedOff.header();
        boolean exempt = item.exempt() || header.status() == ReportDocument.Status.EXEMPT;
        if (!exempt && !item.withdrawn()) {
            Report.Approved approved = reports.approvedForPublication(item.reportId());
            List<DocumentRef> appendices = approved.appendices().stream()
                    .map(a -> new DocumentRef(a.number(), a.title(), a.document().id(), a.document().filename(),
                            a.document().type().mediaType(), a.document().type().extension(), a.document().size(), a.sha256()))
                    .toList();
            ReportSnapshot snapshot = new ReportSnapshot(item.reportId(), approved.version(), meeting.id(), item.position(),
                    approved.document(), appendices, approved.approvedAt(), null);
            store.publish(PublicationKind.REPORT, item.reportId(), meeting.committeeId(), snapshot, at, by,
                    "Scheduled to the meeting of " + meeting.committeeName() + " on " + Text.date(meeting.startsAt()));
            store.index("REPORT", item.reportId(), approved.document().header().title(),
                    Text.reportText(approved.document()), "/reports/" + item.reportId(), at);
            org.councilflow.reports.ReportDocument.Welsh welsh = approved.document().welsh();
            store.indexWelsh("REPORT", item.reportId(), welsh == null ? null : welsh.title(),
                    welsh == null ? "" : Text.welshText(welsh), "/reports/" + item.reportId(), at);
            header = approved.document().header();
            signedOff = approved.document();
        }
        // an exempt report's own title may itself be exempt information: the public sees "exempt item" and the paragraph
        return item(item, exempt ? null : header.title(), exempt ? null : welshTitle(signedOff), header.reportOf(),
                exempt ? null : item.reportId(), item.exemptParagraph(), exempt);
    }

    private static String welshTitle(ReportDocument document) {
        return document.welsh() == null || document.welsh().title() == null || document.welsh().title().isBlank() ? null
                : document.welsh().title();
    }

    /** The item as the public sees it: an exempt one by its number, heading and paragraph only. */
    private MeetingSnapshot.Item item(Meeting.AgendaItem item, String title, String titleCy, String reportOf,
            UUID reportId, Integer paragraph, boolean exempt) {
        List<MeetingSnapshot.ItemDocument> published = exempt ? List.of() : item.documents().stream()
                .filter(d -> !d.exempt()).map(this::document).toList();
        return new MeetingSnapshot.Item(item.position(), exempt ? null : reportId, exempt, item.id(), item.number(),
                item.kind().name(), title, exempt ? null : item.description(), exempt ? null : reportOf,
                exempt ? paragraph : null, item.withdrawn(), item.sinceVersion(), published, titleCy,
                exempt ? null : item.descriptionCy());
    }

    private MeetingSnapshot.ItemDocument document(AgendaDocument document) {
        DocumentRef file = null;
        if (document.documentId() != null) {
            StoredDocument stored = documents.find(document.documentId()).orElseThrow();
            file = new DocumentRef(document.position(), document.title(), stored.id(), stored.filename(),
                    stored.type().mediaType(), stored.type().extension(), stored.size(), stored.sha256());
        }
        return new MeetingSnapshot.ItemDocument(document.id(), document.title(), document.kind().name(), file,
                document.link(), document.titleCy());
    }
}
