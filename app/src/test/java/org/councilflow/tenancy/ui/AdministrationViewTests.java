package org.councilflow.tenancy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import org.councilflow.identity.Role;
import org.councilflow.identity.TenantDirectory.DirectoryUser;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.councilflow.tenancy.TenantUsers;
import org.councilflow.tenancy.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H2;

/** Council settings say they were saved; roles are plain choices saved explicitly; other roles are refused both. */
@IntegrationTest
class AdministrationViewTests {

    @Autowired
    ApplicationContext context;

    String restoreRolesOf;

    @AfterEach
    void restoreRoles() {
        if (restoreRolesOf != null) {
            StaffUi.as(context, "barnet.tenant-admin", () -> {
                TenantUsers users = context.getBean(TenantUsers.class);
                users.revoke(restoreRolesOf, Role.BOARD);
            });
        }
    }

    @Test
    void savedSettingsAreConfirmedOnThePageTheSaveReloads() {
        StaffUi.as(context, "barnet.tenant-admin", () -> {
            UI.getCurrent().navigate(SettingsView.class);
            SettingsView view = _get(SettingsView.class);
            assertThat(view.saved.getText()).isEmpty();
            view.callIn.setValue(view.callIn.getValue() + 1);
            _click(_get(Button.class, spec -> spec.withId("save-settings")));

            // the page the save reloads (Karibu rebuilds the view as the browser's reload would)
            SettingsView reloaded = _get(SettingsView.class);
            assertThat(reloaded).isNotSameAs(view);
            assertThat(reloaded.saved.getText()).startsWith("Settings saved at ");
            assertThat(reloaded.saved.getElement().getAttribute("role")).isEqualTo("status");
            assertThat(reloaded.callIn.getValue()).isEqualTo(view.callIn.getValue());

            UI.getCurrent().navigate("");
            UI.getCurrent().navigate(SettingsView.class);
            assertThat(_get(SettingsView.class).saved.getText()).as("said once").isEmpty();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void rolesArePlainChoicesAndChangeOnlyOnSave() {
        StaffUi.as(context, "barnet.tenant-admin", () -> {
            UI.getCurrent().navigate(PeopleView.class);
            PeopleView view = _get(PeopleView.class);
            DirectoryUser clerk = person("barnet.clerk");
            restoreRolesOf = clerk.id();
            view.editRoles(clerk);
            CheckboxGroup<Role> choices = _get(CheckboxGroup.class, spec -> spec.withId("role-choices"));
            assertThat(choices.getItemLabelGenerator().apply(Role.BOARD_CHAIR)).isEqualTo("Chairs the improvement board's review (board chair)");
            choices.setValue(EnumSet.of(Role.CLERK, Role.BOARD));
            assertThat(person("barnet.clerk").roles()).as("nothing before the save").containsExactly(Role.CLERK);

            _click(_get(Button.class, spec -> spec.withId("save-roles")));

            assertThat(person("barnet.clerk").roles()).containsExactlyInAnyOrder(Role.CLERK, Role.BOARD);
            assertThat(NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")))
                    .contains("Roles of barnet.clerk saved: board, clerk. They take effect at their next sign-in.");
        });
    }

    @Test
    void noOtherRoleReachesTheAdministrationViewsOrTheirServices() {
        for (String user : List.of("barnet.clerk", "barnet.manager", "barnet.member", "tower-hamlets.author")) {
            StaffUi.as(context, user, () -> {
                for (String path : List.of("admin/settings", "admin/people")) {
                    UI.getCurrent().navigate(path);
                    assertThat(_find(SettingsView.class)).as(user + " " + path).isEmpty();
                    assertThat(_find(PeopleView.class)).as(user + " " + path).isEmpty();
                    assertThat(_get(H2.class, spec -> spec.withId("error-title")).getText())
                            .isIn("You cannot open this page", "Page not found");
                }
                assertThatThrownBy(() -> context.getBean(TenantUsers.class).grant("any", Role.TENANT_ADMIN))
                        .isInstanceOf(AccessDeniedException.class);
                Tenants tenants = context.getBean(Tenants.class);
                var council = tenants.requireCurrent();
                assertThatThrownBy(() -> tenants.updateSettings("Hijacked", council.settings(), council.version()))
                        .isInstanceOf(AccessDeniedException.class);
            });
        }
    }

    private DirectoryUser person(String username) {
        return context.getBean(TenantUsers.class).all().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }
}
