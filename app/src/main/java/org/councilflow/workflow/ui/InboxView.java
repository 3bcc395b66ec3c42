package org.councilflow.workflow.ui;

import java.util.List;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.common.ui.RowActions;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.InboxQuery;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.workflow.TeamTasks;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * My tasks and the ones I may claim, across stages: filtered, sorted and paged by the engine (the grid asks only
 * for the rows it shows), due dates with overdue and escalated marks, claim and open in one click.
 */
@Route("inbox")
@PageTitle("Inbox · CouncilFlow")
@Menu(title = "Inbox", order = 1, icon = "vaadin:inbox")
@RolesAllowed({"AUTHOR", "MANAGER", "BOARD", "BOARD_CHAIR", "CLERK"})
class InboxView extends VerticalLayout {

    private final ReportCycle cycle;
    private final TaskActions actions;
    private final String me;
    final Grid<CycleTask> grid = new Grid<>(CycleTask.class, false);
    final Select<InboxQuery.Scope> scope = new Select<>();
    final Select<String> stage = new Select<>();
    final TextField search = new TextField(Words.t("inbox.search"));
    final Checkbox overdueOnly = new Checkbox(Words.t("inbox.overdueOnly"));

    InboxView(ReportCycle cycle, TeamTasks team, CurrentUsers users) {
        this.cycle = cycle;
        this.actions = new TaskActions(cycle, team, this::refresh);
        this.me = users.require().username();
        setSizeFull();
        H2 heading = new H2(Words.t("inbox.heading"));
        heading.setId("inbox-heading");
        add(heading, filters(), grid());
        expand(grid);
    }

    private Component filters() {
        scope.setLabel(Words.t("inbox.show"));
        scope.setItems(InboxQuery.Scope.values());
        scope.setItemLabelGenerator(s -> switch (s) {
            case ALL -> Words.t("inbox.all");
            case MINE -> Words.t("inbox.mine");
            case CLAIMABLE -> Words.t("inbox.claimable");
        });
        scope.setValue(InboxQuery.Scope.ALL);
        scope.setId("inbox-scope");
        stage.setLabel(Words.t("inbox.stage"));
        stage.setItems(concat("", Stages.LABELS.keySet()));
        stage.setItemLabelGenerator(s -> s.isEmpty() ? Words.t("inbox.anyStage") : Stages.label(s));
        stage.setValue("");
        stage.setId("inbox-stage");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setId("inbox-search");
        overdueOnly.setId("inbox-overdue");
        scope.addValueChangeListener(e -> refresh());
        stage.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        overdueOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(scope, stage, search, overdueOnly);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    private Grid<CycleTask> grid() {
        grid.setId("inbox");
        grid.setAriaLabel(Words.t("inbox.gridLabel"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.addComponentColumn(this::reportCell).setHeader(Words.t("meetings.report")).setFlexGrow(3).setKey("report");
        grid.addColumn(task -> Stages.label(task.stage())).setHeader(Words.t("inbox.stage")).setSortable(true)
                .setSortProperty(InboxQuery.Sort.STAGE.name()).setKey("stage").setAutoWidth(true);
        grid.addComponentColumn(this::assigneeCell).setHeader(Words.t("inbox.claimed")).setAutoWidth(true).setKey("assignee");
        grid.addColumn(task -> Formats.date(task.created())).setHeader(Words.t("inbox.received")).setSortable(true)
                .setSortProperty(InboxQuery.Sort.CREATED.name()).setKey("created").setAutoWidth(true);
        grid.addComponentColumn(this::dueCell).setHeader(Words.t("plans.due")).setSortable(true)
                .setSortProperty(InboxQuery.Sort.DUE.name()).setKey("due").setAutoWidth(true);
        grid.addComponentColumn(this::actionCell).setHeader(Words.t("plans.action")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0).setKey("action");
        grid.setItems(query -> {
            List<QuerySortOrder> orders = query.getSortOrders();
            InboxQuery.Sort sort = orders.isEmpty() ? InboxQuery.Sort.CREATED : InboxQuery.Sort.valueOf(orders.get(0).getSorted());
            boolean ascending = !orders.isEmpty() && orders.get(0).getDirection() == SortDirection.ASCENDING;
            return cycle.inbox(filter(), sort, ascending, query.getOffset(), query.getLimit()).stream();
        }, query -> (int) Math.min(Integer.MAX_VALUE, cycle.countInbox(filter())));
        // the row's action in the Tab order, not behind the arrow keys and Enter
        RowActions.inTabOrder(grid);
        grid.setEmptyStateText(Words.t("inbox.empty"));
        return grid;
    }

    InboxQuery filter() {
        return new InboxQuery(scope.getValue(), stage.getValue(), search.getValue(), overdueOnly.getValue(), null);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Component reportCell(CycleTask task) {
        Span title = new Span(task.reportTitle() == null ? Words.t("inbox.untitled") : task.reportTitle());
        title.getStyle().set("font-weight", "600");
        return title;
    }

    private Component assigneeCell(CycleTask task) {
        if (task.assignee() == null) {
            return Badge.of(Words.t("inbox.claimableBy", Words.t("role." + task.role())), Badge.Tone.INFO);
        }
        return new Span(task.assignee().equals(me) ? Words.t("inbox.you") : task.assignee());
    }

    private Component dueCell(CycleTask task) {
        HorizontalLayout cell = new HorizontalLayout(new Span(Formats.date(task.due())));
        cell.setSpacing(true);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        if (task.overdue()) {
            cell.add(Badge.of(Words.t("inbox.overdue"), Badge.Tone.ERROR));
        }
        if (Stages.escalated(task)) {
            cell.add(Badge.of(Words.t("inbox.escalated"), Badge.Tone.WARNING));
        }
        return cell;
    }

    private Component actionCell(CycleTask task) {
        java.util.Optional<org.councilflow.common.Refusal> refusal = cycle.refusal(task);
        if (refusal.isPresent()) {
            // never offered to someone the rules refuse: say why instead of a button that would fail
            String reason = refusal.get().in(getLocale());
            Span why = Badge.of(refusal.get().key().startsWith("fourEyes.") ? Words.t("inbox.another", Words.t("role." + task.role())) : Words.t("inbox.notYours"),
                    Badge.Tone.NEUTRAL);
            why.setTitle(reason);
            why.getElement().setAttribute("aria-label", reason);
            why.setId("refused-" + task.id());
            return why;
        }
        Button primary = primaryAction(task);
        if (me.equals(task.assignee())) {
            HorizontalLayout cell = new HorizontalLayout(primary, actions.release(task), actions.handOn(task, false));
            cell.setSpacing(false);
            cell.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
            return cell;
        }
        return primary;
    }

    private Button primaryAction(CycleTask task) {
        boolean claimable = task.assignee() == null;
        String title = task.reportTitle() == null ? Words.t("inbox.report") : task.reportTitle();
        Button action = new Button(claimable ? Words.t("inbox.claimAndOpen") : Words.t("inbox.open"),
                claimable ? VaadinIcon.HAND.create() : VaadinIcon.ARROW_RIGHT.create());
        action.addThemeVariants(claimable ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        action.setAriaLabel((claimable ? Words.t("inbox.claimAndOpen") : Words.t("inbox.open")) + " " + Stages.label(task.stage()) + ": " + title);
        action.addClickListener(click -> open(task));
        return RowActions.mark(action);
    }

    void open(CycleTask task) {
        if (task.assignee() == null && !Feedback.attempt(() -> cycle.claim(task.id()))) {
            refresh();
            return;
        }
        UI.getCurrent().navigate(Stages.path(task));
    }

    private static List<String> concat(String first, java.util.Collection<String> rest) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
