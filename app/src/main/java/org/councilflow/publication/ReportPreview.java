package org.councilflow.publication;

import org.councilflow.publication.internal.Localizer;
import org.councilflow.publication.internal.ReportFragment;
import org.councilflow.publication.internal.ReportPreviewPage;
import org.councilflow.publication.internal.Templates;
import org.councilflow.reports.ReportDocument;
import org.springframework.stereotype.Component;

/**
 * A report as the public will read it, for staff before it is published: the same fragment ({@code report/body.jte})
 * that the public report page and the PDFs render, so a reviewer sees exactly that.
 */
@Component
public class ReportPreview {

    private final PublicationProperties properties;

    ReportPreview(PublicationProperties properties) {
        this.properties = properties;
    }

    /** One {@code div} of HTML: every text escaped, the Markdown through the reports' safe renderer. */
    public String html(ReportDocument document) {
        return Templates.render(new ReportFragment(document, Localizer.of(properties.locale()), 3));
    }

    /** A whole HTML page of the report, for opening on its own (the staff API's preview). */
    public String page(ReportDocument document) {
        return Templates.render(new ReportPreviewPage(new ReportFragment(document, Localizer.of(properties.locale()), 2)));
    }
}
