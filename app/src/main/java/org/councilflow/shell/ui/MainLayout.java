package org.councilflow.shell.ui;

import java.util.Map;
import java.util.Optional;

import org.councilflow.identity.CurrentUsers;
import org.councilflow.tenancy.CouncilChoice;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.Tenants;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpSession;

/** The frame around every staff view: the council being worked in (and a switch), navigation, and the way out. */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication, CurrentUsers users, Tenants tenants) {
        H1 title = new H1("CouncilFlow");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(title);
        navbar.getStyle().set("padding-inline-end", "var(--lumo-space-m)");

        Optional<Tenant> current = tenants.current();
        current.ifPresent(tenant -> navbar.getStyle().set("border-top", "4px solid " + tenant.settings().brandingColour()));
        navbar.add(councilSwitcher(current));

        users.current().ifPresent(user -> navbar.add(new Span(user.displayName())));
        Button logout = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        navbar.add(logout);
        addToNavbar(navbar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Home", HomeView.class, VaadinIcon.HOME.create()));
        addToDrawer(nav);
    }

    private static com.vaadin.flow.component.Component councilSwitcher(Optional<Tenant> current) {
        HttpSession session = VaadinServletRequest.getCurrent().getHttpServletRequest().getSession();
        Map<String, String> councils = CouncilChoice.available(session);
        String chosen = CouncilChoice.chosen(session).orElse(null);
        if (councils.size() < 2) {
            Span council = new Span(current.map(Tenant::displayName).orElse(chosen == null ? "" : councils.getOrDefault(chosen, chosen)));
            council.setId("council");
            return council;
        }
        Select<String> switcher = new Select<>();
        switcher.setId("council-switcher");
        switcher.setAriaLabel("Council");
        switcher.setWidth("22em");
        switcher.setItems(councils.keySet());
        switcher.setItemLabelGenerator(slug -> councils.getOrDefault(slug, slug));
        switcher.setValue(chosen);
        switcher.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                CouncilChoice.choose(session, change.getValue());
                UI.getCurrent().getPage().setLocation("/");
            }
        });
        return switcher;
    }
}
