package org.councilflow.publication.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.councilflow.publication.HistoricPublications;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.Imported;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.reports.ReportDocument;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes an imported meeting as the live cycle's publications look (a meeting's agenda, a report per public item,
 * a decision per published decision), so the public site, search, feeds and open data show it unchanged, each at its
 * original date. An item's text is its title and description; its documents are links to where the source has them.
 */
@Component
class HistoricPublisher implements HistoricPublications {

    private final PublicationStore store;

    HistoricPublisher(PublicationStore store) {
        this.store = store;
    }

    @Override
    @Transactional
    public Change publish(Meeting meeting) {
        boolean existed = store.latest(PublicationKind.MEETING, meeting.id(), MeetingSnapshot.class).isPresent();
        boolean changed = false;
        List<MeetingSnapshot.Item> items = new ArrayList<>();
        for (Item item : meeting.items()) {
            items.add(new MeetingSnapshot.Item(item.position(), item.exempt() ? null : item.id(), item.exempt()));
            if (!item.exempt()) {
                changed |= publishItem(meeting, item);
            }
        }
        MeetingSnapshot snapshot = new MeetingSnapshot(meeting.id(), meeting.committeeId(), meeting.committeeName(),
                meeting.startsAt(), meeting.venue(), List.copyOf(items));
        changed |= store.publish(PublicationKind.MEETING, meeting.id(), meeting.committeeId(), snapshot,
                when(PublicationKind.MEETING, meeting.id(), meeting.agendaPublishedAt()), by(meeting.provenance()),
                note(meeting.provenance()));
        return !existed ? Change.CREATED : changed ? Change.UPDATED : Change.UNCHANGED;
    }

    private boolean publishItem(Meeting meeting, Item item) {
        Imported imported = imported(item);
        ReportDocument document = document(meeting, item);
        ReportSnapshot report = new ReportSnapshot(item.id(), 1, meeting.id(), item.position(), document, List.of(), null,
                imported);
        Instant reportAt = when(PublicationKind.REPORT, item.id(), meeting.agendaPublishedAt());
        boolean changed = store.publish(PublicationKind.REPORT, item.id(), meeting.committeeId(), report, reportAt,
                by(item.provenance()), note(item.provenance()));
        if (changed) {
            store.index("REPORT", item.id(), document.header().title(), Text.reportText(document), "/reports/" + item.id(),
                    meeting.agendaPublishedAt());
        }
        Decision decision = item.decision();
        if (decision == null) {
            return changed;
        }
        UUID id = Publisher.decisionId(item.id(), meeting.id());
        DecisionSnapshot snapshot = new DecisionSnapshot(id, item.id(), meeting.id(), meeting.committeeId(),
                meeting.committeeName(), item.title(), decision.status(), decision.keyDecision(),
                decision.callInEndsAt() != null, decision.resolutions(), decision.minutes(), decision.decidedOn(),
                meeting.startsAt(), decision.publishedAt(), decision.callInEndsAt(), null, List.of(), null,
                // history: a past call-in period ended long ago; the decision took effect then
                decision.callInEndsAt(), imported, null);
        boolean decided = store.publish(PublicationKind.DECISION, id, meeting.committeeId(), snapshot,
                when(PublicationKind.DECISION, id, decision.publishedAt()), by(item.provenance()), note(item.provenance()));
        if (decided) {
            store.index("DECISION", id, "Decision: " + item.title(),
                    Text.label(decision.status()) + "\n" + String.join("\n", decision.resolutions()), "/decisions/" + id,
                    decision.publishedAt());
            if (decision.minutes() != null && !decision.minutes().isBlank()) {
                store.index("MINUTES", id, "Minutes: " + item.title(), decision.minutes(),
                        "/meetings/" + meeting.id() + "/items/" + item.position(), decision.publishedAt());
            }
        }
        return changed | decided;
    }

    /** The original date the first time; a later change found at the source is an amendment dated now. */
    private Instant when(PublicationKind kind, UUID subject, Instant original) {
        return store.latest(kind, subject, Object.class).isPresent() ? Instant.now() : original;
    }

    private static ReportDocument document(Meeting meeting, Item item) {
        LocalDate meetingDate = LocalDate.ofInstant(meeting.startsAt(), org.councilflow.common.Locality.zoneId());
        List<ReportDocument.Block> blocks = new ArrayList<>();
        for (Link link : item.documents()) {
            blocks.add(new ReportDocument.Block(ReportDocument.Kind.PARAGRAPH, null, null,
                    "[" + escape(link.title()) + "](" + link.url().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                            + ")"));
        }
        List<ReportDocument.Section> sections = blocks.isEmpty() ? List.of()
                : List.of(new ReportDocument.Section("backgroundPapers", null, "Documents", List.copyOf(blocks)));
        String enclosures = item.documents().isEmpty() ? null
                : abbreviate(String.join("; ", item.documents().stream().map(Link::title).toList()), 5_000);
        ReportDocument.Header header = new ReportDocument.Header(abbreviate(meeting.committeeName(), 300), meetingDate,
                abbreviate(item.title(), 500), null, null, ReportDocument.Status.PUBLIC, null, false,
                item.decision() != null && item.decision().keyDecision(), enclosures, null);
        String summary = item.description() == null ? null : abbreviate(item.description(), 50_000);
        return new ReportDocument(null, null, null, header, summary, List.of(), sections);
    }

    private static Imported imported(Item item) {
        Provenance p = item.provenance();
        return new Imported(p.source(), p.sourceId(), p.importedAt(), p.importedBy(), item.number(),
                item.documents().stream().map(l -> new Imported.Link(l.title(), l.url())).toList());
    }

    private static String by(Provenance provenance) {
        return "import:" + provenance.importedBy();
    }

    private static String note(Provenance provenance) {
        return abbreviate("Updated from " + provenance.source() + " by a history import", 500);
    }

    /** Markdown's punctuation escaped, so that imported text is shown as written and never becomes a link or markup. */
    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]])", "\\\\$1")
                .replaceAll("(?m)^(\\s*)([#>+-])", "$1\\\\$2").replaceAll("(?m)^(\\s*)(\\d+)\\.", "$1$2\\\\.");
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

}
