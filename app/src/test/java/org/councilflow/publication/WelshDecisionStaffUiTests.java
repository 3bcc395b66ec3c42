package org.councilflow.publication;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.councilflow.meetings.Decision;
import org.councilflow.meetings.Decisions;
import org.councilflow.meetings.Resolution;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.flowable.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The committee stage in the staff UI (ADR 0023): each resolution with its Welsh beside it (started from the report's
 * signed-off Welsh recommendations), the minutes in Welsh, and after publication a correction of the Welsh only as an
 * amendment with its note on the public page.
 */
@IntegrationTest
class WelshDecisionStaffUiTests {

    static final String RECOMMENDATION_CY = "Bod y Pwyllgor yn nodi’r cynnydd a wnaed.";
    static final String MINUTES_CY = "Cyflwynodd y Cyfarwyddwr yr adroddiad.";
    static final String AMENDED_CY = "Bod y Pwyllgor yn nodi’r cynnydd a wnaed ers yr arolygiad.";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ApplicationContext context;

    @Autowired
    Decisions decisions;

    @AfterEach
    void resetClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    @Test
    void theClerkRecordsTheWelshBesideTheEnglishAndCorrectsItOnlyByAnAmendment() {
        PublicationFixture fixture = new PublicationFixture(rest, engine);
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "BILINGUAL");
        Instant meetingAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String meeting = fixture.meeting("barnet", DemoData.BARNET_CES_COMMITTEE, meetingAt, "Hendon Town Hall");
        String reportId = fixture.report("barnet", DemoData.BARNET_PLAN, document -> {
            ObjectNode welsh = document.putObject("welsh");
            welsh.put("title", "Adroddiad cynnydd");
            welsh.putArray("recommendations").add(RECOMMENDATION_CY);
        });
        fixture.toScheduling("barnet", reportId);
        fixture.schedule("barnet", reportId, meeting);
        fixture.clock(meetingAt.plus(2, ChronoUnit.HOURS));
        UUID report = UUID.fromString(reportId);

        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/committee");
            TextArea welsh = _get(TextArea.class, spec -> spec.withId("resolution-cy-1"));
            assertThat(welsh.getValue()).as("from the report's Welsh recommendations").isEqualTo(RECOMMENDATION_CY);
            _get(TextArea.class, spec -> spec.withId("minutes")).setValue("The Director introduced the report.");
            _get(TextArea.class, spec -> spec.withId("minutes-cy")).setValue(MINUTES_CY);
            _click(_get(Button.class, spec -> spec.withId("record")));
        });
        Decision recorded = latest(report);
        assertThat(recorded.resolutionsCy()).extracting(Resolution::text).containsExactly(RECOMMENDATION_CY);
        assertThat(recorded.minutesCy()).isEqualTo(MINUTES_CY);
        assertThat(recorded.resolutions()).isNotEmpty().doesNotContain(RECOMMENDATION_CY);
        fixture.publish("barnet", reportId, false);
        String page = "/councils/barnet/decisions/" + OnlyPublishedIntegrationTests.decisionId(reportId, meeting) + "?lang=cy";
        assertThat(Jsoup.parse(fixture.get(page).getBody()).select("#resolutions > li").eachText()).containsExactly(RECOMMENDATION_CY);

        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/committee");
            assertThat(_get(TextArea.class, spec -> spec.withId("amend-minutes-cy")).getValue()).isEqualTo(MINUTES_CY);
            _get(TextArea.class, spec -> spec.withId("amend-resolution-cy-1")).setValue(AMENDED_CY);
            _get(TextArea.class, spec -> spec.withId("amend-note")).setValue("Penderfyniad 1 wedi’i gywiro.");
            _click(_get(Button.class, spec -> spec.withId("amend")));
        });
        Document amended = Jsoup.parse(fixture.get(page).getBody());
        assertThat(amended.select("#resolutions > li").eachText()).containsExactly(AMENDED_CY);
        assertThat(amended.selectFirst("#minutes").text()).isEqualTo(MINUTES_CY);
        assertThat(amended.text()).contains("Penderfyniad 1 wedi’i gywiro.");
        Decision after = latest(report);
        assertThat(after.resolutions()).as("the English as it was").isEqualTo(recorded.resolutions());
    }

    private Decision latest(UUID report) {
        AtomicReference<Decision> decision = new AtomicReference<>();
        StaffUi.as(context, "barnet.clerk", () -> decision.set(decisions.latest(report).orElseThrow()));
        return decision.get();
    }
}
