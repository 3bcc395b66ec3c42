package org.councilflow.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Issue 14, item 5: four-eyes binds everyone who wrote the version, not only who submitted it. Whoever created the
 * report or saved any part of it is refused sign-off (403 saying why), and the staff UI does not offer them the
 * approve action; another manager signs it off.
 */
@IntegrationTest
class FourEyesAttackTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ApplicationContext context;

    ApprovalFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new ApprovalFixture(rest);
    }

    @Test
    void whoCreatedTheReportCannotSignItOffWhenAPlainAuthorSubmittedIt() {
        String reportId = fixture.report("barnet.author-manager");
        fixture.start("barnet.author", reportId);
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));

        ResponseEntity<JsonNode> own = fixture.complete("barnet.author-manager", reportId, "managerSignOff", Map.of("outcome", "approve"));

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().get("detail").asText()).startsWith("Four-eyes: ").contains("you created this report")
                .contains("another manager must sign it off");
        assertThat(fixture.api.get("barnet.author", ApprovalFixture.path(reportId)).getBody().get("stage").asText())
                .as("nothing was signed off").isEqualTo("SUBMITTED");
        fixture.completed("barnet.manager", reportId, "managerSignOff", Map.of("outcome", "approve"));
    }

    @Test
    void whoSavedAPartOfTheVersionCannotSignItOff() {
        String reportId = fixture.report("barnet.author");
        assertThat(fixture.savePart("barnet.author-manager", reportId, "summary", "Edited by the manager who then signs off.")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        fixture.start("barnet.author", reportId);
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));

        ResponseEntity<JsonNode> own = fixture.complete("barnet.author-manager", reportId, "managerSignOff", Map.of("outcome", "approve"));

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().get("detail").asText()).startsWith("Four-eyes: ").contains("you saved the summary");
        fixture.completed("barnet.manager", reportId, "managerSignOff", Map.of("outcome", "approve"));
    }

    @Test
    void anEditInAnEarlierRoundStillCountsAfterTheReportWasReturnedAndResubmitted() {
        String reportId = fixture.report("barnet.author");
        fixture.savePart("barnet.author-manager", reportId, "reasons", Map.of("key", "reasons", "number", "2",
                "heading", "Reasons for recommendations", "blocks", java.util.List.of()));
        fixture.start("barnet.author", reportId);
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));
        fixture.completed("barnet.manager", reportId, "managerSignOff", Map.of("outcome", "return", "reason", "More detail"));
        fixture.savePart("barnet.author", reportId, "summary", "More detail.");
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));

        ResponseEntity<JsonNode> own = fixture.complete("barnet.author-manager", reportId, "managerSignOff", Map.of("outcome", "approve"));

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().get("detail").asText()).contains("you saved section 'reasons'");
    }

    @Test
    void whoSubmittedCannotSignOffEither() {
        String reportId = fixture.report("barnet.author");
        fixture.start("barnet.author-manager", reportId);
        fixture.completed("barnet.author-manager", reportId, "draftUpdate", Map.of("outcome", "submit"));

        ResponseEntity<JsonNode> own = fixture.complete("barnet.author-manager", reportId, "managerSignOff", Map.of("outcome", "approve"));

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().get("detail").asText()).startsWith("Four-eyes: you submitted this version");
    }

    @Test
    void theStaffUiDoesNotOfferTheApproveActionToAContributor() {
        String reportId = fixture.report("barnet.author-manager");
        fixture.start("barnet.author", reportId);
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));

        StaffUi.as(context, "barnet.author-manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            assertThat(_get(Paragraph.class, spec -> spec.withId("four-eyes")).getText())
                    .contains("You created this report").contains("another manager must sign it off");
            assertThat(_find(Button.class, spec -> spec.withId("approve"))).as("no approve action is offered")
                    .allSatisfy(approve -> assertThat(approve.isEnabled()).isFalse());
        });
        StaffUi.as(context, "barnet.manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            assertThat(_find(Paragraph.class, spec -> spec.withId("four-eyes"))).isEmpty();
            assertThat(_get(Button.class, spec -> spec.withId("approve")).isEnabled()).isTrue();
        });
    }
}
