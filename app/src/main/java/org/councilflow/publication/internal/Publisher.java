package org.councilflow.publication.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.documents.StoredDocument;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.meetings.AgendaItemScheduled;
import org.councilflow.meetings.Decision;
import org.councilflow.meetings.DecisionCalledIn;
import org.councilflow.meetings.DecisionPublished;
import org.councilflow.meetings.Decisions;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.plans.InspectionEvent;
import org.councilflow.plans.Plan;
import org.councilflow.plans.Plans;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Snapshots.JourneySnapshot;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportDocument;
import org.councilflow.reports.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes things public when the cycle publishes them, inside the transaction of the act that publishes (so both
 * happen or neither): a report scheduled to a meeting publishes the meeting's agenda and, unless exempt, the report's
 * signed-off version and appendices; a published decision publishes its decision details; a call-in amends them.
 * What is published is a copy: later drafts change nothing public until the next publication.
 */
@Component
public class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private final PublicationStore store;
    private final Meetings meetings;
    private final Reports reports;
    private final Decisions decisions;
    private final Plans plans;
    private final CurrentUsers users;

    Publisher(PublicationStore store, Meetings meetings, Reports reports, Decisions decisions, Plans plans,
            CurrentUsers users) {
        this.store = store;
        this.meetings = meetings;
        this.reports = reports;
        this.decisions = decisions;
        this.plans = plans;
        this.users = users;
    }

    @EventListener
    void agendaItemScheduled(AgendaItemScheduled event) {
        Instant now = Instant.now();
        Meeting meeting = meetings.get(event.meetingId());
        Optional<ReportSnapshot> report = reportSnapshot(event.reportId(), meeting.id(), event.position());
        report.ifPresent(snapshot -> {
            store.publish(PublicationKind.REPORT, snapshot.reportId(), meeting.committeeId(), snapshot, now, by(),
                    "Scheduled to the meeting of " + meeting.committeeName() + " on " + Text.date(meeting.startsAt()));
            ReportDocument document = snapshot.document();
            store.index("REPORT", snapshot.reportId(), document.header().title(), Text.reportText(document),
                    "/reports/" + snapshot.reportId(), now);
            ReportDocument.Welsh welsh = document.welsh();
            store.indexWelsh("REPORT", snapshot.reportId(), welsh == null ? null : welsh.title(),
                    welsh == null ? "" : Text.welshText(welsh), "/reports/" + snapshot.reportId(), now);
        });
        List<MeetingSnapshot.Item> items = new ArrayList<>();
        for (Meeting.AgendaItem item : meeting.agenda()) {
            Optional<Published<ReportSnapshot>> published = store.latest(PublicationKind.REPORT, item.reportId(), ReportSnapshot.class);
            boolean exempt = published.isEmpty() && isExempt(item.reportId());
            if (published.isPresent() || exempt) {
                items.add(new MeetingSnapshot.Item(item.position(), exempt ? null : item.reportId(), exempt));
            }
        }
        // an earlier agenda's items stay on it: a deferred report was on that agenda when it was published
        Optional<Published<MeetingSnapshot>> before = store.latest(PublicationKind.MEETING, meeting.id(), MeetingSnapshot.class);
        before.ifPresent(previous -> previous.content().items().stream()
                .filter(old -> items.stream().noneMatch(i -> i.position() == old.position()))
                .forEach(items::add));
        items.sort(Comparator.comparingInt(MeetingSnapshot.Item::position));
        MeetingSnapshot snapshot = new MeetingSnapshot(meeting.id(), meeting.committeeId(), meeting.committeeName(),
                meeting.startsAt(), meeting.venue(), List.copyOf(items));
        store.publish(PublicationKind.MEETING, meeting.id(), meeting.committeeId(), snapshot, now, by(),
                "Item " + event.position() + " added to the agenda");
    }

    @EventListener
    void decisionPublished(DecisionPublished event) {
        publishDecision(event.reportId(), event.meetingId(), event.publishedAt(), null);
    }

    @EventListener
    void decisionCalledIn(DecisionCalledIn event) {
        publishDecision(event.reportId(), event.meetingId(), event.calledInAt(),
                "Called in for scrutiny on " + Text.date(event.calledInAt()));
    }

    /** Publishes (or publishes again) a plan's improvement journey from its inspection events as they stand now. */
    public Published<JourneySnapshot> publishJourney(UUID planId) {
        Plan plan = plans.get(planId);
        List<JourneySnapshot.Step> steps = new ArrayList<>();
        for (InspectionEvent event : plans.inspections(planId)) {
            DocumentRef letter = null;
            if (event.letter() != null) {
                StoredDocument document = plans.letter(planId, event.id()).document();
                letter = documentRef(0, event.title(), document);
            }
            steps.add(new JourneySnapshot.Step(event.id(), event.type().name(), event.title(), event.startDate(),
                    event.endDate(), event.focus(), event.judgement(), event.summary(), letter));
        }
        steps.sort(Comparator.comparing(JourneySnapshot.Step::startDate).thenComparing(JourneySnapshot.Step::title));
        Plan.Origin origin = plan.origin();
        JourneySnapshot snapshot = new JourneySnapshot(plan.id(), plan.title(), plan.serviceArea(),
                origin == null ? null : origin.inspection(), origin == null ? null : origin.date(),
                origin == null ? null : origin.judgement(), plan.targetJudgement(), List.copyOf(steps));
        store.publish(PublicationKind.JOURNEY, plan.id(), null, snapshot, Instant.now(), by(), "Improvement journey updated");
        return store.latest(PublicationKind.JOURNEY, plan.id(), JourneySnapshot.class).orElseThrow();
    }

    private void publishDecision(UUID reportId, UUID meetingId, Instant at, String note) {
        Optional<Published<ReportSnapshot>> report = store.latest(PublicationKind.REPORT, reportId, ReportSnapshot.class);
        if (report.isEmpty()) {
            // exempt, or never on a published agenda: its decision is not for the public site
            log.info("Decision on report {} not published on the public site: the report was not published", reportId);
            return;
        }
        Decision decision = decisions.latest(reportId).filter(d -> d.meetingId().equals(meetingId)).orElseThrow();
        if (decision.publishedAt() == null) {
            return;
        }
        Meeting meeting = meetings.get(meetingId);
        UUID id = decisionId(reportId, meetingId);
        DecisionSnapshot snapshot = new DecisionSnapshot(id, reportId, meetingId, meeting.committeeId(),
                meeting.committeeName(), report.get().content().document().header().title(), decision.status(),
                decision.keyDecision(), Boolean.TRUE.equals(decision.subjectToCallIn()), decision.resolutions(),
                decision.minutes(), decision.decidedOn(), meeting.startsAt(), decision.publishedAt(),
                decision.callInEndsAt(), decision.calledInAt(), report.get().content().appendices(),
                welshTitle(report.get().content().document()));
        store.publish(PublicationKind.DECISION, id, meeting.committeeId(), snapshot, at, by(), note);
        store.index("DECISION", id, "Decision: " + snapshot.reportTitle(),
                Text.label(snapshot.status()) + "\n" + String.join("\n", snapshot.resolutions()), "/decisions/" + id, at);
        // the Welsh title and status (resolutions and minutes have no Welsh text yet: ADR 0015)
        Localizer welsh = Localizer.of(java.util.Locale.forLanguageTag("cy"));
        store.indexWelsh("DECISION", id, snapshot.reportTitleCy() == null ? null
                : welsh.t("decision.title", snapshot.reportTitleCy()), welsh.label(snapshot.status()), "/decisions/" + id, at);
        if (snapshot.minutes() != null && !snapshot.minutes().isBlank()) {
            store.index("MINUTES", id, "Minutes: " + snapshot.reportTitle(), snapshot.minutes(),
                    "/meetings/" + meetingId + "/items/" + report.get().content().position(), at);
        }
    }

    private static String welshTitle(ReportDocument document) {
        return document.welsh() == null || document.welsh().title() == null || document.welsh().title().isBlank() ? null
                : document.welsh().title();
    }

    /** A decision's public id: one per report and meeting. */
    static UUID decisionId(UUID reportId, UUID meetingId) {
        return UUID.nameUUIDFromBytes(("decision:" + reportId + ":" + meetingId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Exactly the signed-off version and the appendices it was signed off with; {@link Reports#approvedForPublication}
     * refuses (and with it the scheduling) when an appendix's bytes no longer match their recorded SHA-256.
     */
    private Optional<ReportSnapshot> reportSnapshot(UUID reportId, UUID meetingId, int position) {
        Report.Approved approved = reports.approvedForPublication(reportId);
        ReportDocument document = approved.document();
        if (document.header().status() == ReportDocument.Status.EXEMPT) {
            return Optional.empty();
        }
        List<DocumentRef> refs = approved.appendices().stream()
                .map(a -> new DocumentRef(a.number(), a.title(), a.document().id(), a.document().filename(),
                        a.document().type().mediaType(), a.document().type().extension(), a.document().size(), a.sha256()))
                .toList();
        return Optional.of(new ReportSnapshot(reportId, approved.version(), meetingId, position, document, refs,
                approved.approvedAt()));
    }

    private boolean isExempt(UUID reportId) {
        Report report = reports.get(reportId);
        int version = report.approval() != null ? report.approval().version() : report.latestVersion();
        return version > 0 && reports.version(reportId, version).document().header()
                .status() == ReportDocument.Status.EXEMPT;
    }

    private static DocumentRef documentRef(int number, String title, StoredDocument document) {
        return new DocumentRef(number, title, document.id(), document.filename(), document.type().mediaType(),
                document.type().extension(), document.size(), document.sha256());
    }

    private String by() {
        return users.current().map(user -> user.username()).orElse("system");
    }
}
