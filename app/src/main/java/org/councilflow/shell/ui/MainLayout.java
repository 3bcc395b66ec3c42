package org.councilflow.shell.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.common.ui.StaffLanguage;
import org.councilflow.tenancy.CouncilChoice;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.Tenants;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpSession;

/**
 * The frame around every staff view: the council being worked in (its colour and initials, and a switch for people
 * with roles in several), navigation to the views this person's roles open (from the views' own {@code @Menu} and
 * access annotations, so the two never disagree), and the user menu with the way out.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout implements AfterNavigationObserver, com.vaadin.flow.router.HasDynamicTitle {

    private static final String STYLE = stylesheet();

    private final H1 viewTitle = new H1();
    private boolean navigated;

    MainLayout(AuthenticationContext authentication, CurrentUsers users, Tenants tenants) {
        Optional<Tenant> current = tenants.current();
        String colour = current.map(t -> t.settings().brandingColour()).orElse("#1f5fa8");
        // the council's colour as a custom property, so that views can pick it up too
        getElement().getStyle().set("--councilflow-brand", colour);

        Anchor home = new Anchor("", "CouncilFlow");
        home.getStyle().set("color", "inherit").set("text-decoration", "none");
        H1 product = new H1(home);
        product.addClassName("cf-product");
        product.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        viewTitle.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0")
                .set("font-weight", "normal").set("color", "var(--lumo-secondary-text-color)");
        viewTitle.setId("view-title");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu"));
        HorizontalLayout navbar = new HorizontalLayout(skipLink(), toggle, product, viewTitle);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(viewTitle);
        navbar.getStyle().set("padding-inline-end", "var(--lumo-space-m)")
                .set("border-top", "4px solid " + colour);
        navbar.setId("navbar");
        navbar.add(councilBadge(current, colour), councilSwitcher(current));
        users.current().ifPresent(user -> navbar.add(userMenu(user, current, authentication)));
        addToNavbar(navbar);

        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
        Element style = new Element("style");
        style.setText(STYLE);
        getElement().appendChild(style);
    }

    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        super.showRouterLayoutContent(content);
        // the target of the skip link, and the region a screen reader's "main" landmark names
        content.getElement().setAttribute("data-main-content", true);
        content.getElement().setAttribute("role", "main");
        // no tabindex on the view itself: a shadow host with tabindex -1 takes everything inside it out of the Tab
        // order; focus goes to the view's heading instead
        if (content instanceof Component view) {
            freezeActionColumns(view);
        }
    }

    /**
     * A grid's actions (its last column, when it holds components: buttons, links) stay in view at the grid's end,
     * so that on a phone they are not hidden until the grid is swiped sideways.
     */
    static void freezeActionColumns(Component view) {
        view.getChildren().forEach(child -> {
            if (child instanceof Grid<?> grid) {
                List<? extends Grid.Column<?>> columns = grid.getColumns().stream().filter(Grid.Column::isVisible).toList();
                if (!columns.isEmpty() && columns.get(columns.size() - 1).getRenderer() instanceof ComponentRenderer<?, ?>) {
                    columns.get(columns.size() - 1).setFrozenToEnd(true);
                }
            } else {
                freezeActionColumns(child);
            }
        });
    }

    /** "Skip to main content": the first stop of the Tab key on every page, shown once focused. */
    private static Component skipLink() {
        Anchor skip = new Anchor("#main-content", Words.t("shell.skip"));
        skip.addClassName("cf-skip-link");
        skip.setId("skip-link");
        // the router would treat the fragment as a navigation: move focus on the page itself instead
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " const h = document.querySelector('[data-main-content] h1, [data-main-content] h2');"
                + " if (h) { h.setAttribute('tabindex', '-1'); h.focus(); } })");
        return skip;
    }
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // the view's own title: the page's title is only updated after this layout has been told of the navigation
        viewTitle.setText(event.getActiveChain().stream().findFirst().map(view -> title(view.getClass())).orElse(""));
        if (!navigated) {
            // a page load: focus starts at the top of the page, where the skip link is the first Tab stop
            navigated = true;
            return;
        }
        // after a navigation inside the UI, focus goes to the view's heading (screen readers announce it), unless
        // the view has put it somewhere on purpose (a field, a dialog)
        getElement().executeJs("requestAnimationFrame(() => { const a = document.activeElement;"
                + " const main = document.querySelector('[data-main-content]');"
                + " if (!main || (a && a !== document.body && main.contains(a)) || document.querySelector('vaadin-dialog-overlay[opened]')) { return; }"
                + " const h = main.querySelector('h1, h2'); if (h) { h.setAttribute('tabindex', '-1');"
                + " h.focus({ preventScroll: true }); } })");
    }

    /** The page's title in the person's language: the view's own ({@code title.<View>}) and the product's name. */
    @Override
    public String getPageTitle() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().stream().findFirst()
                .map(view -> title(view.getClass()) + " · CouncilFlow").orElse("CouncilFlow");
    }

    /** A view's title from the bundle ({@code title.<simple class name>}), else its English {@code @PageTitle}. */
    static String title(Class<?> view) {
        String key = "title." + view.getSimpleName();
        String title = Words.t(key);
        if (!title.equals("!" + key + "!")) {
            return title;
        }
        return java.util.Optional.ofNullable(view.getAnnotation(com.vaadin.flow.router.PageTitle.class))
                .map(com.vaadin.flow.router.PageTitle::value).orElse("").replace(" · CouncilFlow", "");
    }

    private static String stylesheet() {
        try (var in = MainLayout.class.getResourceAsStream("shell.css")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("shell.css is missing from the class path", e);
        }
    }

    /** Every view this person may open, in the order the views ask for. */
    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("navigation");
        nav.getElement().setAttribute("aria-label", Words.t("shell.navigation"));
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(menuTitle(entry), entry.path());
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    /** The menu's name of a view ({@code menu.<simple class name>}), else its English {@code @Menu} title. */
    private static String menuTitle(MenuEntry entry) {
        if (entry.menuClass() == null) {
            return entry.title();
        }
        String key = "menu." + entry.menuClass().getSimpleName();
        String title = Words.t(key);
        return title.equals("!" + key + "!") ? entry.title() : title;
    }

    /** The council's initials in its colour: a recognisable mark without a logo upload. */
    private static Component councilBadge(Optional<Tenant> council, String colour) {
        if (council.isEmpty()) {
            return new Span();
        }
        Span mark = initials(council.get().displayName(), colour);
        mark.setId("council-mark");
        return mark;
    }

    /** Initials in a coloured disc, decoration only (the name is written beside it). */
    private static Span initials(String name, String colour) {
        String letters = java.util.Arrays.stream(name.split("\\s+")).filter(w -> !w.isEmpty() && Character.isUpperCase(w.charAt(0)))
                .filter(w -> !w.equals("London") && !w.equals("Borough") && !w.equals("Council"))
                .map(w -> w.substring(0, 1)).limit(2).reduce("", String::concat);
        Span mark = new Span(letters.isEmpty() ? name.substring(0, 1) : letters);
        mark.getElement().setAttribute("aria-hidden", "true");
        mark.getStyle().set("display", "inline-flex").set("align-items", "center").set("justify-content", "center")
                .set("width", "2.2em").set("height", "2.2em").set("border-radius", "50%").set("background", colour)
                .set("color", readableOn(colour)).set("font-weight", "700").set("font-size", "var(--lumo-font-size-s)");
        return mark;
    }

    /** Black or white, whichever reads better on the council's colour (WCAG relative luminance). */
    static String readableOn(String colour) {
        if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
            return "white";
        }
        double luminance = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(colour.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            luminance += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return luminance > 0.179 ? "#111827" : "white";
    }

    private static Component councilSwitcher(Optional<Tenant> current) {
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
        switcher.setAriaLabel(Words.t("shell.council"));
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

    private static Component userMenu(CurrentUser user, Optional<Tenant> council, AuthenticationContext authentication) {
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout label = new HorizontalLayout(initials(user.displayName(), "#374151"),
                new Span(user.displayName()));
        label.setAlignItems(FlexComponent.Alignment.CENTER);
        label.setSpacing(true);
        label.getChildren().skip(1).findFirst().ifPresent(name -> name.addClassName("cf-user-name"));
        MenuItem root = menu.addItem(label);
        root.setAriaLabel(Words.t("shell.userMenu", user.displayName()));
        SubMenu sub = root.getSubMenu();
        String roles = council.map(c -> String.join(", ", user.rolesIn(c.slug()).stream().map(role -> Words.t("role." + role.groupName())).toList()))
                .filter(r -> !r.isEmpty()).orElse(Words.t(user.platformAdmin() ? "shell.platformAdmin" : "shell.noRole"));
        MenuItem who = sub.addItem(Words.t("shell.signedInAs", user.username(), roles));
        who.setEnabled(false);
        languages(sub);
        MenuItem signOut = sub.addItem(new Div(VaadinIcon.SIGN_OUT.create(), new Span(" " + Words.t("shell.signOut"))),
                click -> authentication.logout());
        signOut.setId("sign-out");
        return menu;
    }

    /**
     * English and Cymraeg, each named in its own language and marked with its {@code lang}, the one in use checked:
     * choosing one remembers it in this browser and redraws the page in it (ADR 0016).
     */
    private static void languages(SubMenu sub) {
        java.util.Locale current = UI.getCurrent().getLocale();
        for (java.util.Locale language : List.of(StaffLanguage.ENGLISH, StaffLanguage.WELSH)) {
            boolean welsh = StaffLanguage.welsh(language);
            Span name = new Span(welsh ? "Cymraeg" : "English");
            name.getElement().setAttribute("lang", language.getLanguage());
            MenuItem item = sub.addItem(name, click -> StaffLanguage.choose(language));
            item.setId("language-" + language.getLanguage());
            item.setCheckable(true);
            item.setChecked(StaffLanguage.welsh(current) == welsh);
        }
    }
}
