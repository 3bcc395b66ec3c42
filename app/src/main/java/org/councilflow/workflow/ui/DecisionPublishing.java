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
import org.councilflow.common.ui.Words;

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
        dialog.setHeaderTitle(Words.t("publishing.previewTitle"));
        dialog.setWidth("min(60em, 95vw)");
        if (page.isPresent()) {
            IFrame frame = new IFrame();
            frame.setSrcdoc(page.get());
            frame.setSandbox(IFrame.SandboxType.RESTRICT_ALL); // the page as text and styles only: no scripts, no origin
            frame.setTitle(Words.t("publishing.frameTitle"));
            frame.setId("decision-preview");
            frame.setWidthFull();
            frame.setHeight("60vh");
            frame.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)");
            dialog.add(new Paragraph(Words.t("publishing.check")), frame);
        } else {
            Paragraph none = new Paragraph(Words.t("publishing.notPublic"));
            none.setId("decision-preview-none");
            dialog.add(none);
        }
        Button confirm = new Button(Words.t("publishing.now"), VaadinIcon.GLOBE.create(), click -> {
            dialog.close();
            publish.run();
        });
        confirm.setId("confirm-publish");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(Words.t("publishing.back"), click -> dialog.close());
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
        H3 heading = new H3(Words.t("publishing.correct"));
        List<TextArea> rows = new ArrayList<>();
        List<TextArea> rowsCy = new ArrayList<>();
        Div resolutions = new Div();
        // each resolution and beside it the same in Welsh (ADR 0023)
        List<String> welsh = decision.resolutionsCy().stream().map(r -> r.text()).toList();
        for (int i = 0; i < Math.max(decision.resolutions().size(), welsh.size()); i++) {
            int n = i + 1;
            TextArea area = new TextArea(Words.t("minutes.resolution", n));
            area.setValue(i < decision.resolutions().size() ? decision.resolutions().get(i) : "");
            area.setWidthFull();
            area.setId("amend-resolution-" + n);
            TextArea areaCy = new TextArea(Words.t("minutes.resolutionCy", n));
            areaCy.setValue(i < welsh.size() ? welsh.get(i) : "");
            areaCy.setWidthFull();
            areaCy.setId("amend-resolution-cy-" + n);
            rows.add(area);
            rowsCy.add(areaCy);
            resolutions.add(area, areaCy);
        }
        resolutions.setWidthFull();
        TextArea minutes = new TextArea(Words.t("minutes.minutes"));
        minutes.setValue(decision.minutes() == null ? "" : decision.minutes());
        minutes.setWidthFull();
        minutes.setId("amend-minutes");
        TextArea minutesCy = new TextArea(Words.t("minutes.minutesCy"));
        minutesCy.setValue(decision.minutesCy() == null ? "" : decision.minutesCy());
        minutesCy.setWidthFull();
        minutesCy.setId("amend-minutes-cy");
        TextArea note = new TextArea(Words.t("publishing.whatWhy"));
        note.setRequired(true);
        note.setMaxLength(1000);
        note.setWidthFull();
        note.setHelperText(Words.t("publishing.whatWhyHelp"));
        note.setId("amend-note");
        Button amend = new Button(Words.t("publishing.amend"), VaadinIcon.EDIT.create(), click -> {
            if (note.getValue().isBlank()) {
                note.setInvalid(true);
                note.setErrorMessage(Words.t("publishing.sayWhat"));
                note.focus();
                return;
            }
            List<String> texts = rows.stream().map(TextArea::getValue).filter(t -> !t.isBlank()).toList();
            List<String> textsCy = rowsCy.stream().map(TextArea::getValue).filter(t -> !t.isBlank()).toList();
            if (Feedback.attempt(() -> decisions.amend(reportId, decision, texts, minutes.getValue(), textsCy,
                    minutesCy.getValue(), note.getValue(), cycle.now()))) {
                Feedback.success(Words.t("publishing.amended"));
                note.clear();
            }
        });
        amend.setId("amend");
        amend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(heading, new Paragraph(Words.t("publishing.publishedText")), resolutions, minutes, minutesCy, note, amend);
        return form;
    }
}
