package org.councilflow.plans.ui;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.identity.Role;
import org.councilflow.plans.Plan;
import org.councilflow.plans.Plans;
import org.councilflow.shell.ui.HomePanel;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;

/** The home page's "Our plan at a glance": each plan's actions by RAG status and the ones past their due date. */
@org.springframework.stereotype.Component
class PlanGlancePanel implements HomePanel {

    private static final Set<Role> STAFF = EnumSet.of(Role.AUTHOR, Role.MANAGER, Role.BOARD, Role.BOARD_CHAIR,
            Role.CLERK, Role.TENANT_ADMIN);
    private static final int SHOWN = 3;

    private final Plans plans;

    PlanGlancePanel(Plans plans) {
        this.plans = plans;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Component> render(Set<Role> roles) {
        if (roles.stream().noneMatch(STAFF::contains)) {
            return Optional.empty();
        }
        Section card = HomePanel.card("plan-glance", Words.t("plans.glance"));
        List<Plan.Summary> all = plans.all();
        if (all.isEmpty()) {
            card.add(new Paragraph(Words.t("plans.none")));
        }
        LocalDate today = LocalDate.now(org.councilflow.common.Locality.zoneId());
        all.stream().limit(SHOWN).forEach(summary -> card.add(glance(plans.get(summary.id()), today)));
        card.add(new Anchor("plans", Words.t("plans.open")));
        return Optional.of(card);
    }

    static Component glance(Plan plan, LocalDate today) {
        List<Plan.Action> actions = plan.themes().stream().flatMap(t -> t.actions().stream()).toList();
        Div glance = new Div();
        Span title = new Span(plan.title());
        title.getStyle().set("font-weight", "600").set("display", "block");
        glance.add(title);
        if (plan.targetJudgement() != null && !plan.targetJudgement().isBlank()) {
            glance.add(new Paragraph(Words.t("plans.aimingFor", plan.targetJudgement())));
        }
        Div rags = new Div();
        rags.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        for (Plan.Rag rag : Plan.Rag.values()) {
            long count = actions.stream().filter(a -> a.rag() == rag).count();
            if (count > 0) {
                Component badge = PlanDashboardView.rag(rag);
                ((Span) badge).setText(count + " " + ((Span) badge).getText().toLowerCase());
                rags.add(badge);
            }
        }
        glance.add(rags);
        long late = actions.stream().filter(a -> a.dueDate() != null && a.dueDate().isBefore(today)
                && a.rag() != Plan.Rag.COMPLETE).count();
        Paragraph overdue = new Paragraph(Words.t(actions.size() == 1 ? "plans.oneAction" : "plans.actions", actions.size()) + " " + Words.t(plan.themes().size() == 1 ? "plans.oneTheme" : "plans.themeCount", plan.themes().size()) + " " + (late == 0 ? Words.t("plans.noneLate") : Words.t("plans.late", late)));
        overdue.addClassName("plan-overdue");
        glance.add(overdue);
        return glance;
    }
}
