package org.councilflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/** Sign-off without a browser: four-eyes explained, a return needs its reason, another council's report refused. */
@IntegrationTest
class ReviewViewTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    Api api;
    String reportId;

    @BeforeEach
    void aReport() throws IOException {
        api = new Api(rest);
        JsonNode document = new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        reportId = api.post("barnet.author-manager", "/api/t/barnet/reports", Map.of("planId", DemoData.BARNET_PLAN, "document", document))
                .getBody().get("id").asText();
        api.post("barnet.author-manager", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        String draft = api.get("barnet.author-manager", "/api/t/barnet/tasks").getBody().get(0).get("id").asText();
        api.post("barnet.author-manager", "/api/t/barnet/tasks/" + draft + "/completion", Map.of("outcome", "submit"));
    }

    @Test
    void whoSubmittedTheVersionReadsWhyTheyCannotSignItOff() {
        StaffUi.as(context, "barnet.author-manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            assertThat(_get(Paragraph.class, spec -> spec.withId("four-eyes")).getText())
                    .startsWith("You submitted version 1 of this report, so another manager must sign it off");
            assertThat(_get(Button.class, spec -> spec.withId("approve")).isEnabled()).isFalse();
            assertThat(_get(Button.class, spec -> spec.withId("approve")).getElement().getAttribute("aria-describedby")).isEqualTo("four-eyes");
        });
        StaffUi.as(context, "barnet.manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            assertThat(_find(Paragraph.class, spec -> spec.withId("four-eyes"))).isEmpty();
            assertThat(_get(Button.class, spec -> spec.withId("approve")).isEnabled()).isTrue();
        });
    }

    @Test
    void aReturnIsNotSentWithoutItsReason() {
        StaffUi.as(context, "barnet.manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            _click(_get(Button.class, spec -> spec.withId("return")));
            _click(_get(Button.class, spec -> spec.withId("confirm-return")));
            TextArea reason = _get(TextArea.class, spec -> spec.withId("return-reason"));
            assertThat(reason.isInvalid()).isTrue();
            assertThat(reason.getErrorMessage()).isEqualTo("Give the reason: a report is never returned without one");

            reason.setValue("Add the April caseload figures");
            _click(_get(Button.class, spec -> spec.withId("confirm-return")));
        });
        JsonNode history = api.get("barnet.manager", "/api/t/barnet/reports/" + reportId + "/history").getBody();
        assertThat(history.get(1).get("outcome").asText()).isEqualTo("return");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Add the April caseload figures");
    }

    @Test
    void anotherCouncilsReportIsPlainlyNotThere() {
        StaffUi.as(context, "tower-hamlets.manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            assertThat(ShellTexts.errorTitle()).startsWith("Not found in ");
            assertThat(ShellTexts.errorDetail()).contains("No report " + reportId + " in ");
        });
        StaffUi.as(context, "tower-hamlets.manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/edit");
            assertThat(ShellTexts.errorTitle()).startsWith("Not found in ");
        });
    }

    @Test
    void theBoardRaisesAChallengeTheAuthorAnswersTheBoardCloses() {
        api.post("barnet.manager", "/api/t/barnet/tasks/" + api.get("barnet.manager", "/api/t/barnet/tasks").getBody().get(0).get("id").asText()
                + "/completion", Map.of("outcome", "approve"));
        StaffUi.as(context, "barnet.board", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            _click(_get(Button.class, spec -> spec.withId("challenge-summary")));
            _get(TextArea.class, spec -> spec.withId("challenge-summary-text")).setValue("Why did agency staff rise in March?");
            _click(_get(Button.class, spec -> spec.withId("challenge-summary-send")));
            assertThat(_get(ReviewView.class).remarks.get("summary").getElement().getTextRecursively())
                    .contains("Challenge open").contains("Why did agency staff rise in March?");
        });
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            Button answer = _find(Button.class).stream().filter(b -> b.getId().orElse("").startsWith("answer-")).findFirst().orElseThrow();
            _click(answer);
            _get(TextArea.class, spec -> spec.withId(answer.getId().get() + "-text")).setValue("Two teams were restructured.");
            _click(_get(Button.class, spec -> spec.withId(answer.getId().get() + "-send")));
        });
        StaffUi.as(context, "barnet.board-chair", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            Button close = _find(Button.class).stream().filter(b -> b.getId().orElse("").startsWith("close-")).findFirst().orElseThrow();
            _click(close);
            assertThat(_get(ReviewView.class).remarks.get("summary").getElement().getTextRecursively())
                    .contains("Challenge closed").contains("Answer from barnet.author: Two teams were restructured.");
        });
    }

    @Test
    void reviewersSeeTheDocumentsTheClerkPutOnTheReportsAgendaItemInThePageAndInWhatChanged() {
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "approve"));
        complete("barnet.board-chair", "boardReview", Map.of("outcome", "endorse"));
        String meeting = api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of("committeeId", DemoData.BARNET_CES_COMMITTEE,
                "startsAt", java.time.Instant.now().plus(20, java.time.temporal.ChronoUnit.DAYS).toString(),
                "venue", "Hendon Town Hall")).getBody().get("id").asText();
        complete("barnet.clerk", "scheduleToCommittee", Map.of("outcome", "schedule", "form", Map.of("meetingId", meeting)));
        String path = "/api/t/barnet/meetings/" + meeting;
        String item = api.get("barnet.clerk", path).getBody().get("agenda").get(0).get("id").asText();
        api.post("barnet.clerk", path + "/agenda/items/" + item + "/documents", Map.of("title", "Ofsted monitoring visit letter",
                "kind", "BACKGROUND_PAPER", "link", "https://files.ofsted.gov.uk/v1/file/50003493", "exempt", false,
                "version", api.get("barnet.clerk", path).getBody().get("version").asInt()));
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("title", "Named children\u2019s case summaries");
        form.add("kind", "APPENDIX");
        form.add("exempt", "true");
        form.add("version", String.valueOf(api.get("barnet.clerk", path).getBody().get("version").asInt()));
        form.add("file", new org.springframework.core.io.ByteArrayResource(org.councilflow.support.TestPdfs.onePage("Case summaries")) {
            @Override
            public String getFilename() {
                return "case-summaries.pdf";
            }
        });
        assertThat(api.post("barnet.clerk", path + "/agenda/items/" + item + "/documents", form).getStatusCode().value()).isEqualTo(201);

        StaffUi.as(context, "barnet.manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            String section = _get(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("section-agenda-documents"))
                    .getElement().getTextRecursively();
            assertThat(section).contains("Documents on the agenda", "Children, Education & Safeguarding Committee",
                    "Background paper", "Ofsted monitoring visit letter", "(link: https://files.ofsted.gov.uk/v1/file/50003493)",
                    "Appendix", "Named children\u2019s case summaries (file: case-summaries.pdf)", "Exempt: not for publication");
            assertThat(section.indexOf("Ofsted monitoring")).as("in the clerk's order").isLessThan(section.indexOf("Named children"));
            var lines = _get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("agenda-document-changes"))
                    .getChildren().map(c -> c.getElement().getTextRecursively()).toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).startsWith("On the agenda, item ").contains("Appendix", "case-summaries.pdf", "Exempt");
            assertThat(lines.get(0)).doesNotContain("Exempt");
        });
        StaffUi.as(context, "tower-hamlets.manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            assertThat(_find(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("section-agenda-documents"))).isEmpty();
        });
    }

    private void complete(String user, String stage, Map<String, Object> completion) {
        for (JsonNode task : api.get(user, "/api/t/barnet/tasks").getBody()) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                assertThat(api.post(user, "/api/t/barnet/tasks/" + task.get("id").asText() + "/completion", completion)
                        .getStatusCode().value()).as(user + " " + stage).isEqualTo(204);
                return;
            }
        }
        throw new AssertionError(user + " has no task " + stage);
    }
}
