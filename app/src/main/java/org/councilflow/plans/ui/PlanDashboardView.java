package org.councilflow.plans.ui;

import java.util.List;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.plans.Indicator;
import org.councilflow.plans.InspectionEvent;
import org.councilflow.plans.Plan;
import org.councilflow.plans.Plans;
import org.councilflow.plans.Risk;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** The improvement plan at a glance: themes and actions by RAG, indicators with their trend, risks, inspections. */
@Route("plans")
@PageTitle("Improvement plan · CouncilFlow")
@Menu(title = "Plans", order = 4, icon = "vaadin:chart-line")
@RolesAllowed({"AUTHOR", "MANAGER", "BOARD", "BOARD_CHAIR", "CLERK", "TENANT_ADMIN"})
class PlanDashboardView extends VerticalLayout {

    private final Plans plans;
    final Select<Plan.Summary> plan = new Select<>();
    final Div dashboard = new Div();

    PlanDashboardView(Plans plans) {
        this.plans = plans;
        List<Plan.Summary> all = plans.all();
        plan.setLabel(Words.t("plans.plan"));
        plan.setId("plan");
        plan.setWidth("min(100%, 36em)");
        plan.setItems(all);
        plan.setItemLabelGenerator(Plan.Summary::title);
        plan.addValueChangeListener(change -> show(change.getValue()));
        dashboard.setId("dashboard");
        dashboard.setWidthFull();
        add(new H2(Words.t("plans.heading")), plan, dashboard);
        if (all.isEmpty()) {
            dashboard.add(new Paragraph(Words.t("plans.none")));
        } else {
            plan.setValue(all.get(0));
        }
    }

    void show(Plan.Summary summary) {
        dashboard.removeAll();
        if (summary == null) {
            return;
        }
        Plan current = plans.get(summary.id());
        if (current.origin() != null) {
            dashboard.add(new Paragraph(Words.t("plans.origin", current.origin().inspection(), Formats.date(current.origin().date()), current.origin().judgement(), current.targetJudgement())));
        }
        dashboard.add(new H3(Words.t("plans.themes")));
        for (Plan.Theme theme : current.themes()) {
            Details details = new Details(theme.number() + ". " + theme.title() + (theme.turnaround() ? " " + Words.t("plans.turnaround") : ""));
            details.setWidthFull();
            Grid<Plan.Action> actions = new Grid<>();
            actions.setAriaLabel(Words.t("plans.actionsOf", theme.number()));
            actions.addColumn(Plan.Action::reference).setHeader(Words.t("plans.ref")).setAutoWidth(true);
            actions.addColumn(Plan.Action::description).setHeader(Words.t("plans.action")).setFlexGrow(3);
            actions.addColumn(Plan.Action::owner).setHeader(Words.t("plans.owner"));
            actions.addColumn(a -> Formats.date(a.dueDate())).setHeader(Words.t("plans.due")).setAutoWidth(true);
            actions.addComponentColumn(a -> rag(a.rag())).setHeader(Words.t("plans.rag")).setAutoWidth(true);
            actions.setItems(theme.actions());
            // the description wraps: on a phone the whole row is read without scrolling sideways
            actions.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
            actions.setAllRowsVisible(true);
            details.setSummaryText(theme.number() + ". " + theme.title() + " — " + ragCounts(theme.actions()));
            details.add(actions);
            dashboard.add(details);
        }
        dashboard.add(new H3(Words.t("plans.indicators")));
        Grid<Indicator> indicators = new Grid<>();
        indicators.setId("indicators");
        indicators.setAriaLabel(Words.t("plans.indicators"));
        indicators.addColumn(Indicator::name).setHeader(Words.t("plans.indicator")).setFlexGrow(2);
        indicators.addComponentColumn(Sparkline::of).setHeader(Words.t("plans.trend")).setAutoWidth(true);
        indicators.addColumn(i -> last(i) == null ? "" : last(i).period() + ": " + last(i).value().stripTrailingZeros().toPlainString())
                .setHeader(Words.t("plans.latest")).setAutoWidth(true);
        indicators.addColumn(i -> i.target() == null ? "" : i.target().stripTrailingZeros().toPlainString()).setHeader(Words.t("plans.target")).setAutoWidth(true);
        indicators.addComponentColumn(i -> last(i) == null || last(i).rag() == null ? new Span() : rag(last(i).rag())).setHeader(Words.t("plans.rag")).setAutoWidth(true);
        indicators.addColumn(i -> last(i) == null || last(i).trend() == null ? "" : Words.t("plans.trend." + last(i).trend().name())).setHeader(Words.t("plans.direction")).setAutoWidth(true);
        indicators.setItems(plans.indicators(current.id()));
        indicators.setAllRowsVisible(true);
        dashboard.add(indicators);

        dashboard.add(new H3(Words.t("plans.risks")));
        Grid<Risk> risks = new Grid<>();
        risks.setId("risks");
        risks.setAriaLabel(Words.t("plans.risks"));
        risks.addColumn(Risk::reference).setHeader(Words.t("plans.ref")).setAutoWidth(true);
        risks.addColumn(Risk::title).setHeader(Words.t("plans.risk")).setFlexGrow(2);
        risks.addColumn(Risk::owner).setHeader(Words.t("plans.owner"));
        risks.addColumn(Risk::inherentScore).setHeader(Words.t("plans.inherent")).setAutoWidth(true);
        risks.addColumn(Risk::residualScore).setHeader(Words.t("plans.residual")).setAutoWidth(true);
        risks.addComponentColumn(PlanDashboardView::movement).setHeader(Words.t("plans.movement")).setAutoWidth(true);
        risks.setItems(plans.risks(current.id()));
        risks.setAllRowsVisible(true);
        dashboard.add(risks);

        dashboard.add(new H3(Words.t("plans.inspections")));
        OrderedList timeline = new OrderedList();
        timeline.setId("inspections");
        for (InspectionEvent event : plans.inspections(current.id())) {
            timeline.add(new ListItem(Formats.date(event.startDate()) + " — " + event.title()
                    + (event.judgement() == null ? "" : " (" + event.judgement() + ")")
                    + (event.focus() == null ? "" : ": " + event.focus())));
        }
        dashboard.add(timeline);
    }

    private static Indicator.Value last(Indicator indicator) {
        return indicator.values().isEmpty() ? null : indicator.values().get(indicator.values().size() - 1);
    }

    private static Component movement(Risk risk) {
        if (risk.movement() == null) {
            return new Span(Words.t("plans.new"));
        }
        return switch (risk.movement()) {
            case UP -> Badge.of(Words.t("plans.up", risk.previousResidualScore()), Badge.Tone.ERROR);
            case DOWN -> Badge.of(Words.t("plans.down", risk.previousResidualScore()), Badge.Tone.SUCCESS);
            case UNCHANGED -> Badge.of(Words.t("plans.unchanged"), Badge.Tone.NEUTRAL);
        };
    }

    private static String ragCounts(List<Plan.Action> actions) {
        return java.util.Arrays.stream(Plan.Rag.values())
                .map(rag -> actions.stream().filter(a -> a.rag() == rag).count() + " " + label(rag).toLowerCase())
                .filter(text -> !text.startsWith("0 ")).reduce((a, b) -> a + ", " + b).orElse(Words.t("plans.noActions"));
    }

    static Component rag(Plan.Rag rag) {
        return Badge.of(label(rag), switch (rag) {
            case RED -> Badge.Tone.ERROR;
            case AMBER -> Badge.Tone.WARNING;
            case GREEN, COMPLETE -> Badge.Tone.SUCCESS;
            case NOT_STARTED -> Badge.Tone.NEUTRAL;
        });
    }

    private static String label(Plan.Rag rag) {
        return switch (rag) {
            case RED -> Words.t("plans.red");
            case AMBER -> Words.t("plans.amber");
            case GREEN -> Words.t("plans.green");
            case COMPLETE -> Words.t("plans.complete");
            case NOT_STARTED -> Words.t("plans.notStarted");
        };
    }
}
