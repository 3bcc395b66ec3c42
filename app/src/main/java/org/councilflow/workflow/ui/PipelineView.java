package org.councilflow.workflow.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;
import org.councilflow.meetings.Decision;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.workflow.Pipeline;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Democratic services' pipeline: every report of the council by the stage it is at or the decision taken on it,
 * with the way to its committee stage and to its public pages. The service refuses every other role as well.
 */
@Route("pipeline")
@PageTitle("Pipeline · CouncilFlow")
@Menu(title = "Pipeline", order = 2.5, icon = "vaadin:road-branches")
@RolesAllowed({"CLERK", "MANAGER"})
class PipelineView extends VerticalLayout {

    static final String ANY = "";
    static final String NO_DECISION = "none";

    private final List<Pipeline.Entry> entries;
    private final boolean clerk;
    final Select<String> stage = new Select<>();
    final Select<String> decision = new Select<>();
    final Div groups = new Div();

    PipelineView(Pipeline pipeline, CurrentUsers users) {
        this.entries = pipeline.entries();
        this.clerk = users.require().rolesIn(TenantContext.require()).contains(Role.CLERK);
        setSizeFull();
        H2 heading = new H2(Words.t("pipeline.heading"));
        heading.setId("pipeline-heading");

        List<String> stages = new ArrayList<>(List.of(ANY));
        stages.addAll(Stages.LABELS.keySet());
        for (Pipeline.Phase phase : Pipeline.Phase.values()) {
            if (phase != Pipeline.Phase.IN_CYCLE) {
                stages.add(phase.name());
            }
        }
        stage.setLabel(Words.t("inbox.stage"));
        stage.setId("pipeline-stage");
        stage.setItems(stages);
        stage.setItemLabelGenerator(s -> s.isEmpty() ? Words.t("pipeline.everyStage") : stageLabel(s));
        stage.setValue(ANY);
        stage.getStyle().set("min-width", "17em");
        List<String> statuses = new ArrayList<>(List.of(ANY, NO_DECISION));
        statuses.addAll(CommitteeStageView.STATUSES.keySet());
        decision.setLabel(Words.t("committee.decision"));
        decision.setId("pipeline-decision");
        decision.setItems(statuses);
        decision.setItemLabelGenerator(s -> s.isEmpty() ? Words.t("pipeline.anyDecision") : s.equals(NO_DECISION) ? Words.t("pipeline.noneYet") : CommitteeStageView.status(s));
        decision.setValue(ANY);
        decision.getStyle().set("min-width", "17em");
        stage.addValueChangeListener(e -> refresh());
        decision.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(stage, decision);
        filters.setWrap(true);

        groups.setId("pipeline");
        groups.setWidthFull();
        add(heading, filters, groups);
        refresh();
    }

    /** The entries the filters let through, in the pipeline's order. */
    List<Pipeline.Entry> shown() {
        return entries.stream().filter(this::matchesStage).filter(this::matchesDecision).toList();
    }

    /**
     * One section per stage (in the cycle's order) and per phase after it, each a list of cards: every link is in
     * the Tab order and nothing needs a sideways scroll on a phone.
     */
    private void refresh() {
        groups.removeAll();
        List<Pipeline.Entry> shown = shown();
        if (shown.isEmpty()) {
            groups.add(new Paragraph(Words.t("pipeline.noMatch")));
            return;
        }
        Map<String, List<Pipeline.Entry>> byGroup = new LinkedHashMap<>();
        Stages.LABELS.keySet().forEach(key -> byGroup.put(key, new ArrayList<>()));
        for (Pipeline.Phase phase : Pipeline.Phase.values()) {
            byGroup.put(phase.name(), new ArrayList<>());
        }
        shown.forEach(entry -> byGroup.computeIfAbsent(group(entry), k -> new ArrayList<>()).add(entry));
        byGroup.forEach((key, entries) -> {
            if (entries.isEmpty()) {
                return;
            }
            H3 title = new H3(stageLabel(key) + " (" + entries.size() + ")");
            title.getStyle().set("font-size", "var(--lumo-font-size-l)");
            UnorderedList list = new UnorderedList();
            list.getStyle().set("list-style", "none").set("padding", "0").set("margin", "0");
            entries.forEach(entry -> list.add(card(entry)));
            Section section = new Section(title, list);
            section.getElement().setAttribute("data-stage", key);
            groups.add(section);
        });
    }

    private static String group(Pipeline.Entry entry) {
        return entry.phase() == Pipeline.Phase.IN_CYCLE && entry.stage() != null ? entry.stage() : entry.phase().name();
    }

    private ListItem card(Pipeline.Entry entry) {
        Div details = new Div(stageCell(entry), meetingCell(entry), decisionCell(entry));
        details.getStyle().set("display", "grid").set("gap", "var(--lumo-space-s)")
                .set("grid-template-columns", "repeat(auto-fit, minmax(min(100%, 14em), 1fr))");
        ListItem card = new ListItem(reportCell(entry), details, links(entry));
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-s)");
        card.addClassName("pipeline-entry");
        return card;
    }

    private boolean matchesStage(Pipeline.Entry entry) {
        String wanted = stage.getValue();
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        return Stages.LABELS.containsKey(wanted) ? wanted.equals(entry.stage()) : wanted.equals(entry.phase().name());
    }

    private boolean matchesDecision(Pipeline.Entry entry) {
        String wanted = decision.getValue();
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        return wanted.equals(NO_DECISION) ? entry.decision() == null
                : entry.decision() != null && wanted.equals(entry.decision().status());
    }

    static String stageLabel(String key) {
        if (Stages.LABELS.containsKey(key)) {
            return Stages.label(key);
        }
        return Words.t("phase." + key);
    }

    private Component reportCell(Pipeline.Entry entry) {
        Span title = new Span(entry.report().title());
        title.getStyle().set("font-weight", "600");
        Div cell = new Div(title);
        if (entry.report().sequenceNumber() != null) {
            Span number = new Span(" · " + Words.t("pipeline.update", entry.report().sequenceNumber()));
            number.getStyle().set("color", "var(--lumo-secondary-text-color)");
            cell.add(number);
        }
        return cell;
    }

    private Component stageCell(Pipeline.Entry entry) {
        Div cell = new Div();
        if (entry.stage() != null) {
            cell.add(new Span(Stages.label(entry.stage())));
            Span who = new Span(entry.assignee() == null ? Words.t("pipeline.waiting") : Words.t("pipeline.with", entry.assignee()));
            who.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                    .set("color", "var(--lumo-secondary-text-color)");
            cell.add(who);
            if (entry.due() != null) {
                Span due = new Span(Words.t("home.due", Formats.date(entry.due())) + " ");
                due.getStyle().set("font-size", "var(--lumo-font-size-s)");
                cell.add(due);
                if (entry.overdue()) {
                    cell.add(Badge.of(Words.t("inbox.overdue"), Badge.Tone.ERROR));
                }
            }
        } else {
            cell.add(new Span(Words.t("phase." + entry.phase().name())));
        }
        return cell;
    }

    private Component meetingCell(Pipeline.Entry entry) {
        return new Span(entry.committee() == null ? Words.t("pipeline.notScheduled")
                : entry.committee() + ", " + Formats.dateTime(entry.meetingStartsAt()));
    }

    private Component decisionCell(Pipeline.Entry entry) {
        Decision d = entry.decision();
        if (d == null) {
            return new Span(Words.t("pipeline.noneYet"));
        }
        Div cell = new Div(new Span(CommitteeStageView.status(d.status())));
        String detail = d.publishedAt() == null ? Words.t("pipeline.recorded", Formats.date(d.decidedOn())) : Words.t("pipeline.published", Formats.date(d.publishedAt())) + (d.calledInAt() != null ? ", " + Words.t("pipeline.calledIn", Formats.date(d.calledInAt())) : Boolean.TRUE.equals(d.subjectToCallIn()) ? ", " + Words.t("pipeline.callInUntil", Formats.dateTime(d.callInEndsAt())) : "");
        Span line = new Span(detail);
        line.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        cell.add(line);
        return cell;
    }

    private static final Set<String> COMMITTEE_STAGES = Set.of("scheduleToCommittee", "recordDecision", "publishDecision");

    private Component links(Pipeline.Entry entry) {
        FlexLayout links = new FlexLayout();
        links.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        links.getStyle().set("gap", "var(--lumo-space-m)").set("margin-top", "var(--lumo-space-xs)");
        String title = entry.report().title();
        String report = "reports/" + entry.report().id();
        if (clerk && (entry.stage() != null && COMMITTEE_STAGES.contains(entry.stage()) || entry.decision() != null)) {
            links.add(link(report + "/committee", Words.t("pipeline.committeeStage"), title, false));
        }
        links.add(link(report + "/history", Words.t("reports.history"), title, false));
        if (entry.reportPath() != null) {
            links.add(link(entry.reportPath(), Words.t("pipeline.publicReport"), title, true));
        }
        if (entry.decisionPath() != null) {
            links.add(link(entry.decisionPath(), Words.t("pipeline.publicDecision"), title, true));
        }
        return links;
    }

    private static Anchor link(String href, String text, String report, boolean external) {
        Anchor link = new Anchor(href, text);
        link.getElement().setAttribute("aria-label", text + ": " + report);
        if (external) {
            // a public page is the site's, not a view of the staff UI: the router must not try to open it
            link.getElement().setAttribute("router-ignore", true);
        }
        return link;
    }
}
