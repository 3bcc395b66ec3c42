package org.councilflow.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

/**
 * The staff UI offers a councillor none of the working views, only the council's published papers: the plan
 * dashboard is refused.
 */
@IntegrationTest
class MemberStaffUiTests {

    @Autowired
    ApplicationContext context;

    @Test
    void aMemberIsOfferedNoStaffViewAndIsRefusedThePlanDashboard() {
        StaffUi.as(context, "barnet.member", () -> {
            assertThat(_get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList())
                    .containsExactly("Council papers");
            assertThat(_get(Anchor.class, spec -> spec.withId("public-site")).getHref()).isEqualTo("/councils/barnet");

            UI.getCurrent().navigate("plans");

            assertThat(_find(H2.class, spec -> spec.withId("error-title"))).as("refused").hasSize(1);
            assertThat(_get(H2.class, spec -> spec.withId("error-title")).getText())
                    .isIn("You cannot open this page", "Page not found");
        });
        StaffUi.as(context, "barnet.board", () -> assertThat(_get(SideNav.class).getItems().stream()
                .map(SideNavItem::getLabel).toList()).contains("Plans"));
    }
}
