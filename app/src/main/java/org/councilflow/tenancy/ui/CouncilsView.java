package org.councilflow.tenancy.ui;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Feedback;
import org.councilflow.tenancy.NewTenant;
import org.councilflow.tenancy.PlatformTenants;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantStatus;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** The platform operator's councils: onboard one, suspend or reactivate. */
@Route("platform/councils")
@PageTitle("Councils · CouncilFlow")
@Menu(title = "Councils", order = 20, icon = "vaadin:building")
@RolesAllowed("PLATFORM_ADMIN")
class CouncilsView extends VerticalLayout {

    private final PlatformTenants councils;
    final Grid<Tenant> grid = new Grid<>();

    CouncilsView(PlatformTenants councils) {
        this.councils = councils;
        grid.setId("councils");
        grid.setAriaLabel("Councils on the platform");
        grid.addColumn(Tenant::slug).setHeader("Slug").setAutoWidth(true);
        grid.addColumn(Tenant::displayName).setHeader("Council").setFlexGrow(2);
        grid.addComponentColumn(t -> Badge.of(t.status().name().toLowerCase(), t.status() == TenantStatus.ACTIVE
                ? Badge.Tone.SUCCESS : Badge.Tone.WARNING)).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::action).setHeader("Action").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        refresh();
        add(new H2("Councils"), grid, new H3("Onboard a council"), onboard());
    }

    private void refresh() {
        grid.setItems(councils.all());
    }

    private Component action(Tenant council) {
        if (council.status() == TenantStatus.ACTIVE) {
            Button suspend = new Button("Suspend", click -> {
                if (Feedback.attempt(() -> councils.suspend(council.slug(), "Suspended by the platform operator"))) {
                    refresh();
                }
            });
            suspend.setAriaLabel("Suspend " + council.displayName());
            return suspend;
        }
        Button reactivate = new Button("Reactivate", click -> {
            if (Feedback.attempt(() -> councils.reactivate(council.slug()))) {
                refresh();
            }
        });
        reactivate.setAriaLabel("Reactivate " + council.displayName());
        return reactivate;
    }

    private Component onboard() {
        TextField slug = new TextField("Slug");
        slug.setHelperText("e.g. tower-hamlets");
        TextField name = new TextField("Council name");
        EmailField email = new EmailField("First administrator's email");
        TextField first = new TextField("First name");
        TextField last = new TextField("Last name");
        Button onboard = new Button("Onboard", click -> {
            java.util.concurrent.atomic.AtomicReference<PlatformTenants.Onboarded> done = new java.util.concurrent.atomic.AtomicReference<>();
            boolean ok;
            try {
                ok = Feedback.attempt(() -> done.set(councils.onboard(new NewTenant(slug.getValue(), name.getValue(),
                        new NewTenant.FirstAdmin(email.getValue(), first.getValue(), last.getValue())))));
            } catch (PlatformTenants.OnboardingFailedException e) {
                Feedback.error(e.getMessage());
                ok = false;
            }
            if (ok) {
                Feedback.success("Onboarded. Administrator " + done.get().adminUsername()
                        + (done.get().adminTemporaryPassword() == null ? "" : ", temporary password " + done.get().adminTemporaryPassword()));
                refresh();
            }
        });
        onboard.setId("onboard");
        return new FormLayout(slug, name, email, first, last, onboard);
    }
}
