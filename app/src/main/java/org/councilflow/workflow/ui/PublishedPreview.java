package org.councilflow.workflow.ui;

import org.councilflow.publication.ReportPreview;
import org.councilflow.reports.ReportDocument;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinService;

/**
 * The report as the public will read it once published: the public site's own report fragment (the one its report
 * page and PDFs render), shown as it is, collapsed until opened.
 */
final class PublishedPreview extends Details {

    private PublishedPreview(String html) {
        super(Words.t("preview.asPublished"));
        setId("published-preview");
        // the fragment's HTML: escaped by its template, Markdown through the reports' sanitiser (no scripts, no styles)
        Div box = new Div(new Html(html));
        box.addClassName("published-preview");
        box.getStyle().set("overflow-wrap", "anywhere");
        add(box);
    }

    /** The preview of {@code document}; the renderer is the application's bean (views here are built by the router). */
    static PublishedPreview of(ReportDocument document) {
        ReportPreview preview = VaadinService.getCurrent().getInstantiator().getOrCreate(ReportPreview.class);
        return new PublishedPreview(preview.html(document));
    }
}
