package org.councilflow.workflow.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.meetings.Decision;
import org.councilflow.meetings.Decisions;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.reports.Report;
import org.councilflow.reports.Reports;
import org.councilflow.workflow.Completion;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.InboxQuery;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Democratic services' stages of a report: schedule it to a committee meeting, record the committee's decision
 * after the meeting (status, numbered resolutions, minutes), and publish the decision with or without call-in.
 */
@Route("reports/:reportId/committee")
@PageTitle("Committee · CouncilFlow")
@RolesAllowed("CLERK")
class CommitteeStageView extends VerticalLayout implements BeforeEnterObserver {

    private static final Set<String> CLERK_STAGES = Set.of("scheduleToCommittee", "recordDecision", "publishDecision");
    static final Map<String, String> STATUSES = new java.util.LinkedHashMap<>();

    static {
        STATUSES.put("RECOMMENDATIONS_APPROVED", "Recommendations approved");
        STATUSES.put("APPROVED_AS_AMENDED", "Approved as amended");
        STATUSES.put("DEFERRED", "Deferred");
        STATUSES.put("NOT_APPROVED", "Not approved");
        STATUSES.put("NOTED", "Noted");
    }

    /** A decision's status in the UI's language (the key, as recorded, if unknown). */
    static String status(String status) {
        return status != null && STATUSES.containsKey(status) ? Words.t("decisionStatus." + status) : status;
    }

    private final Reports reports;
    private final Meetings meetings;
    private final Decisions decisions;
    private final ReportCycle cycle;
    private final org.councilflow.publication.DecisionPreviews previews;

    UUID reportId;
    CycleTask task;
    final ComboBox<Meeting> meeting = new ComboBox<>(Words.t("meetings.meeting"));
    final Select<String> status = new Select<>();
    final List<TextArea> resolutions = new ArrayList<>();
    /** Each resolution in Welsh (optional), beside its English: the same place in both lists (ADR 0023). */
    final List<TextArea> resolutionsCy = new ArrayList<>();
    final VerticalLayout resolutionRows = new VerticalLayout();
    final TextArea minutes = new TextArea(Words.t("minutes.minutes"));
    final TextArea minutesCy = new TextArea(Words.t("minutes.minutesCy"));
    final Checkbox callIn = new Checkbox(Words.t("committee.subjectToCallIn"));

    CommitteeStageView(Reports reports, Meetings meetings, Decisions decisions, ReportCycle cycle,
            org.councilflow.publication.DecisionPreviews previews) {
        this.previews = previews;
        this.reports = reports;
        this.meetings = meetings;
        this.decisions = decisions;
        this.cycle = cycle;
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reportId = ReportRoutes.reportId(event);
        Report report = reports.get(reportId);
        removeAll();
        H2 title = new H2(report.document().header().title());
        title.setId("report-title");
        add(title, new Anchor("reports/" + reportId + "/review", Words.t("committee.readReport")),
                new Anchor("reports/" + reportId + "/history", Words.t("reports.history")));
        task = cycle.inbox(InboxQuery.forReport(reportId), InboxQuery.Sort.CREATED, false, 0, 10).stream()
                .filter(t -> CLERK_STAGES.contains(t.stage())).findFirst().orElse(null);
        if (task == null) {
            Paragraph none = new Paragraph(Words.t("committee.notWaiting"));
            none.setId("no-task");
            add(none);
            decisions.latest(reportId).filter(d -> d.publishedAt() != null)
                    .ifPresent(published -> add(publishing().amendment(published)));
            return;
        }
        H3 stage = new H3(Stages.label(task.stage()));
        stage.setId("stage");
        add(stage);
        switch (task.stage()) {
            case "scheduleToCommittee" -> schedule();
            case "recordDecision" -> record(report);
            default -> publish();
        }
    }

    private void schedule() {
        meeting.setId("meeting");
        meeting.setWidth("36em");
        meeting.setItems(meetings.from(Instant.now()));
        meeting.setItemLabelGenerator(m -> m.committeeName() + ", " + Formats.dateTime(m.startsAt()) + ", " + m.venue());
        meeting.setHelperText(Words.t("committee.noticeHelp"));
        Button schedule = new Button(Words.t("committee.schedule"), VaadinIcon.CALENDAR.create(), click -> {
            if (meeting.getValue() == null) {
                meeting.setInvalid(true);
                meeting.setErrorMessage(Words.t("committee.chooseMeeting"));
                return;
            }
            finish(new Completion("schedule", null, Map.of("meetingId", meeting.getValue().id().toString())),
                    Words.t("committee.scheduled", meeting.getValue().committeeName(), Formats.date(meeting.getValue().startsAt())));
        });
        schedule.setId("schedule");
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(meeting, schedule);
    }

    private void record(Report report) {
        status.setLabel(Words.t("committee.decision"));
        status.setId("decision-status");
        status.setItems(STATUSES.keySet());
        status.setItemLabelGenerator(CommitteeStageView::status);
        status.setValue("RECOMMENDATIONS_APPROVED");
        resolutionRows.setPadding(false);
        resolutionRows.setId("resolutions");
        // the report's recommendations, in English and (where its signed-off part has them) in Welsh, as a start
        List<String> english = report.document().recommendations();
        List<String> welsh = report.document().welsh() == null || report.document().welsh().recommendations() == null
                ? List.of() : report.document().welsh().recommendations();
        for (int i = 0; i < Math.max(english.size(), welsh.size()); i++) {
            addResolution(i < english.size() ? english.get(i) : "", i < welsh.size() ? welsh.get(i) : "");
        }
        if (resolutions.isEmpty()) {
            addResolution("", "");
        }
        Button more = new Button(Words.t("minutes.addResolution"), VaadinIcon.PLUS.create(), click -> addResolution("", ""));
        more.setId("add-resolution");
        minutes.setId("minutes");
        minutes.setWidthFull();
        minutes.setMinHeight("8em");
        minutesCy.setId("minutes-cy");
        minutesCy.setWidthFull();
        minutesCy.setMaxLength(200_000);
        Button save = new Button(Words.t("stage.recordDecision"), VaadinIcon.GAVEL.create(), click -> {
            finish(new Completion(status.getValue(), null, Map.of("resolutions", texts(resolutions), "minutes",
                    minutes.getValue(), "resolutionsCy", texts(resolutionsCy), "minutesCy", minutesCy.getValue())),
                    Words.t("committee.recorded", status(status.getValue())));
        });
        save.setId("record");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(status, new Paragraph(Words.t("committee.resolutions")),
                resolutionRows, more, minutes, minutesCy, save);
    }

    private static List<String> texts(List<TextArea> areas) {
        return areas.stream().map(TextArea::getValue).filter(t -> !t.isBlank()).map(String::strip).toList();
    }

    private void addResolution(String text, String welsh) {
        int n = resolutions.size() + 1;
        TextArea area = new TextArea(Words.t("minutes.resolution", n));
        area.setValue(text);
        area.setWidthFull();
        area.setId("resolution-" + n);
        TextArea areaCy = new TextArea(Words.t("minutes.resolutionCy", n));
        areaCy.setValue(welsh);
        areaCy.setWidthFull();
        areaCy.setId("resolution-cy-" + n);
        resolutions.add(area);
        resolutionsCy.add(areaCy);
        resolutionRows.add(area, areaCy);
    }

    private void publish() {
        Decision decision = decisions.latest(reportId).orElse(null);
        if (decision != null) {
            OrderedList list = new OrderedList();
            decision.resolutions().forEach(r -> list.add(new ListItem(r)));
            Paragraph what = new Paragraph(Words.t("committee.decisionOf", Formats.date(decision.decidedOn()), status(decision.status())));
            what.setId("decision");
            add(what, list);
            if (!decision.resolutionsCy().isEmpty()) {
                // the Welsh as recorded, marked as Welsh for screen readers whatever the UI's language
                OrderedList welsh = new OrderedList();
                welsh.setId("decision-cy");
                welsh.getElement().setAttribute("lang", "cy");
                decision.resolutionsCy().forEach(r -> welsh.add(new ListItem(r.text())));
                add(welsh);
            }
        }
        callIn.setId("call-in");
        callIn.setValue(true);
        callIn.setHelperText(Words.t("committee.callInHelp"));
        // a preview of the public page first; publishing happens only on its confirm
        Button publish = new Button(Words.t("committee.previewPublish"), VaadinIcon.GLOBE.create(),
                click -> publishing().preview(callIn.getValue(), () -> finish(
                        new Completion("publish", null, Map.of("subjectToCallIn", callIn.getValue())), Words.t("committee.published"))));
        publish.setId("publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(callIn, publish);
    }

    private DecisionPublishing publishing() {
        return new DecisionPublishing(previews, decisions, cycle, reportId);
    }

    void finish(Completion completion, String done) {
        if (Feedback.attempt(() -> cycle.complete(task.id(), completion))) {
            Feedback.success(done);
            UI.getCurrent().navigate("inbox");
        }
    }
}
