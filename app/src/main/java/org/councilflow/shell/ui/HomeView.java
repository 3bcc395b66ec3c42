package org.councilflow.shell.ui;

import java.util.Optional;

import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;
import org.councilflow.tenancy.CouncilChoice;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.Tenants;

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

/** Where staff land after signing in: a greeting, the council they work in and what they may do there. */
@Route("")
@PageTitle("Home · CouncilFlow")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(CurrentUsers users, Tenants tenants) {
        CurrentUser user = users.require();
        H2 greeting = new H2("Welcome, " + user.displayName());
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
            Paragraph working = new Paragraph("You are working in " + tenant.displayName() + " as "
                    + String.join(", ", user.rolesIn(tenant.slug()).stream().map(Role::groupName).toList()) + ".");
            working.setId("working-in");
            add(working);
            if (user.rolesIn(tenant.slug()).equals(java.util.EnumSet.of(Role.MEMBER))) {
                // councillors read what the public reads: the staff views hold work not yet signed off
                Anchor site = new Anchor("/councils/" + tenant.slug(), "the council's published agendas, reports and decisions");
                site.setId("public-site");
                add(new Paragraph(new com.vaadin.flow.component.Text("As a councillor you read "), site,
                        new com.vaadin.flow.component.Text(".")));
            }
        });
        if (user.tenantRoles().isEmpty()) {
            add(new Paragraph(user.platformAdmin()
                    ? "You administer the CouncilFlow platform."
                    : "You have no role in any council yet. Ask your council's administrator for access."));
            return;
        }
        add(new Paragraph("Your councils and roles:"));
        UnorderedList councils = new UnorderedList();
        user.tenantRoles().forEach((tenant, roles) -> councils.add(new ListItem(
                tenant + ": " + String.join(", ", roles.stream().map(Role::groupName).toList()))));
        add(councils);
    }
}
