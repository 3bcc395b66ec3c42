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
import org.councilflow.meetings.AgendaAmended;
import org.councilflow.meetings.AgendaItemScheduled;
import org.councilflow.meetings.AgendaPublished;
import org.councilflow.meetings.Decision;
import org.councilflow.meetings.DecisionAmended;
import org.councilflow.meetings.DecisionCalledIn;
import org.councilflow.meetings.DecisionTookEffect;
import org.councilflow.meetings.DecisionPublished;
import org.councilflow.meetings.Decisions;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.minutes.MinutesStyles;
import org.councilflow.plans.InspectionEvent;
import org.councilflow.plans.Plan;
import org.councilflow.plans.Plans;
import org.councilflow.publication.PublicationProperties;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Snapshots.JourneySnapshot;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportDocument;
import org.councilflow.reports.Reports;
import org.councilflow.tenancy.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes things public when the cycle publishes them, inside the transaction of the act that publishes (so both
 * happen or neither): the clerk's publication of a meeting's agenda publishes it and, unless exempt, its reports'
 * signed-off versions and appendices (amendments publish it again, with their note; see {@link AgendaPublisher});
 * a published decision publishes its decision details; a call-in amends them.
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
    private final PublicationProperties properties;
    private final AgendaPublisher agendas;
    private final MinutesStyles styles;

    Publisher(PublicationStore store, Meetings meetings, Reports reports, Decisions decisions, Plans plans,
            CurrentUsers users, PublicationProperties properties, AgendaPublisher agendas, MinutesStyles styles) {
        this.styles = styles;
        this.properties = properties;
        this.agendas = agendas;
        this.store = store;
        this.meetings = meetings;
        this.reports = reports;
        this.decisions = decisions;
        this.plans = plans;
        this.users = users;
    }

    /**
     * Scheduling publishes nothing (the clerk's publication of the agenda does), but a report whose signed-off
     * appendices no longer match is refused here already, and with it the scheduling.
     */
    @EventListener
    void agendaItemScheduled(AgendaItemScheduled event) {
        reports.approvedForPublication(event.reportId());
    }

    @EventListener
    void agendaPublished(AgendaPublished event) {
        agendas.publish(event.meetingId(), event.publishedAt(), event.by(), null);
    }

    @EventListener
    void agendaAmended(AgendaAmended event) {
        agendas.publish(event.meetingId(), event.at(), event.by(), event.note());
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

    @EventListener
    void decisionAmended(DecisionAmended event) {
        // the page lists it as "Amended on <date>: <note>"
        publishDecision(event.reportId(), event.meetingId(), event.amendedAt(), event.note());
    }

    /**
     * The decision's public page as publishing it now would make it, with these call-in terms: nothing is stored.
     * Empty when the decision would not be on the public site (its report is exempt or was never published).
     */
    public Optional<String> previewDecision(Tenant council, UUID reportId, boolean subjectToCallIn, Instant publishedAt,
            Instant callInEndsAt) {
        Optional<Published<ReportSnapshot>> report = store.latest(PublicationKind.REPORT, reportId, ReportSnapshot.class);
        Optional<Decision> recorded = decisions.latest(reportId);
        if (report.isEmpty() || recorded.isEmpty()) {
            return Optional.empty();
        }
        Decision decision = recorded.get();
        Meeting meeting = meetings.get(decision.meetingId());
        UUID id = decisionId(reportId, meeting.id());
        DecisionSnapshot snapshot = new DecisionSnapshot(id, reportId, meeting.id(), meeting.committeeId(),
                meeting.committeeName(), report.get().content().document().header().title(), decision.status(),
                decision.keyDecision(), subjectToCallIn, decision.resolutions(), decision.minutes(), decision.decidedOn(),
                meeting.startsAt(), publishedAt, subjectToCallIn ? callInEndsAt : null, null,
                report.get().content().appendices(), decision.structuredResolutions(), null, null,
                welshTitle(report.get().content().document()), meeting.committeeNameCy(), styles.current().style(),
                decision.minutesCy(), decision.resolutionsCy());
        Optional<Published<DecisionSnapshot>> before = store.latest(PublicationKind.DECISION, id, DecisionSnapshot.class);
        Published<DecisionSnapshot> page = new Published<>(snapshot, before.map(p -> p.version() + 1).orElse(1),
                before.map(Published::firstPublishedAt).orElse(publishedAt), publishedAt,
                before.map(Published::amendments).orElse(List.of()));
        Localizer l = Localizer.of(properties.locale());
        return Optional.of(Templates.render(
                new Pages.DecisionPage(new Frame(council, l), page, Pages.CallIn.of(snapshot, publishedAt, l))));
    }

    /**
     * The call-in timer fired (no person signed in): the published decision again, as it was, with the state the cycle
     * reached. Read from its publication, not from the staff services, which ask for a signed-in person.
     */
    @EventListener
    void decisionTookEffect(DecisionTookEffect event) {
        UUID id = decisionId(event.reportId(), event.meetingId());
        store.latest(PublicationKind.DECISION, id, DecisionSnapshot.class).ifPresent(published -> {
            DecisionSnapshot d = published.content();
            DecisionSnapshot effective = new DecisionSnapshot(d.decisionId(), d.reportId(), d.meetingId(), d.committeeId(),
                    d.decisionMaker(), d.reportTitle(), d.status(), d.keyDecision(), d.subjectToCallIn(), d.resolutions(),
                    d.minutes(), d.decidedOn(), d.meetingStartsAt(), d.publishedAt(), d.callInEndsAt(), d.calledInAt(),
                    d.appendices(), d.structuredResolutions(), event.effectiveAt(), d.imported(), d.reportTitleCy(),
                    d.decisionMakerCy(), d.style(), d.minutesCy(), d.resolutionsCy());
            store.publish(PublicationKind.DECISION, id, d.committeeId(), effective, event.effectiveAt(), by(),
                    "Took effect on " + Text.date(event.effectiveAt()) + ": the call-in period ended without a call-in");
        });
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
                decision.structuredResolutions(), decision.effectiveAt(), null,
                welshTitle(report.get().content().document()), meeting.committeeNameCy(), styles.current().style(),
                decision.minutesCy(), decision.resolutionsCy());
        store.publish(PublicationKind.DECISION, id, meeting.committeeId(), snapshot, at, by(), note);
        store.index("DECISION", id, "Decision: " + snapshot.reportTitle(),
                Text.label(snapshot.status()) + "\n" + snapshot.resolutionsText(), "/decisions/" + id, at);
        // in Welsh: the title, status and Welsh resolutions, where the council gave any Welsh (ADR 0023)
        Localizer welsh = Localizer.of(java.util.Locale.forLanguageTag("cy"));
        store.indexWelsh("DECISION", id, snapshot.reportTitleCy() == null && !snapshot.hasWelsh() ? null
                : welsh.t("decision.title", welsh.title(snapshot).text()),
                welsh.label(snapshot.status()) + "\n" + snapshot.resolutionsTextCy(), "/decisions/" + id, at);
        String itemPath = "/meetings/" + meetingId + "/items/" + report.get().content().position();
        if (snapshot.minutes() != null && !snapshot.minutes().isBlank()) {
            store.index("MINUTES", id, "Minutes: " + snapshot.reportTitle(), snapshot.minutes(), itemPath, at);
        }
        boolean minutesCy = snapshot.minutesCy() != null && !snapshot.minutesCy().isBlank();
        store.indexWelsh("MINUTES", id, minutesCy ? welsh.t("minutes.pdfHeading", welsh.title(snapshot).text()) : null,
                snapshot.minutesCy(), itemPath, at);
    }

    private static String welshTitle(ReportDocument document) {
        return document.welsh() == null || document.welsh().title() == null || document.welsh().title().isBlank() ? null
                : document.welsh().title();
    }

    /** A decision's public id: one per report and meeting. */
    static UUID decisionId(UUID reportId, UUID meetingId) {
        return UUID.nameUUIDFromBytes(("decision:" + reportId + ":" + meetingId).getBytes(StandardCharsets.UTF_8));
    }

    private static DocumentRef documentRef(int number, String title, StoredDocument document) {
        return new DocumentRef(number, title, document.id(), document.filename(), document.type().mediaType(),
                document.type().extension(), document.size(), document.sha256());
    }

    private String by() {
        return users.current().map(user -> user.username()).orElse("system");
    }
}
