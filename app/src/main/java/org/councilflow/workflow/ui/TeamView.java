package org.councilflow.workflow.ui;

import java.util.List;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.common.ui.RowActions;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.workflow.TeamTasks;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The team's open tasks for the stages this person leads (managers: drafting and sign-off; clerks: the committee's
 * stages), by stage and due date, with who holds each; a claimed one can be reassigned or put back in the pool.
 */
@Route("team")
@PageTitle("Team tasks · CouncilFlow")
@Menu(title = "Team tasks", order = 2, icon = "vaadin:users")
@RolesAllowed({"MANAGER", "CLERK", "BOARD_CHAIR"})
class TeamView extends VerticalLayout {

    private final TeamTasks team;
    private final TaskActions actions;
    final Grid<CycleTask> grid = new Grid<>(CycleTask.class, false);

    TeamView(TeamTasks team, ReportCycle cycle) {
        this.team = team;
        this.actions = new TaskActions(cycle, team, this::refresh);
        setSizeFull();
        H2 heading = new H2(Words.t("team.heading"));
        heading.setId("team-heading");
        grid.setId("team-tasks");
        grid.setAriaLabel(Words.t("team.gridLabel"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(task -> Stages.label(task.stage())).setHeader(Words.t("inbox.stage")).setAutoWidth(true).setKey("stage");
        grid.addColumn(task -> task.reportTitle() == null ? Words.t("inbox.untitled") : task.reportTitle()).setHeader(Words.t("meetings.report"))
                .setFlexGrow(3).setKey("report");
        grid.addComponentColumn(this::holder).setHeader(Words.t("team.heldBy")).setAutoWidth(true).setKey("assignee");
        grid.addComponentColumn(this::due).setHeader(Words.t("plans.due")).setAutoWidth(true).setKey("due");
        grid.addComponentColumn(this::actions).setHeader(Words.t("plans.action")).setAutoWidth(true).setFlexGrow(0).setKey("action");
        grid.setEmptyStateText(Words.t("team.empty"));
        RowActions.inTabOrder(grid);
        add(heading, new Paragraph(Words.t("team.intro")), grid);
        expand(grid);
        refresh();
    }

    void refresh() {
        List<CycleTask> open = team.open();
        grid.setItems(open);
    }

    private Component holder(CycleTask task) {
        return task.assignee() == null ? Badge.of(Words.t("team.inPool"), Badge.Tone.INFO) : new Span(task.assignee());
    }

    private Component due(CycleTask task) {
        HorizontalLayout cell = new HorizontalLayout(new Span(Formats.date(task.due())));
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        if (task.overdue()) {
            cell.add(Badge.of(Words.t("inbox.overdue"), Badge.Tone.ERROR));
        }
        return cell;
    }

    private Component actions(CycleTask task) {
        if (!team.leads(task)) {
            return new Span();
        }
        HorizontalLayout cell = new HorizontalLayout(actions.handOn(task, true));
        if (task.assignee() != null) {
            cell.add(actions.leadRelease(task));
        }
        cell.setSpacing(false);
        return cell;
    }
}
