package org.councilflow.workflow.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.common.ui.Feedback;
import org.councilflow.meetings.Decision;
import org.councilflow.meetings.Decisions;
import org.councilflow.publication.DecisionPreviews;
import org.councilflow.workflow.ReportCycle;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Publishing a decision as democratic services do it: first the public page exactly as it will read (rendered by the
 * public site's own page, in a sandboxed frame), then confirm. After publication nothing changes silently: a
 * correction is an amendment with a note, which the public page lists.
 */
final class DecisionPublishing {

    private final DecisionPreviews previews;
    private final Decisions decisions;
    private final ReportCycle cycle;
    private final UUID reportId;

    DecisionPublishing(DecisionPreviews previews, Decisions decisions, ReportCycle cycle, UUID reportId) {
        this.previews = previews;
        this.decisions = decisions;
        this.cycle = cycle;
        this.reportId = reportId;
    }

    /** Opens the preview; {@code publish} runs only when the clerk confirms there. */
    Dialog preview(boolean subjectToCallIn, Runnable publish) {
        Instant now = cycle.now();
        Optional<String> page = previews.decisionPage(reportId, subjectToCallIn, now, cycle.callInEndsIfPublishedNow());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Preview: the decision's public page");
        dialog.setWidth("min(60em, 95vw)");
        if (page.isPresent()) {
            IFrame frame = new IFrame();
            frame.setSrcdoc(page.get());
            frame.setSandbox(IFrame.SandboxType.RESTRICT_ALL); // the page as text and styles only: no scripts, no origin
            frame.setTitle("Preview of the decision's public page");
            frame.setId("decision-preview");
            frame.setWidthFull();
            frame.setHeight("60vh");
            frame.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)");
            dialog.add(new Paragraph("This is the page the public will read once you publish. Check the resolutions, the"
                    + " date and the call-in period."), frame);
        } else {
            Paragraph none = new Paragraph("This decision will not appear on the public site: its report is exempt or"
                    + " was never on a published agenda. Publishing records it and starts its call-in period.");
            none.setId("decision-preview-none");
            dialog.add(none);
        }
        Button confirm = new Button("Publish now", VaadinIcon.GLOBE.create(), click -> {
            dialog.close();
            publish.run();
        });
        confirm.setId("confirm-publish");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button("Back", click -> dialog.close());
        back.setId("cancel-publish");
        dialog.getFooter().add(back, confirm);
        dialog.open();
        return dialog;
    }

    /** The correction form for a published decision: its resolutions and minutes, and the note the public reads. */
    Component amendment(Decision decision) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.setId("amendment");
        H3 heading = new H3("Correct the published decision");
        List<TextArea> rows = new ArrayList<>();
        Div resolutions = new Div();
        decision.resolutions().forEach(text -> {
            TextArea area = new TextArea("Resolution " + (rows.size() + 1));
            area.setValue(text);
            area.setWidthFull();
            area.setId("amend-resolution-" + (rows.size() + 1));
            rows.add(area);
            resolutions.add(area);
        });
        resolutions.setWidthFull();
        TextArea minutes = new TextArea("Minutes");
        minutes.setValue(decision.minutes() == null ? "" : decision.minutes());
        minutes.setWidthFull();
        minutes.setId("amend-minutes");
        TextArea note = new TextArea("What was corrected, and why");
        note.setRequired(true);
        note.setMaxLength(1000);
        note.setWidthFull();
        note.setHelperText("Required. The public page shows it with the date: a published decision is never changed silently.");
        note.setId("amend-note");
        Button amend = new Button("Publish the amendment", VaadinIcon.EDIT.create(), click -> {
            if (note.getValue().isBlank()) {
                note.setInvalid(true);
                note.setErrorMessage("Say what was corrected and why");
                note.focus();
                return;
            }
            List<String> texts = rows.stream().map(TextArea::getValue).filter(t -> !t.isBlank()).toList();
            if (Feedback.attempt(() -> decisions.amend(reportId, decision, texts, minutes.getValue(), note.getValue(), cycle.now()))) {
                Feedback.success("Amendment published, with its note.");
                note.clear();
            }
        });
        amend.setId("amend");
        amend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(heading, new Paragraph("Published on the public site. A correction is published as an amendment:"
                + " the page keeps its address and lists the amendment with your note."), resolutions, minutes, note, amend);
        return form;
    }
}
