package org.councilflow.workflow.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportReviews;
import org.councilflow.reports.Reports;
import org.councilflow.workflow.CycleEvent;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** A report's whole way so far: each stage, who worked it, when, the outcome and why, versions, comments, challenges. */
@Route("reports/:reportId/history")
@PageTitle("Report history · CouncilFlow")
@RolesAllowed({"AUTHOR", "MANAGER", "BOARD", "BOARD_CHAIR", "CLERK", "TENANT_ADMIN"})
class HistoryView extends VerticalLayout implements BeforeEnterObserver {

    private final Reports reports;
    private final ReportCycle cycle;
    private final ReportReviews reviews;
    final OrderedList timeline = new OrderedList();

    HistoryView(Reports reports, ReportCycle cycle, ReportReviews reviews) {
        this.reports = reports;
        this.cycle = cycle;
        this.reviews = reviews;
        setMaxWidth("60em");
    }

    /** One line of the timeline, in time order. */
    record Entry(Instant at, Component content) {
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID reportId = ReportRoutes.reportId(event);
        Report report = reports.get(reportId);
        removeAll();
        timeline.removeAll();
        H2 title = new H2(Words.t("reportHistory.title", report.document().header().title()));
        title.setId("report-title");
        List<Entry> entries = new ArrayList<>();
        for (CycleEvent step : cycle.history(reportId)) {
            Div line = new Div();
            line.add(new Span(Stages.label(step.stage()) + " "));
            if (step.completed() == null) {
                line.add(Badge.of(Words.t("reportHistory.waiting"), Badge.Tone.NEUTRAL), new Span(" " + Words.t("reportHistory.since", Formats.dateTime(step.started()))));
            } else {
                line.add(Badge.of(outcome(step.outcome()), "return".equals(step.outcome()) ? Badge.Tone.ERROR : Badge.Tone.SUCCESS),
                        new Span(" " + Words.t("reportHistory.byOn", step.completedBy(), Formats.dateTime(step.completed()))));
                if (step.reason() != null) {
                    Paragraph reason = new Paragraph(Words.t("reportHistory.reason", step.reason()));
                    reason.getStyle().set("margin", "0.2em 0 0 1em");
                    line.add(reason);
                }
            }
            entries.add(new Entry(step.completed() == null ? step.started() : step.completed(), line));
        }
        for (Report.Version version : reports.versions(reportId)) {
            entries.add(new Entry(version.frozenAt(), new Div(Badge.of(Words.t("reports.version", version.number()), Badge.Tone.INFO), new Span(" " + Words.t("reportHistory.frozen", version.frozenBy(), Formats.dateTime(version.frozenAt()))))));
        }
        reviews.comments(reportId).forEach(c -> entries.add(new Entry(c.createdAt(), new Div(new Span(Words.t("reportHistory.comment", c.author(), ReviewView.partLabel(c.part()), c.version(), Formats.dateTime(c.createdAt())) + ": " + c.text())))));
        reviews.challenges(reportId).forEach(c -> {
            entries.add(new Entry(c.raisedAt(), new Div(new Span(Words.t("reportHistory.challenge", c.raisedBy(), ReviewView.partLabel(c.part()), Formats.dateTime(c.raisedAt())) + ": " + c.question()))));
            if (c.answeredAt() != null) {
                entries.add(new Entry(c.answeredAt(), new Div(new Span(Words.t("reportHistory.answered", c.answeredBy(), Formats.dateTime(c.answeredAt())) + ": " + c.answer()))));
            }
            if (c.closedAt() != null) {
                entries.add(new Entry(c.closedAt(), new Div(new Span(Words.t("reportHistory.closed", c.closedBy(), Formats.dateTime(c.closedAt()))))));
            }
        });
        entries.sort(Comparator.comparing(Entry::at));
        entries.forEach(entry -> timeline.add(new ListItem(entry.content())));
        timeline.setId("timeline");
        add(title);
        if (entries.isEmpty()) {
            add(new Paragraph(Words.t("reportHistory.nothing")));
        }
        add(timeline);
    }

    private static String outcome(String outcome) {
        if (outcome == null) {
            return Words.t("outcome.done");
        }
        return switch (outcome) {
            case "submit" -> Words.t("outcome.submit");
            case "approve" -> Words.t("outcome.approve");
            case "endorse" -> Words.t("outcome.endorse");
            case "return" -> Words.t("outcome.return");
            case "schedule" -> Words.t("outcome.schedule");
            case "publish" -> Words.t("outcome.publish");
            default -> CommitteeStageView.status(outcome);
        };
    }
}
