package org.councilflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.PublishedCycle;
import org.councilflow.support.StaffUi;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

/** The home page's dashboard per role: tasks with their due dates, next meetings, recent decisions, the plan. */
@IntegrationTest
class HomeDashboardTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublishedCycle cycle;

    @BeforeEach
    void setUp() {
        cycle = new PublishedCycle(new Api(rest), engine);
    }

    @AfterEach
    void resetClock() {
        cycle.resetClock();
    }

    @Test
    void theAuthorSeesTheirDraftDueTheNextMeetingTheDecisionsAndThePlan() {
        String draft = cycle.started();
        cycle.published(false);
        StaffUi.as(context, "barnet.author", () -> {
            assertThat(panels()).containsExactly("my-tasks", "next-meetings", "recent-decisions", "plan-glance");
            assertThat(_get(Paragraph.class, spec -> spec.withId("task-counts")).getText())
                    .startsWith("0 claimed by you, 1 waiting to be claimed.");
            assertThat(hrefs()).contains("reports/" + draft + "/edit", "inbox", "plans")
                    .anySatisfy(href -> assertThat(href).startsWith("/councils/barnet/decisions/"));
            assertThat(_get(Section.class, spec -> spec.withId("my-tasks")).getElement().getTextRecursively())
                    .contains("Draft update, due ");
            assertThat(_get(Section.class, spec -> spec.withId("next-meetings")).getElement().getTextRecursively())
                    .contains("Children, Education & Safeguarding Committee", "Hendon Town Hall");
            assertThat(_get(Section.class, spec -> spec.withId("plan-glance")).getElement().getTextRecursively())
                    .containsPattern("\\d+ actions? in \\d+ themes?;");
        });
    }

    @Test
    void aMemberSeesPublishedMeetingsAndDecisionsButNoTasksNorTheWorkingPlan() {
        cycle.published(true);
        String draft = cycle.started();
        StaffUi.as(context, "barnet.member", () -> {
            assertThat(panels()).containsExactly("next-meetings", "recent-decisions");
            assertThat(hrefs()).contains("papers").noneSatisfy(href -> assertThat(href).contains(draft));
            assertThat(_get(Section.class, spec -> spec.withId("recent-decisions")).getElement().getTextRecursively())
                    .contains("Call-in until");
        });
        StaffUi.as(context, "tower-hamlets.member", () -> assertThat(_get(Section.class, spec -> spec.withId("recent-decisions"))
                .getElement().getTextRecursively()).contains("No decision published yet."));
    }

    @Test
    void aTenantAdminHasNoTaskPanelAndAPlatformAdminNoDashboard() {
        StaffUi.as(context, "barnet.tenant-admin", () -> assertThat(panels()).containsExactly("next-meetings",
                "recent-decisions", "plan-glance"));
        StaffUi.as(context, "platform.admin", () -> assertThat(panels()).isEmpty());
    }

    private static List<String> panels() {
        return _find(Section.class).stream().map(s -> s.getId().orElse("")).filter(id -> !id.isEmpty()).toList();
    }

    private static List<String> hrefs() {
        return _find(Anchor.class).stream().map(Anchor::getHref).toList();
    }
}
