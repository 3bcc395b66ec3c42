package org.councilflow.shell.ui;

import org.councilflow.identity.CurrentUsers;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/** The frame around every staff view: title, navigation and the signed-in user with a way out. */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication, CurrentUsers users) {
        H1 title = new H1("CouncilFlow");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        HorizontalLayout userArea = new HorizontalLayout();
        userArea.setAlignItems(FlexComponent.Alignment.CENTER);
        users.current().ifPresent(user -> userArea.add(new Span(user.displayName())));
        Button logout = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        userArea.add(logout);

        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title, userArea);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(title);
        navbar.getStyle().set("padding-inline-end", "var(--lumo-space-m)");
        addToNavbar(navbar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Home", HomeView.class, VaadinIcon.HOME.create()));
        addToDrawer(nav);
    }
}
