package org.councilflow.publication;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.meetings.Decision;
import org.councilflow.meetings.Decisions;
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
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Publishing a decision in the staff UI: its public page first, exactly as it will read, and nothing public until the
 * clerk confirms; afterwards a correction is an amendment with a note on the public page. Abuses: an amendment over a
 * stale copy, by a manager, from another council.
 */
@IntegrationTest
class DecisionPreviewAndAmendmentTests {

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
    void theClerkPreviewsThePublicPageConfirmsAndLaterAmendsWithANote() {
        PublicationFixture fixture = new PublicationFixture(rest, engine);
        Instant meetingAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String meeting = fixture.meeting("barnet", DemoData.BARNET_CES_COMMITTEE, meetingAt, "Hendon Town Hall");
        String reportId = fixture.report("barnet", DemoData.BARNET_PLAN, document -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                document.get("header")).put("title", "Preview of a decision"));
        fixture.toScheduling("barnet", reportId);
        fixture.schedule("barnet", reportId, meeting);
        fixture.clock(meetingAt.plus(2, ChronoUnit.HOURS));
        fixture.decide("barnet", reportId, "RECOMMENDATIONS_APPROVED", List.of("That the Committee note the progress."),
                "The Committee noted the report.");

        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/committee");
            _click(_get(Button.class, spec -> spec.withId("publish")));
            Document preview = Jsoup.parse(_get(IFrame.class, spec -> spec.withId("decision-preview")).getSrcdoc().orElseThrow());
            assertThat(preview.selectFirst("h1").text()).contains("Preview of a decision");
            assertThat(preview.select("#resolutions > li").eachText()).containsExactly("That the Committee note the progress.");
            assertThat(preview.text()).contains("In call-in period until ");
            assertThat(publicDecisions(fixture)).as("nothing public before the confirm").doesNotContain("Preview of a decision");
            _click(_get(Button.class, spec -> spec.withId("confirm-publish")));
        });
        assertThat(publicDecisions(fixture)).contains("Preview of a decision");

        AtomicReference<Decision> loaded = new AtomicReference<>();
        StaffUi.as(context, "barnet.clerk", () -> {
            loaded.set(decisions.latest(UUID.fromString(reportId)).orElseThrow());
            UI.getCurrent().navigate("reports/" + reportId + "/committee");
            _click(_get(Button.class, spec -> spec.withId("amend")));
            TextArea note = _get(TextArea.class, spec -> spec.withId("amend-note"));
            assertThat(note.isInvalid()).as("never without a note").isTrue();
            _get(TextArea.class, spec -> spec.withId("amend-resolution-1")).setValue("That the Committee note the progress made.");
            note.setValue("Resolution 1 corrected to the wording the Chairman read out.");
            _click(_get(Button.class, spec -> spec.withId("amend")));
        });
        String page = fixture.get("/councils/barnet/decisions").getBody();
        String href = Jsoup.parse(page).select("main table a").stream().filter(a -> a.text().equals("Preview of a decision"))
                .findFirst().orElseThrow().attr("href");
        Document published = Jsoup.parse(fixture.get(href).getBody());
        assertThat(published.select("#resolutions > li").eachText()).containsExactly("That the Committee note the progress made.");
        assertThat(published.text()).contains("Resolution 1 corrected to the wording the Chairman read out.");

        StaffUi.as(context, "barnet.clerk", () -> assertThatThrownBy(() -> decisions.amend(UUID.fromString(reportId), loaded.get(),
                List.of("Planted"), null, "stale", Instant.now())).isInstanceOf(ConflictException.class));
        StaffUi.as(context, "barnet.manager", () -> assertThatThrownBy(() -> decisions.amend(UUID.fromString(reportId), loaded.get(),
                List.of("Planted"), null, "not a clerk", Instant.now())).isInstanceOf(AccessDeniedException.class));
        StaffUi.as(context, "tower-hamlets.clerk", () -> assertThatThrownBy(() -> decisions.amend(UUID.fromString(reportId),
                loaded.get(), List.of("Planted"), null, "another council", Instant.now())).isInstanceOf(NotFoundException.class));
        assertThat(Jsoup.parse(fixture.get(href).getBody()).text()).doesNotContain("Planted");
    }

    private static String publicDecisions(PublicationFixture fixture) {
        return Jsoup.parse(fixture.get("/councils/barnet/decisions").getBody()).text();
    }
}
