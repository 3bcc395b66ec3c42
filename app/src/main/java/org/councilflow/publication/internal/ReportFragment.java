package org.councilflow.publication.internal;

import java.util.ArrayList;
import java.util.List;

import org.councilflow.reports.ReportDocument;

/**
 * The report in the council's template ({@code report/body.jte}): the one rendering of a report that the public page,
 * the PDFs and the staff preview share, so all three say the same.
 *
 * @param level the heading level of its parts (2 on its own page, 3 inside an agenda pack's item)
 */
public record ReportFragment(ReportDocument document, Localizer l, int level) implements Templates.View {

    @Override
    public String template() {
        return "report/body";
    }

    /** A section with its place (anchors {@code section-n}) and its heading, or "Section n" when it has none. */
    public record Numbered(int n, String heading, ReportDocument.Section section) {
    }

    public List<Numbered> sections() {
        List<Numbered> sections = new ArrayList<>();
        int n = 0;
        for (ReportDocument.Section section : document.sections()) {
            n++;
            String heading = heading(section);
            sections.add(new Numbered(n, heading.isEmpty() ? l.t("report.section", n) : heading, section));
        }
        return sections;
    }

    /** "3 Reasons for recommendations": the section's number and heading as the document gives them. */
    static String heading(ReportDocument.Section section) {
        return ((section.number() == null ? "" : section.number() + " ")
                + (section.heading() == null ? "" : section.heading())).strip();
    }
}
