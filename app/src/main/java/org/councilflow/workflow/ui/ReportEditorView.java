package org.councilflow.workflow.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.BritishPickers;
import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportAppendices;
import org.councilflow.reports.ReportDocument;
import org.councilflow.reports.ReportDocument.Block;
import org.councilflow.reports.ReportDocument.Header;
import org.councilflow.reports.ReportDocument.Section;
import org.councilflow.reports.Reports;
import org.councilflow.reports.ReportsProperties;
import org.councilflow.workflow.Completion;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.InboxQuery;
import org.councilflow.workflow.ReportCycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

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

    private final Reports reports;
    private final ReportAppendices appendices;
    private final ReportCycle cycle;
    private final ObjectMapper json;
    private final ReportsProperties properties;
    private final org.councilflow.documents.Documents documents;
    private final org.councilflow.reports.ReportReviews reviews;

    UUID reportId;
    final Span saveState = new Span();
    final Button submit = new Button("Submit for sign-off", VaadinIcon.PAPERPLANE.create());
    final Map<String, Part> parts = new LinkedHashMap<>();
    private final H2 title = new H2();
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
        state("All changes saved", Badge.Tone.SUCCESS);
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> confirmSubmit());
        Anchor history = new Anchor("reports/" + reportId + "/history", "History");
        HorizontalLayout top = new HorizontalLayout(title, saveState, history, submit);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.expand(title);
        top.setWrap(true);
        stageNote.setId("stage-note");
        add(top, stageNote);
        describeStage(report);

        add(new HeaderPart(report).details);
        add(new TextPart("summary", "Summary", report).details);
        add(new RecommendationsPart(report).details);
        Map<String, Section> sections = new LinkedHashMap<>();
        report.document().sections().forEach(section -> sections.put(section.key(), section));
        for (String key : ReportDocument.SECTION_KEYS) {
            add(new SectionPart(key, sections.get(key), report).details);
        }
        add(new AppendicesPanel(reportId, appendices, documents));
        showReviewerNotes(report);
        report.editingRefusal(properties.zone()).ifPresent(this::lock);
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
        state("Read-only: submitted for sign-off", Badge.Tone.NEUTRAL);
        submit.setEnabled(false);
        submit.setTooltipText("Submitted for sign-off: nothing to submit until it is returned");
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
                    ? "Version " + report.approval().version() + " is signed off."
                    : "Version " + report.latestVersion() + " is submitted for sign-off."));
            return;
        }
        String text = report.latestVersion() == 0 ? "Draft, not yet submitted."
                : "Draft after version " + report.latestVersion() + ".";
        List<CycleTask> mine = draftTasks();
        if (mine.isEmpty() && !cycleStarted()) {
            text += " Submitting starts the report's way through sign-off, board review and committee.";
        } else if (mine.isEmpty()) {
            text += " The report is further on in its cycle: what you change here goes into its next version.";
            submit.setEnabled(false);
            submit.setTooltipText("The report is not at the drafting stage");
        }
        stageNote.add(new Paragraph(text));
    }

    // ---------------------------------------------------------------------------------------------- saving

    /** A part of the report that saves itself and can be told about a conflicting save. */
    abstract class Part {
        final String key;
        final String label;
        final Details details;
        final Div conflict = new Div();
        int revision;
        boolean conflicted;

        Part(String key, String label, Report report) {
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
            parts.put(key, this);
        }

        /** What is saved: the part's content as the reports service takes it. */
        abstract Object content();

        /** Shows the part as stored now (after "use their version"). */
        abstract void load(Report report);

        void save() {
            if (conflicted) {
                state("Not saved: " + label + " was changed by someone else", Badge.Tone.ERROR);
                return;
            }
            state("Saving…", Badge.Tone.NEUTRAL);
            try {
                JsonNode node = json.valueToTree(content());
                Report saved = reports.savePart(reportId, key, node, revision);
                revision = saved.revisions().getOrDefault(key, revision + 1);
                title.setText(saved.document().header().title());
                state("All changes saved at " + Formats.time(saved.updatedAt()), Badge.Tone.SUCCESS);
            } catch (ConflictException e) {
                showConflict(e.getMessage());
            } catch (RuntimeException e) {
                String reason = Feedback.describe(e);
                if (reason == null) {
                    throw e;
                }
                state("Not saved: " + reason, Badge.Tone.ERROR);
            }
        }

        private void showConflict(String message) {
            conflicted = true;
            details.setOpened(true);
            state("Not saved: " + label + " was changed by someone else", Badge.Tone.ERROR);
            conflict.removeAll();
            Object mine = content();
            String myText = mine instanceof String text ? text : json.valueToTree(mine).toPrettyString();
            Paragraph what = new Paragraph(message + " What you typed is still here, nothing is lost: keep your"
                    + " version (it replaces theirs), or take theirs and copy from yours below.");
            Button keepMine = new Button("Keep my version", click -> {
                revision = reports.get(reportId).revisions().getOrDefault(key, 0);
                conflicted = false;
                conflict.setVisible(false);
                save();
            });
            keepMine.setId("keep-mine-" + key);
            Button takeTheirs = new Button("Use their version", click -> {
                Report current = reports.get(reportId);
                revision = current.revisions().getOrDefault(key, 0);
                conflicted = false;
                load(current);
                conflict.removeAll();
                TextArea yours = new TextArea("Your text, to copy from");
                yours.setValue(myText);
                yours.setReadOnly(true);
                yours.setWidthFull();
                yours.setId("your-text-" + key);
                Button dismiss = new Button("Done", done -> conflict.setVisible(false));
                conflict.add(new Paragraph("Their version is loaded above. Your text:"), yours, dismiss);
                conflict.getElement().setAttribute("role", "region");
                state("All changes saved", Badge.Tone.SUCCESS);
            });
            takeTheirs.setId("take-theirs-" + key);
            keepMine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            conflict.add(what, new HorizontalLayout(keepMine, takeTheirs));
            conflict.getElement().setAttribute("role", "alert");
            conflict.setVisible(true);
        }
    }

    void state(String text, Badge.Tone tone) {
        saveState.removeAll();
        saveState.add(Badge.of(text, tone));
    }

    private <F extends com.vaadin.flow.component.HasValue<?, ?>> F autosave(F field, Part part) {
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

    final class HeaderPart extends Part {
        final TextField reportTitle = new TextField("Title");
        final TextField committee = new TextField("Committee");
        final DatePicker meetingDate = BritishPickers.date("Meeting date");
        final TextField reportOf = new TextField("Report of");
        final TextField wards = new TextField("Wards");
        final Select<ReportDocument.Status> status = new Select<>();
        final TextField exemption = new TextField("Exemption (Schedule 12A paragraph)");
        final Checkbox urgent = new Checkbox("Urgent");
        final Checkbox keyDecision = new Checkbox("Key decision");
        final TextArea enclosures = new TextArea("Enclosures");
        final TextArea officerContact = new TextArea("Officer contact");
        final IntegerField sequenceNumber = new IntegerField("Update number");
        final DatePicker periodStart = BritishPickers.date("Reporting period from");
        final DatePicker periodEnd = BritishPickers.date("Reporting period to");

        HeaderPart(Report report) {
            super("header", "Header", report);
            status.setLabel("Status");
            status.setItems(ReportDocument.Status.values());
            status.setItemLabelGenerator(s -> s == ReportDocument.Status.PUBLIC ? "Public" : "Exempt");
            reportTitle.setRequiredIndicatorVisible(true);
            reportTitle.setId("header-title");
            meetingDate.setId("header-meeting-date");
            periodStart.setId("header-period-start");
            periodEnd.setId("header-period-end");
            FormLayout form = new FormLayout(reportTitle, committee, meetingDate, reportOf, wards, status, exemption,
                    sequenceNumber, periodStart, periodEnd, urgent, keyDecision, enclosures, officerContact);
            form.setColspan(reportTitle, 2);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
            details.add(form);
            load(report);
            List.<com.vaadin.flow.component.HasValue<?, ?>>of(reportTitle, committee, meetingDate, reportOf, wards, status, exemption, urgent, keyDecision,
                    enclosures, officerContact, sequenceNumber, periodStart, periodEnd).forEach(f -> autosave(f, this));
            details.setOpened(true);
        }

        @Override
        Object content() {
            Header header = new Header(blank(committee.getValue()), meetingDate.getValue(), reportTitle.getValue().strip(),
                    blank(reportOf.getValue()), blank(wards.getValue()), status.getValue(), blank(exemption.getValue()),
                    urgent.getValue(), keyDecision.getValue(), blank(enclosures.getValue()), blank(officerContact.getValue()));
            return new Reports.HeaderPart(sequenceNumber.getValue(), periodStart.getValue(), periodEnd.getValue(), header);
        }

        @Override
        void load(Report report) {
            ReportDocument document = report.document();
            Header header = document.header();
            reportTitle.setValue(nn(header.title()));
            committee.setValue(nn(header.committee()));
            meetingDate.setValue(header.meetingDate());
            reportOf.setValue(nn(header.reportOf()));
            wards.setValue(nn(header.wards()));
            status.setValue(header.status());
            exemption.setValue(nn(header.exemption()));
            urgent.setValue(header.urgent());
            keyDecision.setValue(header.keyDecision());
            enclosures.setValue(nn(header.enclosures()));
            officerContact.setValue(nn(header.officerContact()));
            sequenceNumber.setValue(document.sequenceNumber());
            periodStart.setValue(document.periodStart());
            periodEnd.setValue(document.periodEnd());
        }
    }

    /** The summary: one Markdown text with its preview beside it. */
    final class TextPart extends Part {
        final TextArea text = new TextArea();
        final MarkdownPreview preview = new MarkdownPreview();

        TextPart(String key, String label, Report report) {
            super(key, label, report);
            text.setLabel(label + " (Markdown)");
            text.setId("text-" + key);
            text.setWidthFull();
            text.setMinHeight("12em");
            preview.setId("preview-" + key);
            details.add(sideBySide(text, preview));
            load(report);
            autosave(text, this);
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

    /** The numbered recommendations, in order. */
    final class RecommendationsPart extends Part {
        final List<String> items = new ArrayList<>();
        final VerticalLayout rows = new VerticalLayout();

        RecommendationsPart(Report report) {
            super("recommendations", "Recommendations", report);
            rows.setPadding(false);
            rows.setId("recommendations");
            Button addOne = new Button("Add a recommendation", VaadinIcon.PLUS.create(), click -> {
                items.add("");
                render();
                focusLast();
            });
            addOne.setId("add-recommendation");
            details.add(rows, addOne);
            load(report);
            details.setOpened(true);
        }

        private void focusLast() {
            rows.getChildren().reduce((a, b) -> b).ifPresent(row -> row.getChildren()
                    .filter(TextArea.class::isInstance).findFirst().ifPresent(area -> ((TextArea) area).focus()));
        }

        private void render() {
            rows.removeAll();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                TextArea area = new TextArea("Recommendation " + (i + 1));
                area.setValue(items.get(i));
                area.setWidthFull();
                area.setId("recommendation-" + (i + 1));
                area.setValueChangeMode(ValueChangeMode.TIMEOUT);
                area.setValueChangeTimeout(AUTOSAVE_MILLIS);
                area.addValueChangeListener(change -> {
                    items.set(index, change.getValue());
                    save();
                });
                Button up = iconButton(VaadinIcon.ARROW_UP, "Move recommendation " + (i + 1) + " up", () -> move(index, -1));
                up.setEnabled(i > 0);
                Button down = iconButton(VaadinIcon.ARROW_DOWN, "Move recommendation " + (i + 1) + " down", () -> move(index, 1));
                down.setEnabled(i < items.size() - 1);
                Button remove = iconButton(VaadinIcon.TRASH, "Remove recommendation " + (i + 1), () -> {
                    items.remove(index);
                    render();
                    save();
                });
                HorizontalLayout row = new HorizontalLayout(area, up, down, remove);
                row.setWidthFull();
                row.setAlignItems(FlexComponent.Alignment.END);
                row.expand(area);
                rows.add(row);
            }
        }

        private void move(int index, int by) {
            java.util.Collections.swap(items, index, index + by);
            render();
            save();
        }

        @Override
        Object content() {
            return items.stream().filter(item -> !item.isBlank()).map(String::strip).toList();
        }

        @Override
        void load(Report report) {
            items.clear();
            items.addAll(report.document().recommendations());
            render();
        }
    }

    /** One numbered section of the template: its heading and its numbered paragraphs, each in Markdown. */
    final class SectionPart extends Part {
        final TextField number = new TextField("Section number");
        final TextField heading = new TextField("Section heading");
        final List<Block> blocks = new ArrayList<>();
        final VerticalLayout rows = new VerticalLayout();
        final MarkdownPreview preview = new MarkdownPreview();

        SectionPart(String key, Section section, Report report) {
            super(key, sectionLabel(key, section), report);
            number.setWidth("8em");
            heading.setWidthFull();
            rows.setPadding(false);
            rows.setId("blocks-" + key);
            preview.setId("preview-" + key);
            Button addParagraph = new Button("Add a paragraph", VaadinIcon.PLUS.create(), click -> {
                blocks.add(new Block(ReportDocument.Kind.PARAGRAPH, null, null, ""));
                render();
            });
            addParagraph.setId("add-paragraph-" + key);
            HorizontalLayout top = new HorizontalLayout(number, heading);
            top.setWidthFull();
            top.expand(heading);
            VerticalLayout editor = new VerticalLayout(top, rows, addParagraph);
            editor.setPadding(false);
            details.add(sideBySide(editor, preview));
            load(report);
            autosave(number, this);
            autosave(heading, this);
        }

        private void render() {
            rows.removeAll();
            for (int i = 0; i < blocks.size(); i++) {
                int index = i;
                Block block = blocks.get(i);
                Select<ReportDocument.Kind> kind = new Select<>();
                kind.setItems(ReportDocument.Kind.values());
                kind.setItemLabelGenerator(k -> k == ReportDocument.Kind.HEADING ? "Heading" : "Paragraph");
                kind.setValue(block.kind());
                kind.setAriaLabel("Kind of block " + (i + 1));
                kind.setWidth("9em");
                TextField paragraph = new TextField();
                paragraph.setAriaLabel("Number of block " + (i + 1));
                paragraph.setPlaceholder("No.");
                paragraph.setValue(nn(block.number()));
                paragraph.setWidth("6em");
                TextArea text = new TextArea();
                text.setAriaLabel((block.number() == null ? "Block " + (i + 1) : "Paragraph " + block.number()) + " text");
                text.setValue(block.markdown());
                text.setWidthFull();
                text.setId("block-" + key + "-" + (i + 1));
                Runnable update = () -> {
                    blocks.set(index, new Block(kind.getValue(), blank(paragraph.getValue()), blocks.get(index).theme(),
                            text.getValue()));
                    renderPreview();
                    save();
                };
                kind.addValueChangeListener(change -> update.run());
                for (var field : List.<com.vaadin.flow.data.value.HasValueChangeMode>of(paragraph, text)) {
                    field.setValueChangeMode(ValueChangeMode.TIMEOUT);
                    field.setValueChangeTimeout(AUTOSAVE_MILLIS);
                }
                paragraph.addValueChangeListener(change -> update.run());
                text.addValueChangeListener(change -> update.run());
                Button remove = iconButton(VaadinIcon.TRASH, "Remove block " + (i + 1), () -> {
                    blocks.remove(index);
                    render();
                    renderPreview();
                    save();
                });
                HorizontalLayout row = new HorizontalLayout(kind, paragraph, text, remove);
                row.setWidthFull();
                row.expand(text);
                row.setAlignItems(FlexComponent.Alignment.START);
                rows.add(row);
            }
        }

        private void renderPreview() {
            StringBuilder markdown = new StringBuilder();
            if (!heading.getValue().isBlank()) {
                markdown.append("### ").append(number.getValue()).append(' ').append(heading.getValue()).append("\n\n");
            }
            for (Block block : blocks) {
                if (block.kind() == ReportDocument.Kind.HEADING) {
                    markdown.append("#### ").append(block.markdown()).append("\n\n");
                } else {
                    markdown.append(block.number() == null ? "" : "**" + block.number() + "** ").append(block.markdown()).append("\n\n");
                }
            }
            preview.show(markdown.toString());
        }

        @Override
        Object content() {
            return new Section(key, blank(number.getValue()), blank(heading.getValue()), List.copyOf(blocks));
        }

        @Override
        void load(Report report) {
            Section section = report.document().sections().stream().filter(s -> s.key().equals(key)).findFirst()
                    .orElse(null);
            number.setValue(section == null ? defaultNumber(key) : nn(section.number()));
            heading.setValue(section == null ? defaultHeading(key) : nn(section.heading()));
            blocks.clear();
            if (section != null) {
                blocks.addAll(section.blocks());
            }
            render();
            renderPreview();
        }
    }

    // ---------------------------------------------------------------------------------------------- appendices

    // ---------------------------------------------------------------------------------------------- submitting

    private void confirmSubmit() {
        List<String> conflicts = parts.values().stream().filter(p -> p.conflicted).map(p -> p.label).toList();
        if (!conflicts.isEmpty()) {
            Feedback.error("Resolve the change made by someone else in " + String.join(", ", conflicts) + " first.");
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Submit for sign-off?");
        confirm.setText("This freezes the report as its next version and sends it to a manager for sign-off.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Submit");
        confirm.addConfirmListener(yes -> submitNow());
        confirm.open();
    }

    void submitNow() {
        boolean done = Feedback.attempt(() -> {
            List<CycleTask> tasks = draftTasks();
            CycleTask task = tasks.isEmpty() ? cycle.start(reportId) : tasks.get(0);
            cycle.complete(task.id(), new Completion("submit", null, null));
        });
        if (done) {
            Feedback.success("Submitted for sign-off: version " + reports.get(reportId).latestVersion() + " is frozen.");
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

    private static Component sideBySide(Component editor, Component preview) {
        Div previewBox = new Div(new H3("Preview"), preview);
        previewBox.getStyle().set("flex", "1 1 24em").set("min-width", "0");
        Div editorBox = new Div(editor);
        editorBox.getStyle().set("flex", "1 1 28em").set("min-width", "0");
        Div row = new Div(editorBox, previewBox);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)").set("width", "100%");
        ((H3) previewBox.getComponentAt(0)).getStyle().set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        return row;
    }

    private static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    private static String sectionLabel(String key, Section section) {
        String heading = section != null && section.heading() != null ? section.heading() : defaultHeading(key);
        String number = section != null && section.number() != null ? section.number() : defaultNumber(key);
        return number + ". " + heading;
    }

    static String defaultHeading(String key) {
        return switch (key) {
            case "body" -> "Update by improvement theme";
            case "reasons" -> "Reasons for recommendations";
            case "alternatives" -> "Alternative options considered and not recommended";
            case "postDecision" -> "Post decision implementation";
            case "implications" -> "Implications of decision";
            case "backgroundPapers" -> "Background papers";
            default -> key;
        };
    }

    static String defaultNumber(String key) {
        return String.valueOf(ReportDocument.SECTION_KEYS.indexOf(key) + 1);
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
