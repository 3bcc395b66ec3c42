package org.councilflow.tenancy.ui;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Feedback;
import org.councilflow.tenancy.NewTenant;
import org.councilflow.tenancy.PlatformTenants;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantStatus;
import org.councilflow.common.ui.Words;

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
        grid.setAriaLabel(Words.t("councils.gridLabel"));
        grid.addColumn(Tenant::slug).setHeader(Words.t("councils.slug")).setAutoWidth(true);
        grid.addColumn(Tenant::displayName).setHeader(Words.t("councils.council")).setFlexGrow(2);
        grid.addComponentColumn(t -> Badge.of(t.status().name().toLowerCase(), t.status() == TenantStatus.ACTIVE
                ? Badge.Tone.SUCCESS : Badge.Tone.WARNING)).setHeader(Words.t("councils.status")).setAutoWidth(true);
        grid.addComponentColumn(this::action).setHeader(Words.t("councils.action")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        refresh();
        add(new H2(Words.t("councils.heading")), grid, new H3(Words.t("councils.onboardHeading")), onboard());
    }

    private void refresh() {
        grid.setItems(councils.all());
    }

    private Component action(Tenant council) {
        if (council.status() == TenantStatus.ACTIVE) {
            Button suspend = new Button(Words.t("councils.suspend"), click -> {
                if (Feedback.attempt(() -> councils.suspend(council.slug(), "Suspended by the platform operator"))) {
                    refresh();
                }
            });
            suspend.setAriaLabel(Words.t("councils.suspendLabel", council.displayName()));
            return suspend;
        }
        Button reactivate = new Button(Words.t("councils.reactivate"), click -> {
            if (Feedback.attempt(() -> councils.reactivate(council.slug()))) {
                refresh();
            }
        });
        reactivate.setAriaLabel(Words.t("councils.reactivateLabel", council.displayName()));
        return reactivate;
    }

    private Component onboard() {
        TextField slug = new TextField(Words.t("councils.slug"));
        slug.setHelperText(Words.t("councils.slugHelp"));
        TextField name = new TextField(Words.t("councils.name"));
        EmailField email = new EmailField(Words.t("councils.adminEmail"));
        TextField first = new TextField(Words.t("people.firstName"));
        TextField last = new TextField(Words.t("people.lastName"));
        Button onboard = new Button(Words.t("councils.onboard"), click -> {
            java.util.concurrent.atomic.AtomicReference<PlatformTenants.Onboarded> done = new java.util.concurrent.atomic.AtomicReference<>();
            boolean ok;
            try {
                ok = Feedback.attempt(() -> done.set(councils.onboard(new NewTenant(slug.getValue(), name.getValue(),
                        new NewTenant.FirstAdmin(email.getValue(), first.getValue(), last.getValue())))));
            } catch (PlatformTenants.OnboardingFailedException e) {
                // a Refusal, in the operator's language
                Feedback.error(Feedback.describe(e));
                ok = false;
            }
            if (ok) {
                Feedback.success(done.get().adminTemporaryPassword() == null ? Words.t("councils.onboarded", done.get().adminUsername()) : Words.t("councils.onboardedPassword", done.get().adminUsername(), done.get().adminTemporaryPassword()));
                refresh();
            }
        });
        onboard.setId("onboard");
        return new FormLayout(slug, name, email, first, last, onboard);
    }
}
