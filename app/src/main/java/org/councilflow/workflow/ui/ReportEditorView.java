package org.councilflow.workflow.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Feedback;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportAppendices;
import org.councilflow.reports.ReportDocument;
import org.councilflow.reports.ReportDocument.Section;
import org.councilflow.reports.Reports;
import org.councilflow.reports.ReportsProperties;
import org.councilflow.workflow.Completion;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.InboxQuery;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.common.ui.Words;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The council report template, part by part: the header table, the summary and each numbered section in Markdown
 * with a live preview, the recommendations as a list, and the appendices. Every part saves itself a moment after
 * typing stops, only over the revision it loaded; if someone else saved that part meanwhile nothing is overwritten
 * and the editor keeps what this person typed beside theirs. Submitting freezes a version and sends it for sign-off.
 */
@Route("reports/:reportId/edit")
@PageTitle("Edit report · CouncilFlow")
@RolesAllowed({"AUTHOR", "MANAGER"})
class ReportEditorView extends VerticalLayout implements BeforeEnterObserver {

    static final int AUTOSAVE_MILLIS = 800;

    final Reports reports;
    private final ReportAppendices appendices;
    private final ReportCycle cycle;
    final ObjectMapper json;
    private final ReportsProperties properties;
    private final org.councilflow.documents.Documents documents;
    private final org.councilflow.reports.ReportReviews reviews;

    UUID reportId;
    final Span saveState = new Span();
    final Button submit = new Button(Words.t("editor.submit"), VaadinIcon.PAPERPLANE.create());
    final Map<String, EditorPart> parts = new LinkedHashMap<>();
    final H2 title = new H2();
    private final Div stageNote = new Div();

    ReportEditorView(Reports reports, ReportAppendices appendices, ReportCycle cycle, ObjectMapper json,
            ReportsProperties properties, org.councilflow.documents.Documents documents,
            org.councilflow.reports.ReportReviews reviews) {
        this.reviews = reviews;
        this.properties = properties;
        this.documents = documents;
        this.reports = reports;
        this.appendices = appendices;
        this.cycle = cycle;
        this.json = json;
        setMaxWidth("90em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reportId = ReportRoutes.reportId(event);
        Report report = reports.get(reportId);
        removeAll();
        parts.clear();
        build(report);
    }

    private void build(Report report) {
        title.setText(report.document().header().title());
        title.setId("report-title");
        saveState.setId("save-state");
        saveState.getElement().setAttribute("role", "status");
        saveState.getElement().setAttribute("aria-live", "polite");
        state(Words.t("editor.allSaved"), Badge.Tone.SUCCESS);
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> confirmSubmit());
        Anchor history = new Anchor("reports/" + reportId + "/history", Words.t("reports.history"));
        HorizontalLayout top = new HorizontalLayout(title, saveState, history, submit);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.expand(title);
        top.setWrap(true);
        stageNote.setId("stage-note");
        add(top, stageNote);
        describeStage(report);

        add(new HeaderPart(this, report).details);
        add(new TextPart(this, "summary", Words.t("part.summary"), report).details);
        add(new RecommendationsPart(this, report).details);
        Map<String, Section> sections = new LinkedHashMap<>();
        report.document().sections().forEach(section -> sections.put(section.key(), section));
        for (String key : ReportDocument.SECTION_KEYS) {
            add(new SectionPart(this, key, sections.get(key), report).details);
        }
        add(new AppendicesPanel(reportId, appendices, documents));
        showReviewerNotes(report);
        report.editingRefusal(properties.zone()).map(why -> why.in(getLocale())).ifPresent(this::lock);
    }

    /** Why the report came back, at the top, and each reviewer's remark beside the part it concerns. */
    private void showReviewerNotes(Report report) {
        if (report.latestVersion() == 0) {
            return;
        }
        ReviewerNotes notes = new ReviewerNotes(report, cycle.history(reportId), reviews.comments(reportId),
                reviews.challenges(reportId));
        notes.top().ifPresent(top -> addComponentAtIndex(2, top));
        parts.forEach((key, part) -> notes.forPart(key).ifPresent(box -> {
            part.details.addComponentAsFirst(box);
            part.details.setOpened(true);
        }));
    }

    /**
     * A submitted report is read-only here as in the API: every field read-only, every action off, and the reason
     * said at the top.
     */
    private void lock(String why) {
        Div locked = new Div(new Paragraph(why));
        locked.setId("locked");
        locked.getElement().setAttribute("role", "status");
        locked.getStyle().set("border", "2px solid var(--lumo-primary-color-50pct)").set("padding", "0 var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("background", "var(--lumo-primary-color-10pct)")
                .set("width", "100%").set("box-sizing", "border-box");
        addComponentAtIndex(1, locked);
        state(Words.t("editor.readOnly"), Badge.Tone.NEUTRAL);
        submit.setEnabled(false);
        submit.setTooltipText(Words.t("editor.nothingToSubmit"));
        parts.values().forEach(part -> readOnly(part.details));
        getChildren().filter(child -> "part-appendices".equals(child.getId().orElse(null))).forEach(this::readOnly);
    }

    private void readOnly(Component component) {
        if (component instanceof com.vaadin.flow.component.HasValue<?, ?> field) {
            field.setReadOnly(true);
        } else if (component instanceof Button button) {
            button.setEnabled(false);
        } else if (component instanceof Upload upload) {
            upload.setVisible(false);
        }
        component.getChildren().forEach(this::readOnly);
    }

    private void describeStage(Report report) {
        stageNote.removeAll();
        if (report.stage() != Report.Stage.DRAFT) {
            stageNote.add(new Paragraph(report.stage() == Report.Stage.SIGNED_OFF
                    ? Words.t("editor.signedOff", report.approval().version()) : Words.t("editor.submitted", report.latestVersion())));
            return;
        }
        String text = report.latestVersion() == 0 ? Words.t("editor.draft") : Words.t("editor.draftAfter", report.latestVersion());
        List<CycleTask> mine = draftTasks();
        if (mine.isEmpty() && !cycleStarted()) {
            text += " " + Words.t("editor.submitStarts");
        } else if (mine.isEmpty()) {
            text += " " + Words.t("editor.furtherOn");
            submit.setEnabled(false);
            submit.setTooltipText(Words.t("editor.notDrafting"));
        }
        stageNote.add(new Paragraph(text));
    }

    // ---------------------------------------------------------------------------------------------- saving

    void state(String text, Badge.Tone tone) {
        saveState.removeAll();
        saveState.add(Badge.of(text, tone));
    }

    <F extends com.vaadin.flow.component.HasValue<?, ?>> F autosave(F field, EditorPart part) {
        if (field instanceof com.vaadin.flow.data.value.HasValueChangeMode modal) {
            modal.setValueChangeMode(ValueChangeMode.TIMEOUT);
            modal.setValueChangeTimeout(AUTOSAVE_MILLIS);
        }
        field.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                part.save();
            }
        });
        return field;
    }

    // ---------------------------------------------------------------------------------------------- parts

    // ---------------------------------------------------------------------------------------------- appendices

    // ---------------------------------------------------------------------------------------------- submitting

    private void confirmSubmit() {
        List<String> conflicts = parts.values().stream().filter(p -> p.conflicted).map(p -> p.label).toList();
        if (!conflicts.isEmpty()) {
            Feedback.error(Words.t("editor.resolveFirst", String.join(", ", conflicts)));
            return;
        }
        // a modal Dialog, as the other questions are: Flow makes the view behind it inert, where the ConfirmDialog
        // left the hidden app frame focusable (axe: aria-hidden-focus) and its Cancel below the contrast minimum
        Dialog confirm = new Dialog();
        confirm.setModal(true);
        confirm.setId("submit-dialog");
        confirm.setHeaderTitle(Words.t("editor.submitQuestion"));
        confirm.add(new Paragraph(Words.t("editor.submitText")));
        Button submit = new Button(Words.t("editor.submitShort"), click -> {
            confirm.close();
            submitNow();
        });
        submit.setId("confirm-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button(Words.t("common.cancel"), click -> confirm.close()), submit);
        confirm.open();
        submit.focus();
    }

    void submitNow() {
        boolean done = Feedback.attempt(() -> {
            List<CycleTask> tasks = draftTasks();
            CycleTask task = tasks.isEmpty() ? cycle.start(reportId) : tasks.get(0);
            cycle.complete(task.id(), new Completion("submit", null, null));
        });
        if (done) {
            Feedback.success(Words.t("editor.submittedFrozen", reports.get(reportId).latestVersion()));
            UI.getCurrent().navigate("inbox");
        }
    }

    private List<CycleTask> draftTasks() {
        return cycle.inbox(new InboxQuery(InboxQuery.Scope.ALL, "draftUpdate", null, false, reportId),
                InboxQuery.Sort.CREATED, false, 0, 5);
    }

    private boolean cycleStarted() {
        return !cycle.history(reportId).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static Component sideBySide(Component editor, Component preview) {
        Div previewBox = new Div(new H3(Words.t("minutes.preview")), preview);
        previewBox.getStyle().set("flex", "1 1 24em").set("min-width", "0");
        Div editorBox = new Div(editor);
        editorBox.getStyle().set("flex", "1 1 28em").set("min-width", "0");
        Div row = new Div(editorBox, previewBox);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)").set("width", "100%");
        ((H3) previewBox.getComponentAt(0)).getStyle().set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        return row;
    }

    static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    static String sectionLabel(String key, Section section) {
        String heading = section != null && section.heading() != null ? section.heading() : defaultHeading(key);
        String number = section != null && section.number() != null ? section.number() : defaultNumber(key);
        return number + ". " + heading;
    }

    static String defaultHeading(String key) {
        return switch (key) {
            case "body" -> Words.t("section.body");
            case "reasons" -> Words.t("section.reasons");
            case "alternatives" -> Words.t("section.alternatives");
            case "postDecision" -> Words.t("section.postDecision");
            case "implications" -> Words.t("section.implications");
            case "backgroundPapers" -> Words.t("section.backgroundPapers");
            default -> key;
        };
    }

    static String defaultNumber(String key) {
        return String.valueOf(ReportDocument.SECTION_KEYS.indexOf(key) + 1);
    }

    static String nn(String value) {
        return value == null ? "" : value;
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
