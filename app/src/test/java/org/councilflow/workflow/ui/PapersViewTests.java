package org.councilflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.councilflow.meetings.Decisions;
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
import org.springframework.http.HttpStatus;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * A councillor's council papers: published decisions and agendas with their reports, exactly as the public site
 * has them, and the call-in request while a decision is in its call-in period.
 */
@IntegrationTest
class PapersViewTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    Api api;
    PublishedCycle cycle;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        cycle = new PublishedCycle(api, engine);
    }

    @AfterEach
    void resetClock() {
        cycle.resetClock();
    }

    @Test
    void aMemberReadsThePublishedPapersAndRequestsCallInWithAReason() {
        String decided = cycle.published(true);
        StaffUi.as(context, "barnet.member", () -> {
            UI.getCurrent().navigate(PapersView.class);
            assertThat(hrefs()).contains("/councils/barnet/reports/" + decided, "/councils/barnet/meetings/" + cycle.meetingId)
                    .anySatisfy(href -> assertThat(href).startsWith("/councils/barnet/decisions/"));

            _click(_get(Button.class, spec -> spec.withText("Request call-in")));
            _click(_get(Button.class, spec -> spec.withId("send-call-in")));
            assertThat(_get(TextArea.class, spec -> spec.withId("call-in-reason")).isInvalid()).as("a reason is required").isTrue();

            _get(TextArea.class, spec -> spec.withId("call-in-reason")).setValue("The committee did not consider the budget.");
            _click(_get(Button.class, spec -> spec.withId("send-call-in")));

            assertThat(NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")))
                    .anySatisfy(text -> assertThat(text).startsWith("Call-in requested for "));
            assertThat(_find(Button.class, spec -> spec.withText("Request call-in"))).as("asked once").isEmpty();
        });
        StaffUi.as(context, "barnet.clerk", () -> assertThat(
                context.getBean(Decisions.class).latest(UUID.fromString(decided)).orElseThrow().calledInAt()).isNotNull());
    }

    @Test
    void aMemberSeesNoUnpublishedReportNorAnotherCouncilsPapers() {
        String scheduledOnly = cycle.scheduled();
        String draft = cycle.started();
        StaffUi.as(context, "barnet.member", () -> {
            UI.getCurrent().navigate(PapersView.class);
            assertThat(hrefs()).noneSatisfy(href -> assertThat(href).contains(draft));
            assertThat(hrefs()).as("the agenda published the scheduled report, not a decision")
                    .contains("/councils/barnet/reports/" + scheduledOnly)
                    .noneSatisfy(href -> assertThat(href).contains("/decisions/"));
        });
        StaffUi.as(context, "tower-hamlets.member", () -> {
            UI.getCurrent().navigate(PapersView.class);
            assertThat(hrefs()).noneSatisfy(href -> assertThat(href).contains(scheduledOnly));
            assertThat(hrefs()).noneSatisfy(href -> assertThat(href).contains("/councils/barnet/"));
        });
    }

    @Test
    void aClerkReadsThePapersButIsNotOfferedCallInAndAnAuthorIsRefused() {
        cycle.published(true);
        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate(PapersView.class);
            assertThat(_find(Button.class, spec -> spec.withText("Request call-in"))).isEmpty();
        });
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("papers");
            assertThat(_find(PapersView.class)).isEmpty();
            assertThat(_get(H2.class, spec -> spec.withId("error-title")).getText())
                    .isIn("You cannot open this page", "Page not found");
        });
        // the API refuses a call-in by any other role too
        String another = cycle.published(true);
        assertThat(api.post("barnet.clerk", "/api/t/barnet/reports/" + another + "/call-in",
                java.util.Map.of("reason", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static List<String> hrefs() {
        return _find(Anchor.class).stream().map(Anchor::getHref).toList();
    }
}
