package org.councilflow.workflow.ui;

import java.util.List;
import java.util.UUID;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;
import org.councilflow.plans.Plan;
import org.councilflow.plans.Plans;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportDocument;
import org.councilflow.reports.Reports;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** The council's progress reports, and a new one started from the template. */
@Route("reports")
@PageTitle("Reports · CouncilFlow")
@Menu(title = "Reports", order = 2, icon = "vaadin:file-text-o")
@RolesAllowed({"AUTHOR", "MANAGER", "BOARD", "BOARD_CHAIR", "CLERK", "TENANT_ADMIN"})
class ReportsView extends VerticalLayout {

    private final Reports reports;
    private final Plans plans;
    private final ReportCycle cycle;
    final Grid<Report.Summary> grid = new Grid<>();
    final Button create = new Button(Words.t("reports.new"), VaadinIcon.PLUS.create());

    ReportsView(Reports reports, Plans plans, ReportCycle cycle, CurrentUsers users) {
        this.reports = reports;
        this.plans = plans;
        this.cycle = cycle;
        setSizeFull();
        var roles = users.require().rolesIn(TenantContext.require());
        boolean editor = roles.contains(Role.AUTHOR) || roles.contains(Role.MANAGER);
        boolean reviewer = roles.contains(Role.MANAGER) || roles.contains(Role.BOARD) || roles.contains(Role.BOARD_CHAIR)
                || roles.contains(Role.AUTHOR) || roles.contains(Role.CLERK);
        H2 heading = new H2(Words.t("reports.heading"));
        create.setId("new-report");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> newReport());
        create.setVisible(editor);
        HorizontalLayout top = new HorizontalLayout(heading, create);
        top.setAlignItems(Alignment.BASELINE);
        grid.setId("reports");
        grid.setAriaLabel(Words.t("reports.heading"));
        grid.addColumn(r -> r.title()).setHeader(Words.t("history.title")).setFlexGrow(3).setSortable(true);
        grid.addColumn(r -> r.sequenceNumber() == null ? "" : r.sequenceNumber().toString()).setHeader(Words.t("reports.updateNo")).setAutoWidth(true);
        grid.addColumn(r -> r.latestVersion() == 0 ? Words.t("minutes.draft") : Words.t("reports.version", r.latestVersion())).setHeader(Words.t("reports.submitted")).setAutoWidth(true);
        grid.addColumn(r -> Formats.dateTime(r.updatedAt())).setHeader(Words.t("reports.lastChanged")).setAutoWidth(true);
        grid.addComponentColumn(r -> links(r, editor, reviewer)).setHeader(Words.t("inbox.open")).setAutoWidth(true);
        grid.setItems(reports.all());
        grid.setEmptyStateText(Words.t("reports.none"));
        add(top, grid);
        expand(grid);
    }

    private Component links(Report.Summary report, boolean editor, boolean reviewer) {
        HorizontalLayout links = new HorizontalLayout();
        if (editor) {
            links.add(new Anchor("reports/" + report.id() + "/edit", Words.t("reports.edit")));
        }
        if (reviewer && report.latestVersion() > 0) {
            links.add(new Anchor("reports/" + report.id() + "/review", Words.t("agenda.read")));
        }
        links.add(new Anchor("reports/" + report.id() + "/history", Words.t("reports.history")));
        links.getChildren().forEach(link -> ((Anchor) link).getElement().setAttribute("aria-label",
                ((Anchor) link).getText() + ": " + report.title()));
        return links;
    }

    void newReport() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Words.t("reports.newTitle"));
        Select<Plan.Summary> plan = new Select<>();
        plan.setLabel(Words.t("plans.heading"));
        List<Plan.Summary> all = plans.all();
        plan.setItems(all);
        plan.setItemLabelGenerator(Plan.Summary::title);
        if (!all.isEmpty()) {
            plan.setValue(all.get(0));
        }
        plan.setId("new-report-plan");
        TextField title = new TextField(Words.t("history.title"));
        title.setRequired(true);
        title.setId("new-report-title");
        title.setWidthFull();
        IntegerField number = new IntegerField(Words.t("reports.updateNumber"));
        number.setId("new-report-number");
        FormLayout form = new FormLayout(plan, title, number);
        form.setColspan(title, 2);
        Button start = new Button(Words.t("reports.create"), click -> {
            if (title.getValue().isBlank()) {
                title.setInvalid(true);
                title.setErrorMessage(Words.t("reports.giveTitle"));
                return;
            }
            ReportDocument.Header header = new ReportDocument.Header(null, null, title.getValue().strip(), null, null,
                    ReportDocument.Status.PUBLIC, null, false, false, null, null);
            ReportDocument document = new ReportDocument(number.getValue(), null, null, header, "", List.of(), List.of());
            UUID planId = plan.getValue() == null ? null : plan.getValue().id();
            java.util.concurrent.atomic.AtomicReference<UUID> created = new java.util.concurrent.atomic.AtomicReference<>();
            if (Feedback.attempt(() -> {
                Report report = reports.create(planId, document);
                created.set(report.id());
                cycle.start(report.id());
            })) {
                dialog.close();
                UI.getCurrent().navigate("reports/" + created.get() + "/edit");
            }
        });
        start.setId("create-report");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(Words.t("common.cancel"), c -> dialog.close()), start);
        dialog.open();
        title.focus();
    }
}
