package org.councilflow.publication.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.councilflow.publication.internal.Frame.Crumb;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Snapshots.JourneySnapshot;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.MinutesSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.publication.internal.Snapshots.SearchHit;

/**
 * The public pages, each rendered from publications only, through its template in {@code src/main/jte/publication/page}
 * (one record per page: what its template shows). Words come from the frame's {@link Localizer}.
 */
public final class Pages {

    private Pages() {
    }

    private static Crumb home(Frame frame) {
        return new Crumb(frame.t("nav.home"), "");
    }

    private static Crumb meetings(Frame frame) {
        return new Crumb(frame.t("nav.meetings"), "/meetings");
    }

    public record HomePage(Frame frame, List<Published<MeetingSnapshot>> meetings, List<Published<DecisionSnapshot>> decisions,
            List<Published<JourneySnapshot>> journeys) implements Templates.View {

        /** The five latest of each. */
        public HomePage {
            meetings = meetings.stream().limit(5).toList();
            decisions = decisions.stream().limit(5).toList();
        }

        @Override
        public String template() {
            return "page/home";
        }
    }

    public record MeetingsPage(Frame frame, List<Published<MeetingSnapshot>> meetings) implements Templates.View {

        /** Each committee with a published meeting, by its name in the page's language: its calendar and feeds. */
        public Map<String, UUID> committees() {
            Map<String, UUID> committees = new TreeMap<>(java.text.Collator.getInstance(frame.l().locale()));
            meetings.forEach(m -> committees.putIfAbsent(frame.l().committee(m.content()).text(), m.content().committeeId()));
            return committees;
        }

        public List<Crumb> crumbs() {
            return List.of(home(frame));
        }

        @Override
        public String template() {
            return "page/meetings";
        }
    }

    /**
     * @param reports the published reports of the agenda's items, by item number
     * @param minutes the meeting's published minutes, or null
     */
    public record MeetingPage(Frame frame, Published<MeetingSnapshot> meeting, Map<Integer, Published<ReportSnapshot>> reports,
            Published<MinutesSnapshot> minutes) implements Templates.View {

        public List<Crumb> crumbs() {
            return List.of(home(frame), meetings(frame));
        }

        @Override
        public String template() {
            return "page/meeting";
        }
    }

    /**
     * An agenda item that is not exempt: its report (a report from the cycle, or null), the decision on it and its
     * minutes once published.
     *
     * @param decision the published decision on the item, or null
     * @param minutes the meeting's published minutes, or null
     */
    public record ItemPage(Frame frame, MeetingSnapshot meeting, MeetingSnapshot.Item item, Published<ReportSnapshot> report,
            Published<DecisionSnapshot> decision, Published<MinutesSnapshot> minutes) implements Templates.View {

        /** The heading as published: the item's own, or (agendas published before items had one) its report's. */
        public String title() {
            return shownTitle().text();
        }

        /** The heading in this page's language where the council gave one, else the other's, marked (ADR 0017). */
        public Localizer.Shown shownTitle() {
            return item.title() != null || item.titleCy() != null ? frame.l().pick(item.title(), item.titleCy())
                    : frame.l().title(report.content().document());
        }

        /** The item's minutes, or null when none are published. */
        public MinutesSnapshot.Item minutesItem() {
            return minutes == null ? null : minutes.content().items().stream()
                    .filter(i -> i.itemId() != null && i.itemId().equals(item.itemId())).findFirst().orElse(null);
        }

        public List<Crumb> crumbs() {
            return List.of(home(frame), meetings(frame), new Crumb(frame.meetingName(meeting), "/meetings/" + meeting.meetingId()));
        }

        @Override
        public String template() {
            return "page/item";
        }
    }

    /** @param meeting the meeting it was published for, or null */
    public record ReportPage(Frame frame, Published<ReportSnapshot> report, MeetingSnapshot meeting) implements Templates.View {

        public List<Crumb> crumbs() {
            List<Crumb> crumbs = new ArrayList<>(List.of(home(frame), meetings(frame)));
            if (meeting != null) {
                crumbs.add(new Crumb(frame.meetingName(meeting), "/meetings/" + meeting.meetingId()));
            }
            return crumbs;
        }

        /** "Version 3, signed off 24/11/2026": which version of the report this is, as the PDF says too. */
        public String versionLine() {
            return Pages.versionLine(frame.l(), report.content());
        }

        @Override
        public String template() {
            return "page/report";
        }
    }

    static String versionLine(Localizer l, ReportSnapshot report) {
        return report.signedOffAt() == null ? l.t("report.version", report.reportVersion())
                : l.t("report.versionSignedOff", report.reportVersion(), l.numeric(report.signedOffAt()));
    }

    public record DecisionsPage(Frame frame, List<Published<DecisionSnapshot>> decisions) implements Templates.View {

        public List<Crumb> crumbs() {
            return List.of(home(frame));
        }

        @Override
        public String template() {
            return "page/decisions";
        }
    }

    /** The decision details page, with the fields of a council's published decision record. */
    public record DecisionPage(Frame frame, Published<DecisionSnapshot> decision, CallIn callIn) implements Templates.View {

        public List<Crumb> crumbs() {
            return List.of(home(frame), new Crumb(frame.t("nav.decisions"), "/decisions"));
        }

        @Override
        public String template() {
            return "page/decision";
        }
    }

    /** Where a decision stands in its call-in period, by the clock of the request. */
    public record CallIn(String text, Instant changesAt) {

        public static CallIn of(DecisionSnapshot d, Instant now, Localizer l) {
            if (d.calledInAt() != null) {
                return new CallIn(l.t("callIn.calledIn", l.numeric(d.calledInAt())), null);
            }
            if (!d.subjectToCallIn() || d.callInEndsAt() == null) {
                return new CallIn(l.t("callIn.notSubject"), null);
            }
            if (d.effectiveAt() == null) { // until the cycle's call-in timer fired
                return new CallIn(l.t("callIn.until", l.numeric(d.callInEndsAt()), l.time(d.callInEndsAt())), d.callInEndsAt());
            }
            return new CallIn(l.t("callIn.ended", l.numeric(d.callInEndsAt())), null);
        }
    }

    public record JourneysPage(Frame frame, List<Published<JourneySnapshot>> journeys) implements Templates.View {

        public List<Crumb> crumbs() {
            return List.of(home(frame));
        }

        @Override
        public String template() {
            return "page/journeys";
        }
    }

    public record JourneyPage(Frame frame, Published<JourneySnapshot> journey) implements Templates.View {

        public List<Crumb> crumbs() {
            return List.of(home(frame), new Crumb(frame.t("nav.journey"), "/improvement-journey"));
        }

        @Override
        public String template() {
            return "page/journey";
        }
    }

    public record SearchPage(Frame frame, String query, List<SearchHit> hits) implements Templates.View {

        public List<Crumb> crumbs() {
            return List.of(home(frame));
        }

        /** What a hit is, as a message key's last part: REPORT, DECISION, AGENDA_ITEM or MINUTES. */
        public String kind(SearchHit hit) {
            return switch (hit.kind()) {
                case "REPORT", "DECISION", "AGENDA_ITEM" -> hit.kind();
                default -> "MINUTES";
            };
        }

        @Override
        public String template() {
            return "page/search";
        }
    }

    public record OpenDataPage(Frame frame) implements Templates.View {

        /** The fields of a decision in the JSON and CSV, each explained by its {@code field.*} message. */
        public static final List<String> FIELDS = List.of("id", "url", "title", "decisionMaker", "committeeId", "status",
                "keyDecision", "subjectToCallIn", "callInState", "callInEndsAt", "calledInAt", "dateOfDecision",
                "publishedAt", "meetingId", "reportUrl", "resolutions", "minutes", "amendments", "titleCy", "resolvedCy",
                "resolutionsCy", "minutesCy");

        public List<String> fields() {
            return FIELDS;
        }

        public List<Crumb> crumbs() {
            return List.of(home(frame));
        }

        @Override
        public String template() {
            return "page/openData";
        }
    }

    public record NotFoundPage(Frame frame) implements Templates.View {

        @Override
        public String template() {
            return "page/notFound";
        }
    }

    /** The rate limit's refusal (429); {@code frame}'s council is null, as the limit applies before one is known. */
    public record TooManyRequestsPage(Frame frame, long retryAfterSeconds) implements Templates.View {

        @Override
        public String template() {
            return "page/tooManyRequests";
        }
    }

    // ---------------------------------------------------------------- pieces

    /** Escapes a snippet, then turns the store's match marks (which no published text can contain) into mark elements. */
    static String highlight(String snippet) {
        return Templates.render("part/snippet", snippet);
    }

    /** The meeting's name in English (the feeds' wording); pages use {@link Frame#meetingName}. */
    public static String meetingName(MeetingSnapshot m) {
        return m.committeeName() + ", " + Text.date(m.startsAt());
    }

    public static String appendixPath(UUID reportId, DocumentRef appendix) {
        return "/reports/" + reportId + "/appendices/" + appendix.number();
    }
}
