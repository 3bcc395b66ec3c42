package org.councilflow.tenancy.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.councilflow.common.ui.Feedback;
import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory.DirectoryUser;
import org.councilflow.tenancy.Invitations;
import org.councilflow.tenancy.TenantUsers;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
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
        grid.setAriaLabel(Words.t("people.gridLabel"));
        grid.addColumn(DirectoryUser::username).setHeader(Words.t("people.username")).setAutoWidth(true);
        grid.addColumn(u -> u.firstName() + " " + u.lastName()).setHeader(Words.t("people.name"));
        grid.addColumn(u -> RoleChoices.summary(u.roles())).setHeader(Words.t("people.roles")).setFlexGrow(2);
        grid.addComponentColumn(this::rolesButton).setHeader(Words.t("people.change")).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        refresh();
        add(new H2(Words.t("people.heading")), grid, new H3(Words.t("people.invite")), invite());
    }

    private void refresh() {
        grid.setItems(users.all());
    }

    private Component rolesButton(DirectoryUser user) {
        Button change = new Button(Words.t("people.changeRoles"), click -> editRoles(user));
        change.addThemeVariants(ButtonVariant.LUMO_SMALL);
        change.getElement().setAttribute("aria-label", Words.t("people.changeRolesOf", user.username()));
        change.addClassName("change-roles");
        return change;
    }

    /** The person's roles as plain choices; nothing changes until "Save roles". */
    void editRoles(DirectoryUser user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Words.t("people.rolesOf", user.firstName() + " " + user.lastName()));
        CheckboxGroup<Role> choices = roleChoices(Words.t("people.whatTheyDo", user.username()));
        choices.setId("role-choices");
        choices.setValue(user.roles());
        Paragraph note = new Paragraph(Words.t("people.nextSignIn"));
        Button save = new Button(Words.t("people.saveRoles"), click -> {
            Set<Role> wanted = choices.getValue();
            List<Role> granted = new ArrayList<>();
            List<Role> revoked = new ArrayList<>();
            boolean done = Feedback.attempt(() -> {
                for (Role role : Role.values()) {
                    if (wanted.contains(role) && !user.roles().contains(role)) {
                        users.grant(user.id(), role);
                        granted.add(role);
                    } else if (!wanted.contains(role) && user.roles().contains(role)) {
                        users.revoke(user.id(), role);
                        revoked.add(role);
                    }
                }
            });
            if (done) {
                dialog.close();
                Feedback.success(granted.isEmpty() && revoked.isEmpty() ? Words.t("people.noChange", user.username())
                        : Words.t("people.saved", user.username(), RoleChoices.summary(wanted.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(wanted))));
            } else if (!granted.isEmpty() || !revoked.isEmpty()) {
                // some changes went through before the refusal: say which, so that nothing is silently half done
                Feedback.error(Words.t("people.partly", (granted.isEmpty() ? "" : Words.t("people.granted", RoleChoices.summary(EnumSet.copyOf(granted))) + " ") + (revoked.isEmpty() ? "" : Words.t("people.removed", RoleChoices.summary(EnumSet.copyOf(revoked))))));
            }
            refresh();
        });
        save.setId("save-roles");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(choices, note);
        dialog.getFooter().add(new Button(Words.t("common.cancel"), c -> dialog.close()), save);
        dialog.setWidth("min(36em, 95vw)");
        dialog.open();
    }

    private static CheckboxGroup<Role> roleChoices(String label) {
        CheckboxGroup<Role> choices = new CheckboxGroup<>(label);
        choices.setItems(Role.values());
        choices.setItemLabelGenerator(RoleChoices::label);
        choices.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        return choices;
    }

    private Component invite() {
        EmailField email = new EmailField(Words.t("people.email"));
        TextField first = new TextField(Words.t("people.firstName"));
        TextField last = new TextField(Words.t("people.lastName"));
        CheckboxGroup<Role> roles = roleChoices(Words.t("people.roles"));
        Button add = new Button(Words.t("people.sendInvitation"), click -> {
            Set<Role> chosen = roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue());
            if (Feedback.attempt(() -> invitations.invite(new TenantUsers.Invitation(email.getValue(), first.getValue(),
                    last.getValue(), chosen)))) {
                // the same message whether or not the address has an account: nothing about it is disclosed
                Feedback.success(Words.t("people.invited", email.getValue().strip()));
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
