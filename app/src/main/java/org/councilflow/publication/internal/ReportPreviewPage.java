package org.councilflow.publication.internal;

/** A draft report on a page of its own for staff ({@code staff/reportPreview.jte}): the public report's fragment. */
public record ReportPreviewPage(ReportFragment fragment) implements Templates.View {

    @Override
    public String template() {
        return "staff/reportPreview";
    }
}
