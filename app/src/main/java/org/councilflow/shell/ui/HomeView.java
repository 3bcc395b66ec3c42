package org.councilflow.shell.ui;

import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Where staff land after signing in: a greeting and the councils they work in. */
@Route("")
@PageTitle("Home · CouncilFlow")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(CurrentUsers users) {
        CurrentUser user = users.require();
        H2 greeting = new H2("Welcome, " + user.displayName());
        greeting.setId("greeting");
        add(greeting);
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
