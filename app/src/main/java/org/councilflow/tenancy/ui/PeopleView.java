package org.councilflow.tenancy.ui;

import java.util.EnumSet;
import java.util.Set;

import org.councilflow.common.ui.Feedback;
import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory.DirectoryUser;
import org.councilflow.tenancy.Invitations;
import org.councilflow.tenancy.TenantUsers;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** The council's people and their roles (kept in Keycloak), for its administrator. */
@Route("admin/people")
@PageTitle("People · CouncilFlow")
@Menu(title = "People", order = 11, icon = "vaadin:users")
@RolesAllowed("TENANT_ADMIN")
class PeopleView extends VerticalLayout {

    private final TenantUsers users;
    private final Invitations invitations;
    final Grid<DirectoryUser> grid = new Grid<>();

    PeopleView(TenantUsers users, Invitations invitations) {
        this.users = users;
        this.invitations = invitations;
        grid.setId("people");
        grid.setAriaLabel("People of the council");
        grid.addColumn(DirectoryUser::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(u -> u.firstName() + " " + u.lastName()).setHeader("Name");
        grid.addComponentColumn(this::roles).setHeader("Roles").setFlexGrow(3);
        grid.setAllRowsVisible(true);
        refresh();
        add(new H2("People"), grid, new H3("Invite someone"), invite());
    }

    private void refresh() {
        grid.setItems(users.all());
    }

    private Component roles(DirectoryUser user) {
        HorizontalLayout boxes = new HorizontalLayout();
        boxes.setWrap(true);
        for (Role role : Role.values()) {
            Checkbox box = new Checkbox(role.groupName(), user.roles().contains(role));
            box.setAriaLabel(role.groupName() + " role of " + user.username());
            box.addValueChangeListener(change -> {
                if (!change.isFromClient()) {
                    return;
                }
                boolean done = Feedback.attempt(() -> {
                    if (change.getValue()) {
                        users.grant(user.id(), role);
                    } else {
                        users.revoke(user.id(), role);
                    }
                });
                if (done) {
                    Feedback.success((change.getValue() ? "Granted " : "Revoked ") + role.groupName() + " for "
                            + user.username() + "; it takes effect at their next sign-in.");
                } else {
                    box.setValue(change.getOldValue());
                }
            });
            boxes.add(box);
        }
        return boxes;
    }

    private Component invite() {
        EmailField email = new EmailField("Email");
        TextField first = new TextField("First name");
        TextField last = new TextField("Last name");
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::groupName);
        Button add = new Button("Send invitation", click -> {
            Set<Role> chosen = roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue());
            if (Feedback.attempt(() -> invitations.invite(new TenantUsers.Invitation(email.getValue(), first.getValue(),
                    last.getValue(), chosen)))) {
                // the same message whether or not the address has an account: nothing about it is disclosed
                Feedback.success("Invitation sent to " + email.getValue().strip() + ". They appear here once they accept it.");
                email.clear();
                first.clear();
                last.clear();
                roles.clear();
            }
        });
        add.setId("add-person");
        FormLayout form = new FormLayout(email, first, last, roles, add);
        return form;
    }
}
