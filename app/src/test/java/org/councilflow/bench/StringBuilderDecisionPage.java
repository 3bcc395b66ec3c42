package org.councilflow.bench;

import java.time.Instant;
import java.time.LocalDate;

import org.councilflow.publication.internal.Html;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Text;
import org.councilflow.tenancy.Tenant;
import org.springframework.web.util.HtmlUtils;

/**
 * The baseline of {@link TemplateRenderingBenchmark}: the decision page as it was rendered before the templates
 * (commit ce0e1d3, {@code Html.page} and {@code Pages.decision}), with {@code StringBuilder} and the same escaping.
 * Kept here, in test code, only to measure against; it is not used by the application.
 */
final class StringBuilderDecisionPage {

    private StringBuilderDecisionPage() {
    }

    static String render(Tenant council, DecisionSnapshot d, String callIn, String date, String published, String meeting) {
        StringBuilder main = new StringBuilder("<h1 dir=\"auto\"><span class=\"caption\">Decision details</span>")
                .append(esc(d.reportTitle())).append("</h1>")
                .append("<dl class=\"fields\" id=\"summary-fields\">")
                .append(field("Decision Maker", esc(d.decisionMaker())))
                .append(field("Decision status", esc("Recommendations Approved")))
                .append(field("Is Key decision?", d.keyDecision() ? "Yes" : "No"))
                .append(field("Is subject to call in?", d.subjectToCallIn() ? "Yes" : "No"))
                .append(field("Call-in", "<span class=\"state\" id=\"call-in-state\">" + esc(callIn) + "</span>"))
                .append("</dl><section id=\"decisions\" aria-labelledby=\"decisions-heading\"><h2 id=\"decisions-heading\">Decisions</h2>")
                .append("<div id=\"minutes\">").append(paragraphs(d.minutes())).append("</div>");
        // the council's style since issue 17: "RESOLVED –" and numbered resolutions, as the template now writes them
        main.append("<p class=\"resolved\">RESOLVED –</p><ol class=\"resolutions\" id=\"resolutions\">");
        for (int i = 0; i < d.resolutions().size(); i++) {
            main.append("<li dir=\"auto\"><span class=\"number\">").append(i + 1).append(".</span> ")
                    .append(esc(d.resolutions().get(i))).append("</li>");
        }
        main.append("</ol></section>")
                .append("<dl class=\"fields\" id=\"dates\">")
                .append(field("Publication date", time(d.publishedAt(), published)))
                .append(field("Date of decision", time(d.decidedOn(), date)))
                .append(field("Decided at meeting", "<a href=\"" + Html.href(council, "/meetings/" + d.meetingId()) + "\">"
                        + meeting + " - " + esc(d.decisionMaker()) + "</a>"))
                .append("</dl><h2>Accompanying Documents</h2><ul id=\"accompanying-documents\">")
                .append("<li><a dir=\"auto\" href=\"").append(Html.href(council, "/reports/" + d.reportId())).append("\">")
                .append(esc(d.reportTitle())).append("</a> (report, HTML; <a href=\"")
                .append(Html.href(council, "/reports/" + d.reportId() + "/report.pdf")).append("\">PDF</a>)</li>");
        for (DocumentRef appendix : d.appendices()) {
            main.append("<li><a dir=\"auto\" href=\"").append(Html.href(council, "/reports/" + d.reportId() + "/appendices/"
                    + appendix.number())).append("\">").append("Appendix ").append(appendix.number()).append(": ")
                    .append(esc(appendix.title())).append("</a> (").append(esc(appendix.extension().toUpperCase()))
                    .append(", ").append(Math.max(1, Math.round(appendix.size() / 1024.0))).append(" KB)</li>");
        }
        main.append("</ul>");
        return page(council, "Decision: " + d.reportTitle(), main.toString());
    }

    private static String page(Tenant council, String title, String main) {
        StringBuilder html = new StringBuilder(main.length() + 6000);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" – ").append(esc(council.displayName())).append("</title>")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Decisions of ")
                .append(esc(council.displayName())).append("\" href=\"").append(Html.href(council, "/decisions.atom")).append("\">")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Meetings of ")
                .append(esc(council.displayName())).append("\" href=\"").append(Html.href(council, "/meetings.atom")).append("\">")
                .append("<link rel=\"stylesheet\" href=\"").append(Html.stylesheet(council)).append("\"></head><body>")
                .append("<a class=\"skip\" href=\"#main\">Skip to main content</a>")
                .append("<header class=\"brand\"><div class=\"wrap\"><a href=\"").append(Html.href(council, ""))
                .append("\">").append(esc(council.displayName())).append("</a><p>Committee meetings, reports and decisions</p></div></header>")
                .append("<nav class=\"site\" aria-label=\"Site\"><div class=\"wrap\"><ul>");
        for (String[] item : new String[][] {{"/meetings", "Meetings"}, {"/decisions", "Decisions"},
                {"/improvement-journey", "Improvement journey"}, {"/search", "Search"}, {"/open-data", "Open data"}}) {
            html.append("<li><a href=\"").append(Html.href(council, item[0])).append("\">").append(item[1]).append("</a></li>");
        }
        html.append("</ul></div></nav><div class=\"wrap\"><nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>")
                .append("<li><a href=\"").append(esc(Html.href(council, ""))).append("\">Home</a></li>")
                .append("<li><a href=\"").append(esc(Html.href(council, "/decisions"))).append("\">Decisions</a></li></ol></nav>")
                .append("<main id=\"main\" tabindex=\"-1\">").append(main).append("</main></div>")
                .append("<footer><div class=\"wrap\"><p>Published by ").append(esc(council.displayName()))
                .append(" with CouncilFlow. <a href=\"").append(Html.href(council, "/open-data"))
                .append("\">Open data, feeds and calendars</a>.</p></div></footer></body></html>");
        return html.toString();
    }

    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.replace("\r\n", "\n").split("\n[\\s\u00a0]*\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p dir=\"auto\">").append(esc(paragraph.strip()).replace("\n", "<br>")).append("</p>");
            }
        }
        return html.toString();
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(Text.neutral(text), "UTF-8");
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
