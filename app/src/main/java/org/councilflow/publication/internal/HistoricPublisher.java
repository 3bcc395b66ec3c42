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
    private final PublicationBatch batch;

    HistoricPublisher(PublicationStore store, PublicationBatch batch) {
        this.store = store;
        this.batch = batch;
    }

    /** One publication of an imported meeting: what, at which original date, and what search finds of it. */
    private record Planned(PublicationKind kind, UUID subject, Object content, Instant originalAt, String by,
            String note, List<PublicationBatch.Entry> entries) {
    }

    @Override
    @Transactional
    public Change publish(Meeting meeting) {
        boolean existed = store.latest(PublicationKind.MEETING, meeting.id(), MeetingSnapshot.class).isPresent();
        boolean changed = false;
        for (Planned p : plan(meeting)) {
            boolean published = store.publish(p.kind(), p.subject(), meeting.committeeId(), p.content(),
                    when(p.kind(), p.subject(), p.originalAt()), p.by(), p.note());
            if (published) {
                p.entries().forEach(e -> store.index(e.kind(), e.subject(), e.title(), e.body(), e.path(), e.at()));
            }
            changed |= published;
        }
        return !existed ? Change.CREATED : changed ? Change.UPDATED : Change.UNCHANGED;
    }

    @Override
    @Transactional
    public void publishNew(List<Meeting> meetings) {
        List<PublicationBatch.First> firsts = new ArrayList<>();
        List<PublicationBatch.Entry> entries = new ArrayList<>();
        java.util.Map<UUID, Meeting> ownerOf = new java.util.HashMap<>();
        for (Meeting meeting : meetings) {
            for (Planned p : plan(meeting)) {
                firsts.add(new PublicationBatch.First(p.kind(), p.subject(), meeting.committeeId(), p.content(),
                        p.originalAt(), p.by()));
                entries.addAll(p.entries());
                ownerOf.putIfAbsent(p.subject(), meeting);
            }
        }
        java.util.Set<UUID> taken = batch.insertFirst(firsts);
        batch.index(entries.stream().filter(e -> !taken.contains(e.subject())).toList());
        // a subject published before (a duplicate id at the source, or an earlier run cut short): the ordinary way,
        // which compares with its latest version
        taken.stream().map(ownerOf::get).distinct().forEach(this::publish);
    }

    /** The meeting's publications in the order they are published: each public item's report and decision, then it. */
    private List<Planned> plan(Meeting meeting) {
        List<Planned> planned = new ArrayList<>();
        List<MeetingSnapshot.Item> items = new ArrayList<>();
        for (Item item : meeting.items()) {
            items.add(new MeetingSnapshot.Item(item.position(), item.exempt() ? null : item.id(), item.exempt()));
            if (!item.exempt()) {
                planItem(meeting, item, planned);
            }
        }
        MeetingSnapshot snapshot = new MeetingSnapshot(meeting.id(), meeting.committeeId(), meeting.committeeName(),
                meeting.startsAt(), meeting.venue(), List.copyOf(items));
        planned.add(new Planned(PublicationKind.MEETING, meeting.id(), snapshot, meeting.agendaPublishedAt(),
                by(meeting.provenance()), note(meeting.provenance()), List.of()));
        return planned;
    }

    private void planItem(Meeting meeting, Item item, List<Planned> planned) {
        Imported imported = imported(item);
        ReportDocument document = document(meeting, item);
        List<Snapshots.DocumentRef> appendices = new ArrayList<>();
        for (Stored stored : item.stored()) {
            appendices.add(new Snapshots.DocumentRef(appendices.size() + 1, stored.title(), stored.documentId(),
                    stored.filename(), stored.mediaType(), stored.extension(), stored.size(), stored.sha256()));
        }
        ReportSnapshot report = new ReportSnapshot(item.id(), 1, meeting.id(), item.position(), document,
                List.copyOf(appendices), null, imported);
        planned.add(new Planned(PublicationKind.REPORT, item.id(), report, meeting.agendaPublishedAt(),
                by(item.provenance()), note(item.provenance()), List.of(new PublicationBatch.Entry("REPORT", item.id(),
                        document.header().title(), Text.reportText(document), "/reports/" + item.id(),
                        meeting.agendaPublishedAt()))));
        Decision decision = item.decision();
        if (decision == null) {
            return;
        }
        UUID id = Publisher.decisionId(item.id(), meeting.id());
        DecisionSnapshot snapshot = new DecisionSnapshot(id, item.id(), meeting.id(), meeting.committeeId(),
                meeting.committeeName(), item.title(), decision.status(), decision.keyDecision(),
                decision.callInEndsAt() != null, decision.resolutions(), decision.minutes(), decision.decidedOn(),
                meeting.startsAt(), decision.publishedAt(), decision.callInEndsAt(), null, List.of(), null,
                // history: a past call-in period ended long ago; the decision took effect then
                decision.callInEndsAt(), imported, null);
        List<PublicationBatch.Entry> entries = new ArrayList<>();
        entries.add(new PublicationBatch.Entry("DECISION", id, "Decision: " + item.title(),
                Text.label(decision.status()) + "\n" + String.join("\n", decision.resolutions()), "/decisions/" + id,
                decision.publishedAt()));
        if (decision.minutes() != null && !decision.minutes().isBlank()) {
            entries.add(new PublicationBatch.Entry("MINUTES", id, "Minutes: " + item.title(), decision.minutes(),
                    "/meetings/" + meeting.id() + "/items/" + item.position(), decision.publishedAt()));
        }
        planned.add(new Planned(PublicationKind.DECISION, id, snapshot, decision.publishedAt(), by(item.provenance()),
                note(item.provenance()), List.copyOf(entries)));
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
        List<String> titles = new ArrayList<>(item.stored().stream().map(Stored::title).toList());
        item.documents().forEach(link -> titles.add(link.title()));
        String enclosures = titles.isEmpty() ? null : abbreviate(String.join("; ", titles), 5_000);
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
