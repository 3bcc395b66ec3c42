package org.councilflow.workflow.ui;

import org.councilflow.common.ConflictException;
import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.reports.Report;
import org.councilflow.common.ui.Words;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;

/** A part of the report in the editor that saves itself and can be told about a conflicting save. */
abstract class EditorPart {
    final ReportEditorView view;
    final String key;
    final String label;
    final Details details;
    final Div conflict = new Div();
    int revision;
    boolean conflicted;

    EditorPart(ReportEditorView view, String key, String label, Report report) {
        this.view = view;
        this.key = key;
        this.label = label;
        this.revision = report.revisions().getOrDefault(key, 0);
        this.details = new Details(label);
        details.setId("part-" + key);
        details.setWidthFull();
        conflict.setId("conflict-" + key);
        conflict.setVisible(false);
        conflict.getElement().setAttribute("role", "alert");
        conflict.getStyle().set("border", "2px solid var(--lumo-error-color)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("background", "var(--lumo-error-color-10pct)");
        details.add(conflict);
        view.parts.put(key, this);
    }

    /** What is saved: the part's content as the reports service takes it. */
    abstract Object content();

    /** Shows the part as stored now (after "use their version"). */
    abstract void load(Report report);

    void save() {
        if (conflicted) {
            view.state(Words.t("editor.changedBySomeone", label), Badge.Tone.ERROR);
            return;
        }
        view.state(Words.t("editor.saving"), Badge.Tone.NEUTRAL);
        try {
            JsonNode node = view.json.valueToTree(content());
            Report saved = view.reports.savePart(view.reportId, key, node, revision);
            revision = saved.revisions().getOrDefault(key, revision + 1);
            view.title.setText(saved.document().header().title());
            view.state(Words.t("editor.savedAt", Formats.time(saved.updatedAt())), Badge.Tone.SUCCESS);
        } catch (ConflictException e) {
            showConflict(e.getMessage());
        } catch (RuntimeException e) {
            String reason = Feedback.describe(e);
            if (reason == null) {
                throw e;
            }
            view.state(Words.t("editor.notSaved", reason), Badge.Tone.ERROR);
        }
    }

    private void showConflict(String message) {
        conflicted = true;
        details.setOpened(true);
        view.state(Words.t("editor.changedBySomeone", label), Badge.Tone.ERROR);
        conflict.removeAll();
        Object mine = content();
        String myText = mine instanceof String text ? text : view.json.valueToTree(mine).toPrettyString();
        Paragraph what = new Paragraph(message + " " + Words.t("editor.conflict"));
        Button keepMine = new Button(Words.t("editor.keepMine"), click -> {
            revision = view.reports.get(view.reportId).revisions().getOrDefault(key, 0);
            conflicted = false;
            conflict.setVisible(false);
            save();
        });
        keepMine.setId("keep-mine-" + key);
        Button takeTheirs = new Button(Words.t("editor.useTheirs"), click -> {
            Report current = view.reports.get(view.reportId);
            revision = current.revisions().getOrDefault(key, 0);
            conflicted = false;
            load(current);
            conflict.removeAll();
            TextArea yours = new TextArea(Words.t("editor.yourText"));
            yours.setValue(myText);
            yours.setReadOnly(true);
            yours.setWidthFull();
            yours.setId("your-text-" + key);
            Button dismiss = new Button(Words.t("editor.done"), done -> conflict.setVisible(false));
            conflict.add(new Paragraph(Words.t("editor.theirsLoaded")), yours, dismiss);
            conflict.getElement().setAttribute("role", "region");
            view.state(Words.t("editor.allSaved"), Badge.Tone.SUCCESS);
        });
        takeTheirs.setId("take-theirs-" + key);
        keepMine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        conflict.add(what, new HorizontalLayout(keepMine, takeTheirs));
        conflict.getElement().setAttribute("role", "alert");
        conflict.setVisible(true);
    }
}
