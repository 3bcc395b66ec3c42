package org.councilflow.workflow.ui;

import org.councilflow.reports.Markdown;

import com.vaadin.flow.component.html.Div;

/** Report text rendered as reviewers and the public see it: Markdown through the reports' safe renderer. */
final class MarkdownPreview extends Div {

    MarkdownPreview() {
        addClassName("markdown-preview");
        getStyle().set("padding", "0 var(--lumo-space-m)").set("border-left", "3px solid var(--lumo-contrast-10pct)")
                .set("overflow-wrap", "anywhere");
    }

    /** Shows the text; the HTML is sanitised by {@link Markdown#toSafeHtml(String)} (no scripts, no styles). */
    void show(String markdown) {
        getElement().setProperty("innerHTML", Markdown.toSafeHtml(markdown));
    }
}
