package org.councilflow.workflow.ui;

import static org.councilflow.workflow.ui.ReportEditorView.nn;
import static org.councilflow.workflow.ui.ReportEditorView.sideBySide;

import org.councilflow.reports.Report;

import com.vaadin.flow.component.textfield.TextArea;

/** The summary: one Markdown text with its preview beside it. */
final class TextPart extends EditorPart {
    final TextArea text = new TextArea();
    final MarkdownPreview preview = new MarkdownPreview();

    TextPart(ReportEditorView view, String key, String label, Report report) {
        super(view, key, label, report);
        text.setLabel(label + " (Markdown)");
        text.setId("text-" + key);
        text.setWidthFull();
        text.setMinHeight("12em");
        preview.setId("preview-" + key);
        details.add(sideBySide(text, preview));
        load(report);
        view.autosave(text, this);
        text.addValueChangeListener(change -> preview.show(change.getValue()));
        details.setOpened(true);
    }

    @Override
    Object content() {
        return text.getValue();
    }

    @Override
    void load(Report report) {
        text.setValue(nn(report.document().summary()));
        preview.show(text.getValue());
    }
}
