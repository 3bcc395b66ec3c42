package org.councilflow.tenancy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.councilflow.identity.Role;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Mailbox;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

/** The people view invites by e-mail, says the same for every address, and lists people only once they accept. */
@IntegrationTest
class PeopleViewTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theTenantAdminSendsAnInvitationAndNobodyJoinsUntilItIsAccepted() {
        String email = "invitee." + System.nanoTime() + "@example.test";
        StaffUi.as(context, "barnet.tenant-admin", () -> {
            UI.getCurrent().navigate(PeopleView.class);
            PeopleView view = _get(PeopleView.class);
            int before = GridKt._size(view.grid);

            invite(email, "Nia", "Jones");

            assertThat(texts()).contains("Invitation sent to " + email + ". They appear here once they accept it.");
            assertThat(GridKt._size(view.grid)).isEqualTo(before);
        });
        assertThat(Mailbox.to(email)).anySatisfy(text -> assertThat(text).contains("/invitation?token=barnet."));
    }

    @Test
    void aNameTheIdentityProviderRefusesIsExplainedAndNothingIsSent() {
        String email = "refused." + System.nanoTime() + "@example.test";
        StaffUi.as(context, "barnet.tenant-admin", () -> {
            UI.getCurrent().navigate(PeopleView.class);

            invite(email, "O'Brien & Co", "Jones");

            assertThat(texts()).anySatisfy(text -> assertThat(text).startsWith("Not saved: first name must not contain"));
        });
        assertThat(Mailbox.to(email)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void invite(String email, String first, String last) {
        _get(EmailField.class, spec -> spec.withLabel("Email")).setValue(email);
        _get(TextField.class, spec -> spec.withLabel("First name")).setValue(first);
        _get(TextField.class, spec -> spec.withLabel("Last name")).setValue(last);
        ((CheckboxGroup<Role>) _get(CheckboxGroup.class, spec -> spec.withLabel("Roles"))).setValue(Set.of(Role.AUTHOR));
        _click(_get(Button.class, spec -> spec.withId("add-person")));
    }

    private static List<String> texts() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
    }
}
