package org.councilflow.publication.internal;

import static org.councilflow.publication.internal.Html.esc;
import static org.councilflow.publication.internal.Html.href;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.councilflow.publication.internal.Html.Crumb;
import org.councilflow.publication.internal.Snapshots.Amendment;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Snapshots.JourneySnapshot;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.publication.internal.Snapshots.SearchHit;
import org.councilflow.reports.Markdown;
import org.councilflow.reports.ReportDocument;
import org.councilflow.tenancy.Tenant;

/** The public pages, each rendered from publications only. */
public final class Pages {

    private Pages() {
    }

    // ---------------------------------------------------------------- home

    public static String home(Tenant council, List<Published<MeetingSnapshot>> meetings,
            List<Published<DecisionSnapshot>> decisions, List<Published<JourneySnapshot>> journeys) {
        StringBuilder main = new StringBuilder("<h1>").append(esc(council.displayName())).append("</h1>")
                .append("<p>The council's committee meetings, their agendas and reports, the decisions taken, and the"
                        + " journey of its improvement plans, as published.</p>")
                .append(searchForm(council, ""));
        main.append("<h2>Latest decisions</h2>");
        if (decisions.isEmpty()) {
            main.append("<p>No decisions have been published yet.</p>");
        } else {
            main.append("<ul>");
            decisions.stream().limit(5).forEach(d -> main.append("<li><a dir=\"auto\" href=\"")
                    .append(href(council, "/decisions/" + d.content().decisionId())).append("\">")
                    .append(esc(d.content().reportTitle())).append("</a> (").append(esc(d.content().decisionMaker()))
                    .append(", ").append(Text.date(d.content().decidedOn())).append(")</li>"));
            main.append("</ul><p><a href=\"").append(href(council, "/decisions")).append("\">All decisions</a></p>");
        }
        main.append("<h2>Meetings</h2>");
        if (meetings.isEmpty()) {
            main.append("<p>No agendas have been published yet.</p>");
        } else {
            main.append("<ul>");
            meetings.stream().limit(5).forEach(m -> main.append("<li><a href=\"")
                    .append(href(council, "/meetings/" + m.content().meetingId())).append("\">")
                    .append(esc(meetingName(m.content()))).append("</a></li>"));
            main.append("</ul><p><a href=\"").append(href(council, "/meetings")).append("\">All meetings</a></p>");
        }
        main.append("<h2>Improvement journey</h2>");
        if (journeys.isEmpty()) {
            main.append("<p>No improvement journey has been published yet.</p>");
        } else {
            main.append("<ul>");
            journeys.forEach(j -> main.append("<li><a href=\"")
                    .append(href(council, "/improvement-journey/" + j.content().planId())).append("\">")
                    .append(esc(j.content().title())).append("</a></li>"));
            main.append("</ul>");
        }
        return Html.page(council, "Committee papers and decisions", List.of(), null, main.toString());
    }

    // ---------------------------------------------------------------- meetings

    public static String meetings(Tenant council, List<Published<MeetingSnapshot>> meetings) {
        StringBuilder main = new StringBuilder("<h1>Meetings</h1>");
        if (meetings.isEmpty()) {
            main.append("<p>No agendas have been published yet.</p>");
        } else {
            main.append("<table><caption>Meetings with a published agenda, latest first</caption><thead><tr>")
                    .append("<th scope=\"col\">Date</th><th scope=\"col\">Committee</th><th scope=\"col\">Venue</th>")
                    .append("</tr></thead><tbody>");
            for (Published<MeetingSnapshot> published : meetings) {
                MeetingSnapshot m = published.content();
                main.append("<tr><td><a href=\"").append(href(council, "/meetings/" + m.meetingId())).append("\">")
                        .append(time(m.startsAt(), Text.date(m.startsAt()) + ", " + Text.time(m.startsAt())))
                        .append("</a></td><td>").append(esc(m.committeeName())).append("</td><td dir=\"auto\">")
                        .append(esc(m.venue())).append("</td></tr>");
            }
            main.append("</tbody></table>");
        }
        main.append("<h2>Follow meetings</h2><ul>")
                .append("<li><a href=\"").append(href(council, "/meetings.ics")).append("\">All meetings as a calendar (iCalendar)</a></li>")
                .append("<li><a href=\"").append(href(council, "/meetings.atom")).append("\">All meetings as a feed (Atom)</a></li>");
        Map<String, UUID> committees = new TreeMap<>();
        meetings.forEach(m -> committees.put(m.content().committeeName(), m.content().committeeId()));
        committees.forEach((name, id) -> main.append("<li>").append(esc(name)).append(": <a href=\"")
                .append(href(council, "/committees/" + id + "/meetings.ics")).append("\">calendar</a>, <a href=\"")
                .append(href(council, "/committees/" + id + "/meetings.atom")).append("\">meetings feed</a>, <a href=\"")
                .append(href(council, "/committees/" + id + "/decisions.atom")).append("\">decisions feed</a></li>"));
        main.append("</ul>");
        return Html.page(council, "Meetings", List.of(new Crumb("Home", "")), null, main.toString());
    }

    public static String meeting(Tenant council, Published<MeetingSnapshot> published,
            Map<Integer, Published<ReportSnapshot>> reports) {
        MeetingSnapshot m = published.content();
        StringBuilder main = new StringBuilder("<h1><span class=\"caption\">Meeting</span>").append(esc(meetingName(m)))
                .append("</h1><dl class=\"fields\">")
                .append(field("Committee", esc(m.committeeName())))
                .append(field("Date", time(m.startsAt(), Text.day(m.startsAt()))))
                .append(field("Time", Text.time(m.startsAt())))
                .append(field("Venue", "<span dir=\"auto\">" + esc(m.venue()) + "</span>"))
                .append(field("Agenda published", time(published.firstPublishedAt(), Text.date(published.firstPublishedAt()))))
                .append("</dl>").append(amendments(published.amendments(), "The agenda"))
                .append("<p><a href=\"").append(href(council, "/meetings/" + m.meetingId() + "/agenda-pack.pdf"))
                .append("\">Agenda pack (PDF, tagged for assistive technology)</a></p>")
                .append("<h2>Agenda</h2>");
        if (m.items().isEmpty()) {
            main.append("<p>The agenda has no items.</p>");
        }
        for (MeetingSnapshot.Item item : m.items()) {
            main.append("<section aria-labelledby=\"item-").append(item.position()).append("\"><h3 id=\"item-")
                    .append(item.position()).append("\">");
            Published<ReportSnapshot> report = reports.get(item.position());
            if (item.exempt() || report == null) {
                main.append("Item ").append(item.position()).append(": exempt item</h3><p>This item is not for"
                        + " publication: it contains exempt information (Local Government Act 1972, Schedule 12A).</p></section>");
                continue;
            }
            ReportDocument document = report.content().document();
            main.append("<a dir=\"auto\" href=\"").append(href(council, "/meetings/" + m.meetingId() + "/items/" + item.position()))
                    .append("\">Item ").append(item.position()).append(": ").append(esc(document.header().title()))
                    .append("</a></h3>").append(documents(council, report.content(), "Documents for item " + item.position()))
                    .append("</section>");
        }
        return Html.page(council, meetingName(m), List.of(new Crumb("Home", ""), new Crumb("Meetings", "/meetings")),
                null, main.toString());
    }

    public static String agendaItem(Tenant council, MeetingSnapshot m, int position, Published<ReportSnapshot> report,
            Optional<Published<DecisionSnapshot>> decision) {
        ReportDocument document = report.content().document();
        StringBuilder main = new StringBuilder("<h1 dir=\"auto\"><span class=\"caption\">Agenda item ").append(position)
                .append(", ").append(esc(meetingName(m))).append("</span>").append(esc(document.header().title()))
                .append("</h1><p>Meeting: <a href=\"").append(href(council, "/meetings/" + m.meetingId())).append("\">")
                .append(esc(meetingName(m))).append("</a></p>")
                .append("<h2>Purpose</h2>").append(markdownOrNone(document.summary()))
                .append("<h2>Recommendations</h2>").append(recommendations(document));
        if (decision.isPresent()) {
            DecisionSnapshot d = decision.get().content();
            main.append("<h2>Decision</h2><p><span class=\"state\">").append(esc(Text.label(d.status())))
                    .append("</span>. <a href=\"").append(href(council, "/decisions/" + d.decisionId()))
                    .append("\">Decision details</a></p>")
                    .append("<h2>Minutes</h2>").append(d.minutes() == null || d.minutes().isBlank()
                            ? "<p>No minutes were recorded for this item.</p>" : Html.paragraphs(d.minutes()))
                    .append("<h2>Resolutions</h2>").append(resolutions(d.resolutions()));
        } else {
            main.append("<h2>Decision</h2><p>No decision on this item has been published yet.</p>");
        }
        main.append("<h2>Supporting documents</h2>").append(documents(council, report.content(), "Supporting documents"));
        return Html.page(council, "Item " + position + ": " + document.header().title(), List.of(new Crumb("Home", ""),
                new Crumb("Meetings", "/meetings"), new Crumb(meetingName(m), "/meetings/" + m.meetingId())), null,
                main.toString());
    }

    // ---------------------------------------------------------------- reports

    public static String report(Tenant council, Published<ReportSnapshot> published, Optional<MeetingSnapshot> meeting) {
        ReportSnapshot r = published.content();
        String title = r.document().header().title();
        StringBuilder main = new StringBuilder("<article>")
                .append("<h1 dir=\"auto\"><span class=\"caption\">Report</span>").append(esc(title)).append("</h1>")
                .append("<p>Published ").append(time(published.firstPublishedAt(), Text.date(published.firstPublishedAt())));
        meeting.ifPresent(m -> main.append(" for the <a href=\"").append(href(council, "/meetings/" + m.meetingId()))
                .append("\">meeting of ").append(esc(meetingName(m))).append("</a>"));
        main.append(". <a href=\"").append(href(council, "/reports/" + r.reportId() + "/report.pdf"))
                .append("\">Download this report as a PDF</a>.</p>")
                .append("<p id=\"report-version\">").append(esc(r.versionLine())).append("</p>")
                .append(amendments(published.amendments(), "This report's publication"))
                .append(reportBody(r, 2)).append("<h2>Appendices</h2>")
                .append(documents(council, r, "Appendices", false)).append("</article>");
        List<Crumb> crumbs = new ArrayList<>(List.of(new Crumb("Home", ""), new Crumb("Meetings", "/meetings")));
        meeting.ifPresent(m -> crumbs.add(new Crumb(meetingName(m), "/meetings/" + m.meetingId())));
        return Html.page(council, title, crumbs, null, main.toString());
    }

    /**
     * The report in the council template: header table, summary, recommendations, numbered sections. Used by the page
     * and by the PDF, so both say the same. {@code level} is the heading level of its parts.
     */
    public static String reportBody(ReportSnapshot r, int level) {
        ReportDocument document = r.document();
        ReportDocument.Header header = document.header();
        String h = "h" + level;
        String hh = "h" + (level + 1);
        StringBuilder html = new StringBuilder("<table class=\"report-header\"><caption>About this report</caption><tbody>");
        row(html, "Committee", header.committee());
        row(html, "Date", header.meetingDate() == null ? null : Text.date(header.meetingDate()));
        row(html, "Title", header.title());
        row(html, "Report of", header.reportOf());
        row(html, "Wards", header.wards());
        row(html, "Status", "Public");
        row(html, "Urgent", Text.yesNo(header.urgent()));
        row(html, "Key", Text.yesNo(header.keyDecision()));
        row(html, "Enclosures", header.enclosures());
        row(html, "Officer contact details", header.officerContact());
        html.append("</tbody></table>");
        html.append("<").append(h).append(" id=\"summary\">Summary</").append(h).append(">").append(markdownOrNone(document.summary()));
        html.append("<").append(h).append(" id=\"recommendations\">Recommendations</").append(h).append(">").append(recommendations(document));
        int n = 0;
        for (ReportDocument.Section section : document.sections()) {
            n++;
            String heading = ((section.number() == null ? "" : section.number() + " ")
                    + (section.heading() == null ? "" : section.heading())).strip();
            html.append("<section><").append(h).append(" id=\"section-").append(n).append("\" dir=\"auto\">")
                    .append(esc(heading.isEmpty() ? "Section " + n : heading)).append("</").append(h).append(">");
            for (ReportDocument.Block block : section.blocks()) {
                String number = block.number() == null ? "" : "<span class=\"number\">" + esc(block.number()) + "</span>";
                if (block.kind() == ReportDocument.Kind.HEADING) {
                    html.append("<").append(hh).append(" dir=\"auto\">").append(number).append(esc(block.markdown()))
                            .append("</").append(hh).append(">");
                } else {
                    String text = markdown(block.markdown());
                    // the paragraph's number starts its first line, as in the printed template
                    html.append("<div class=\"paragraph\">").append(text.startsWith("<p dir=\"auto\">") && !number.isEmpty()
                            ? "<p dir=\"auto\">" + number + text.substring("<p dir=\"auto\">".length())
                            : number + text).append("</div>");
                }
            }
            html.append("</section>");
        }
        return html.toString();
    }

    // ---------------------------------------------------------------- decisions

    public static String decisions(Tenant council, List<Published<DecisionSnapshot>> decisions) {
        StringBuilder main = new StringBuilder("<h1>Decisions</h1>");
        if (decisions.isEmpty()) {
            main.append("<p>No decisions have been published yet.</p>");
        } else {
            main.append("<table><caption>Published decisions, most recently published first</caption><thead><tr>")
                    .append("<th scope=\"col\">Decision</th><th scope=\"col\">Decision maker</th>")
                    .append("<th scope=\"col\">Date of decision</th><th scope=\"col\">Status</th></tr></thead><tbody>");
            for (Published<DecisionSnapshot> published : decisions) {
                DecisionSnapshot d = published.content();
                main.append("<tr><td dir=\"auto\"><a href=\"").append(href(council, "/decisions/" + d.decisionId())).append("\">")
                        .append(esc(d.reportTitle())).append("</a></td><td>").append(esc(d.decisionMaker())).append("</td><td>")
                        .append(time(d.decidedOn(), Text.numeric(d.decidedOn()))).append("</td><td>")
                        .append(esc(Text.label(d.status()))).append("</td></tr>");
            }
            main.append("</tbody></table>");
        }
        main.append("<p><a href=\"").append(href(council, "/decisions.atom")).append("\">Decisions feed (Atom)</a> · <a href=\"")
                .append(href(council, "/decisions.json")).append("\">open data (JSON)</a> · <a href=\"")
                .append(href(council, "/decisions.csv")).append("\">open data (CSV)</a></p>");
        return Html.page(council, "Decisions", List.of(new Crumb("Home", "")), null, main.toString());
    }

    /** The decision details page, with the fields of a council's published decision record. */
    public static String decision(Tenant council, Published<DecisionSnapshot> published, CallIn callIn) {
        DecisionSnapshot d = published.content();
        StringBuilder main = new StringBuilder("<h1 dir=\"auto\"><span class=\"caption\">Decision details</span>")
                .append(esc(d.reportTitle())).append("</h1>")
                .append(amendments(published.amendments(), "This decision"))
                .append("<dl class=\"fields\" id=\"summary-fields\">")
                .append(field("Decision Maker", esc(d.decisionMaker())))
                .append(field("Decision status", esc(Text.label(d.status()))))
                .append(field("Is Key decision?", Text.yesNo(d.keyDecision())))
                .append(field("Is subject to call in?", Text.yesNo(d.subjectToCallIn())))
                .append(field("Call-in", "<span class=\"state\" id=\"call-in-state\">" + esc(callIn.text()) + "</span>"))
                .append("</dl><section id=\"decisions\" aria-labelledby=\"decisions-heading\"><h2 id=\"decisions-heading\">Decisions</h2>")
                .append("<div id=\"minutes\">").append(Html.paragraphs(d.minutes())).append("</div>")
                .append(resolutions(d.resolutions())).append("</section>")
                .append("<dl class=\"fields\" id=\"dates\">")
                .append(field("Publication date", time(d.publishedAt(), Text.numeric(d.publishedAt()))))
                .append(field("Date of decision", time(d.decidedOn(), Text.numeric(d.decidedOn()))))
                .append(field("Decided at meeting", "<a href=\"" + href(council, "/meetings/" + d.meetingId()) + "\">"
                        + Text.numeric(d.meetingStartsAt()) + " - " + esc(d.decisionMaker()) + "</a>"))
                .append("</dl><h2>Accompanying Documents</h2><ul id=\"accompanying-documents\">")
                .append("<li><a dir=\"auto\" href=\"").append(href(council, "/reports/" + d.reportId())).append("\">")
                .append(esc(d.reportTitle())).append("</a> (report, HTML; <a href=\"")
                .append(href(council, "/reports/" + d.reportId() + "/report.pdf")).append("\">PDF</a>)</li>");
        for (DocumentRef appendix : d.appendices()) {
            main.append("<li><a dir=\"auto\" href=\"").append(href(council, appendixPath(d.reportId(), appendix))).append("\">")
                    .append("Appendix ").append(appendix.number()).append(": ").append(esc(appendix.title())).append("</a> (")
                    .append(esc(appendix.extension().toUpperCase())).append(", ").append(Text.size(appendix.size())).append(")</li>");
        }
        main.append("</ul>");
        return Html.page(council, "Decision: " + d.reportTitle(), List.of(new Crumb("Home", ""),
                new Crumb("Decisions", "/decisions")), null, main.toString());
    }

    /** Where a decision stands in its call-in period, by the clock of the request. */
    public record CallIn(String text, Instant changesAt) {

        public static CallIn of(DecisionSnapshot d, Instant now) {
            if (d.calledInAt() != null) {
                return new CallIn("Called in on " + Text.numeric(d.calledInAt())
                        + ": the decision does not take effect until scrutiny has considered it", null);
            }
            if (!d.subjectToCallIn() || d.callInEndsAt() == null) {
                return new CallIn("Effective: not subject to call-in", null);
            }
            if (d.effectiveAt() == null) { // until the cycle's call-in timer fired
                return new CallIn("In call-in period until " + Text.numeric(d.callInEndsAt()) + " " + Text.time(d.callInEndsAt()),
                        d.callInEndsAt());
            }
            return new CallIn("Effective: the call-in period ended on " + Text.numeric(d.callInEndsAt())
                    + " without a call-in", null);
        }
    }

    // ---------------------------------------------------------------- improvement journey

    public static String journeys(Tenant council, List<Published<JourneySnapshot>> journeys) {
        StringBuilder main = new StringBuilder("<h1>Improvement journey</h1>");
        if (journeys.isEmpty()) {
            main.append("<p>No improvement journey has been published yet.</p>");
        } else {
            main.append("<ul>");
            journeys.forEach(j -> main.append("<li><a dir=\"auto\" href=\"")
                    .append(href(council, "/improvement-journey/" + j.content().planId())).append("\">")
                    .append(esc(j.content().title())).append("</a></li>"));
            main.append("</ul>");
        }
        return Html.page(council, "Improvement journey", List.of(new Crumb("Home", "")), null, main.toString());
    }

    public static String journey(Tenant council, Published<JourneySnapshot> published) {
        JourneySnapshot j = published.content();
        StringBuilder main = new StringBuilder("<h1 dir=\"auto\"><span class=\"caption\">Our improvement journey</span>")
                .append(esc(j.title())).append("</h1>");
        if (j.originInspection() != null) {
            main.append("<p dir=\"auto\">").append(esc(j.serviceArea())).append(" were judged ")
                    .append(esc(j.originJudgement() == null ? "" : "\u201c" + j.originJudgement() + "\u201d "))
                    .append("by the ").append(esc(j.originInspection()));
            if (j.originDate() != null) {
                main.append(" in ").append(time(j.originDate(), Text.date(j.originDate())));
            }
            main.append(".");
            if (j.targetJudgement() != null) {
                main.append(" The plan aims for \u201c").append(esc(j.targetJudgement())).append("\u201d.");
            }
            main.append("</p>");
        }
        main.append("<p>Last updated ").append(time(published.publishedAt(), Text.date(published.publishedAt())))
                .append(".</p><ol class=\"timeline\">");
        for (JourneySnapshot.Step step : j.steps()) {
            main.append("<li><h2 dir=\"auto\">").append(time(step.startDate(), Text.date(step.startDate())));
            if (step.endDate() != null && !step.endDate().equals(step.startDate())) {
                main.append(" to ").append(time(step.endDate(), Text.date(step.endDate())));
            }
            main.append(": ").append(esc(step.title())).append("</h2><p>").append(esc(Text.label(step.type())));
            if (step.judgement() != null && !step.judgement().isBlank()) {
                main.append(". Judgement: ").append(esc(step.judgement()));
            }
            main.append("</p>");
            if (step.focus() != null && !step.focus().isBlank()) {
                main.append("<p dir=\"auto\"><strong>Focus:</strong> ").append(esc(step.focus())).append("</p>");
            }
            main.append(Html.paragraphs(step.summary()));
            if (step.letter() != null) {
                main.append("<p><a href=\"").append(href(council, "/improvement-journey/" + j.planId() + "/letters/" + step.eventId()))
                        .append("\">The full findings: ").append(esc(step.title())).append("</a> (")
                        .append(esc(step.letter().extension().toUpperCase())).append(", ").append(Text.size(step.letter().size()))
                        .append(")</p>");
            }
            main.append("</li>");
        }
        main.append("</ol>");
        return Html.page(council, j.title() + ": our improvement journey", List.of(new Crumb("Home", ""),
                new Crumb("Improvement journey", "/improvement-journey")), null, main.toString());
    }

    // ---------------------------------------------------------------- search

    public static String search(Tenant council, String query, List<SearchHit> hits) {
        StringBuilder main = new StringBuilder("<h1>Search</h1>").append(searchForm(council, query));
        if (query != null && !query.isBlank()) {
            main.append("<h2 id=\"results\">").append(hits.size()).append(hits.size() == 1 ? " result" : " results")
                    .append(" for \u201c<span dir=\"auto\">").append(esc(query)).append("</span>\u201d</h2>");
            if (!hits.isEmpty()) {
                main.append("<ol class=\"results\">");
                for (SearchHit hit : hits) {
                    main.append("<li><p><a dir=\"auto\" href=\"").append(esc(href(council, hit.path()))).append("\">")
                            .append(esc(hit.title())).append("</a><br><span class=\"caption\">")
                            .append(switch (hit.kind()) {
                                case "REPORT" -> "Report";
                                case "DECISION" -> "Decision";
                                default -> "Minutes";
                            }).append(", published ").append(Text.date(hit.publishedAt())).append("</span></p>")
                            .append("<p dir=\"auto\">").append(highlight(hit.snippet())).append("</p></li>");
                }
                main.append("</ol>");
            }
        }
        return Html.page(council, query == null || query.isBlank() ? "Search" : "Search: " + query,
                List.of(new Crumb("Home", "")), null, main.toString());
    }

    /** Escapes a snippet, then turns the store's match marks (which no published text can contain) into mark elements. */
    static String highlight(String snippet) {
        return esc(snippet).replace(PublicationStore.MARK_START, "<mark>").replace(PublicationStore.MARK_END, "</mark>");
    }

    private static String searchForm(Tenant council, String query) {
        return "<form class=\"search\" role=\"search\" method=\"get\" action=\"" + href(council, "/search") + "\">"
                + "<label for=\"q\">Search reports, minutes and decisions</label>"
                + "<input type=\"search\" id=\"q\" name=\"q\" maxlength=\"200\" value=\"" + esc(query) + "\">"
                + "<button type=\"submit\">Search</button></form>";
    }

    // ---------------------------------------------------------------- open data

    public static String openData(Tenant council) {
        String main = "<h1>Open data, feeds and calendars</h1>"
                + "<p>Everything on these pages is also published in machine-readable form, free to reuse.</p>"
                + "<h2>Decisions</h2><ul>"
                + "<li><a href=\"" + href(council, "/decisions.json") + "\">Decisions as JSON</a>, described by its"
                + " <a href=\"" + href(council, "/open-data/decisions.schema.json") + "\">JSON Schema</a></li>"
                + "<li><a href=\"" + href(council, "/decisions.csv") + "\">Decisions as CSV</a> (UTF-8, one row per"
                + " decision, the same fields; resolutions separated by line breaks within their cell)</li>"
                + "<li><a href=\"" + href(council, "/decisions.atom") + "\">Decisions feed (Atom)</a></li></ul>"
                + "<h2>Meetings</h2><ul>"
                + "<li><a href=\"" + href(council, "/meetings.ics") + "\">Meetings calendar (iCalendar)</a></li>"
                + "<li><a href=\"" + href(council, "/meetings.atom") + "\">Meetings feed (Atom)</a></li></ul>"
                + "<p>Feeds and calendars for each committee are listed on the <a href=\"" + href(council, "/meetings")
                + "\">meetings page</a>.</p>"
                + "<h2>Fields of a decision</h2><table><caption>Decision fields in JSON and CSV</caption><thead><tr>"
                + "<th scope=\"col\">Field</th><th scope=\"col\">Meaning</th></tr></thead><tbody>"
                + fieldRow("id", "The decision's identifier (stable)")
                + fieldRow("url", "Its decision details page")
                + fieldRow("title", "The title of the report decided on")
                + fieldRow("decisionMaker", "The committee that decided")
                + fieldRow("committeeId", "The committee's identifier")
                + fieldRow("status", "Recommendations Approved, Approved as amended, Not approved or Noted")
                + fieldRow("keyDecision", "Whether it is a key decision")
                + fieldRow("subjectToCallIn", "Whether it could be called in")
                + fieldRow("callInState", "in-call-in-period, called-in or effective, when the data was produced")
                + fieldRow("callInEndsAt", "When the call-in period ends (if subject to call-in)")
                + fieldRow("calledInAt", "When it was called in, if it was")
                + fieldRow("dateOfDecision", "The date of the decision")
                + fieldRow("publishedAt", "When the decision was published")
                + fieldRow("meetingId", "The meeting it was decided at; meetingStartsAt its start")
                + fieldRow("reportUrl", "The report decided on")
                + fieldRow("resolutions", "The resolutions, in order")
                + fieldRow("minutes", "The minutes of the item")
                + fieldRow("amendments", "Each amendment of the published decision: its date and what changed")
                + "</tbody></table>";
        return Html.page(council, "Open data", List.of(new Crumb("Home", "")), null, main);
    }

    private static String fieldRow(String name, String meaning) {
        return "<tr><td><code>" + name + "</code></td><td>" + meaning + "</td></tr>";
    }

    // ---------------------------------------------------------------- pieces

    public static String meetingName(MeetingSnapshot m) {
        return m.committeeName() + ", " + Text.date(m.startsAt());
    }

    public static String appendixPath(UUID reportId, DocumentRef appendix) {
        return "/reports/" + reportId + "/appendices/" + appendix.number();
    }

    private static String documents(Tenant council, ReportSnapshot r, String caption) {
        return documents(council, r, caption, true);
    }

    private static String documents(Tenant council, ReportSnapshot r, String caption, boolean withReport) {
        if (!withReport && r.appendices().isEmpty()) {
            return "<p>This report has no appendices.</p>";
        }
        StringBuilder html = new StringBuilder("<table class=\"docs\"><caption>").append(esc(caption)).append("</caption><thead><tr>")
                .append("<th scope=\"col\">Document</th><th scope=\"col\">Type</th><th scope=\"col\">Size</th></tr></thead><tbody>");
        if (withReport) {
            html.append("<tr><td dir=\"auto\"><a href=\"").append(href(council, "/reports/" + r.reportId())).append("\">Report: ")
                    .append(esc(r.document().header().title())).append("</a></td><td>Web page (HTML)</td><td></td></tr>")
                    .append("<tr><td dir=\"auto\"><a href=\"").append(href(council, "/reports/" + r.reportId() + "/report.pdf"))
                    .append("\">Report (PDF): ").append(esc(r.document().header().title()))
                    .append("</a></td><td>PDF</td><td></td></tr>");
        }
        for (DocumentRef appendix : r.appendices()) {
            html.append("<tr><td dir=\"auto\"><a href=\"").append(href(council, appendixPath(r.reportId(), appendix))).append("\">")
                    .append("Appendix ").append(appendix.number()).append(": ").append(esc(appendix.title()))
                    .append("</a></td><td>").append(esc(typeName(appendix.extension()))).append("</td><td>")
                    .append(Text.size(appendix.size())).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    static String typeName(String extension) {
        return switch (extension) {
            case "pdf" -> "PDF";
            case "docx" -> "Word document";
            case "xlsx" -> "Excel spreadsheet";
            default -> extension;
        };
    }

    private static String recommendations(ReportDocument document) {
        if (document.recommendations().isEmpty()) {
            return "<p>None.</p>";
        }
        StringBuilder html = new StringBuilder("<ol class=\"recommendations\">");
        document.recommendations().forEach(r -> html.append("<li dir=\"auto\">").append(markdown(r)).append("</li>"));
        return html.append("</ol>").toString();
    }

    private static String resolutions(List<String> resolutions) {
        if (resolutions.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ol class=\"resolutions\" id=\"resolutions\">");
        resolutions.forEach(r -> html.append("<li dir=\"auto\">").append(esc(r)).append("</li>"));
        return html.append("</ol>").toString();
    }

    private static String amendments(List<Amendment> amendments, String what) {
        if (amendments.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"notice\" id=\"amendments\"><p>").append(esc(what))
                .append(" has been amended since it was first published:</p><ul>");
        for (Amendment amendment : amendments) {
            html.append("<li>Amended on ").append(time(amendment.publishedAt(), Text.date(amendment.publishedAt())))
                    .append(amendment.note() == null ? "" : ": " + esc(amendment.note())).append("</li>");
        }
        return html.append("</ul></div>").toString();
    }

    /**
     * Report text as safe HTML (the reports feature's allow-list), each block's direction taken from its own text, so
     * that a right-to-left paragraph reads right to left among left-to-right ones.
     */
    static String markdown(String text) {
        String html = Markdown.toSafeHtml(text);
        if (html.isEmpty()) {
            return html;
        }
        org.jsoup.nodes.Document fragment = org.jsoup.Jsoup.parseBodyFragment(html);
        fragment.outputSettings().prettyPrint(false);
        fragment.body().select("p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote").attr("dir", "auto");
        return fragment.body().html();
    }

    private static String markdownOrNone(String markdown) {
        return markdown == null || markdown.isBlank() ? "<p>None given.</p>" : "<div>" + markdown(markdown) + "</div>";
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th scope=\"row\">").append(label).append("</th><td dir=\"auto\">").append(esc(value == null ? "" : value))
                .append("</td></tr>");
    }

    private static String field(String label, String valueHtml) {
        return "<dt>" + esc(label) + "</dt><dd>" + valueHtml + "</dd>";
    }

    private static String time(Instant instant, String text) {
        return "<time datetime=\"" + instant + "\">" + esc(text) + "</time>";
    }

    private static String time(LocalDate day, String text) {
        return "<time datetime=\"" + day + "\">" + esc(text) + "</time>";
    }
}
