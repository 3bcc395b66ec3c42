package org.councilflow.shell.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;
import org.councilflow.tenancy.CouncilChoice;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.Tenants;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;

import jakarta.annotation.security.PermitAll;

/**
 * Where staff land after signing in: a greeting, the council they work in, and a dashboard of what their roles
 * there call for (their tasks and what is overdue, the next meetings, recent decisions, the plan at a glance), from
 * the panels the features contribute.
 */
@Route("")
@PageTitle("Home · CouncilFlow")
@PermitAll
class HomeView extends VerticalLayout {

    final Div dashboard = new Div();

    HomeView(CurrentUsers users, Tenants tenants, List<HomePanel> panels) {
        CurrentUser user = users.require();
        H2 greeting = new H2(Words.t("home.welcome", user.displayName()));
        greeting.setId("greeting");
        add(greeting);

        Object refusal = VaadinRequest.getCurrent().getAttribute(CouncilChoice.REFUSAL);
        if (refusal != null) {
            Div alert = new Div(refusal.toString());
            alert.setId("council-refusal");
            alert.getElement().setAttribute("role", "alert");
            alert.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            add(alert);
        }
        Optional<Tenant> council = tenants.current();
        council.ifPresent(tenant -> {
            Set<Role> roles = user.rolesIn(tenant.slug());
            Paragraph working = new Paragraph(Words.t("home.workingIn", tenant.displayName(), String.join(", ", roles.stream().map(role -> Words.t("role." + role.groupName())).toList())));
            working.setId("working-in");
            add(working);
            if (roles.equals(java.util.EnumSet.of(Role.MEMBER))) {
                // councillors read what the public reads: the staff views hold work not yet signed off
                Anchor site = new Anchor("/councils/" + tenant.slug(), Words.t("home.publicSite"));
                site.setId("public-site");
                site.getElement().setAttribute("router-ignore", true);
                add(new Paragraph(new Text(Words.t("home.councillor") + " "), site, new Text(".")));
            }
            dashboard.setId("home-dashboard");
            // cards side by side on a wide screen, one under the other on a phone
            dashboard.getStyle().set("display", "grid").set("gap", "var(--lumo-space-m)").set("width", "100%")
                    .set("grid-template-columns", "repeat(auto-fit, minmax(min(100%, 22em), 1fr))");
            panels.stream().sorted(Comparator.comparingInt(HomePanel::order))
                    .map(panel -> panel.render(roles)).flatMap(Optional::stream).forEach(this::addPanel);
            if (dashboard.getChildren().findAny().isPresent()) {
                add(dashboard);
            }
        });
        if (user.tenantRoles().isEmpty()) {
            add(new Paragraph(user.platformAdmin()
                    ? Words.t("home.platformAdmin")
                    : Words.t("home.noRole")));
            return;
        }
        add(new Paragraph(Words.t("home.yourCouncils")));
        UnorderedList councils = new UnorderedList();
        user.tenantRoles().forEach((tenant, roles) -> councils.add(new ListItem(
                tenant + ": " + String.join(", ", roles.stream().map(role -> Words.t("role." + role.groupName())).toList()))));
        add(councils);
    }

    private void addPanel(Component panel) {
        dashboard.add(panel);
    }
}
