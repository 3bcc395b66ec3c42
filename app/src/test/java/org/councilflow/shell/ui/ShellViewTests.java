package org.councilflow.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The frame around the views, without a browser: navigation by role, the council's colour, error pages. */
@IntegrationTest
class ShellViewTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theNavigationOffersExactlyTheViewsThePersonsRolesOpen() {
        StaffUi.as(context, "barnet.author", () -> assertThat(navigation())
                .containsExactly("Inbox", "Reports", "Plans"));
        StaffUi.as(context, "barnet.clerk", () -> assertThat(navigation())
                .containsExactly("Inbox", "Reports", "Team tasks", "Pipeline", "Meetings", "Plans", "Council papers"));
        StaffUi.as(context, "barnet.manager", () -> assertThat(navigation())
                .containsExactly("Inbox", "Reports", "Team tasks", "Pipeline", "Plans"));
        StaffUi.as(context, "barnet.member", () -> assertThat(navigation())
                .containsExactly("Council papers"));
        StaffUi.as(context, "barnet.tenant-admin", () -> assertThat(navigation())
                .containsExactly("Reports", "Plans", "Council settings", "People", "Committees", "History import", "Workflow"));
        StaffUi.as(context, "platform.admin", () -> assertThat(navigation())
                .containsExactly("History import", "Councils"));
    }

    @Test
    void theFrameCarriesTheCouncilsColour() {
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("inbox");
            MainLayout layout = _get(MainLayout.class);
            assertThat(layout.getElement().getStyle().get("--councilflow-brand")).isEqualTo("#00703c");
            assertThat(_get(com.vaadin.flow.component.html.H1.class, spec -> spec.withId("view-title")).getText()).isEqualTo("Inbox");
            UI.getCurrent().navigate("reports");
            assertThat(_get(com.vaadin.flow.component.html.H1.class, spec -> spec.withId("view-title")).getText()).isEqualTo("Reports");
        });
    }

    @Test
    void everyViewIsMarkedAsTheMainContentAndAGridsActionsStayInViewAtItsEnd() {
        StaffUi.as(context, "barnet.author", () -> {
            assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("skip-link")).getHref())
                    .isEqualTo("#main-content");
            for (String view : List.of("inbox", "reports")) {
                UI.getCurrent().navigate(view);
                com.vaadin.flow.component.grid.Grid<?> grid = _get(com.vaadin.flow.component.grid.Grid.class);
                assertThat(grid.getParent().orElseThrow().getElement().getAttribute("data-main-content")).as(view).isNotNull();
                assertThat(grid.getColumns().get(grid.getColumns().size() - 1).isFrozenToEnd()).as(view + ": actions frozen").isTrue();
                assertThat(grid.getColumns().get(0).isFrozenToEnd()).isFalse();
            }
        });
    }

    @Test
    void aViewTheRolesDoNotOpenIsRefusedWithAPlainPage() {
        StaffUi.as(context, "barnet.member", () -> {
            UI.getCurrent().navigate("inbox");
            assertThat(_get(ErrorPage.class).getChildren().count()).isPositive();
            assertThat(errorTitle()).isIn("You cannot open this page", "Page not found");
        });
    }

    @Test
    void aReportOfNoSuchIdIsNotFoundInThisCouncil() {
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("reports/" + UUID.randomUUID() + "/history");
            assertThat(errorTitle()).startsWith("Not found in ");
        });
    }

    static String errorTitle() {
        return _get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("error-title")).getText();
    }

    static List<String> navigation() {
        return _get(SideNav.class, spec -> spec.withId("navigation")).getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
