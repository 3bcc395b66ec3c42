package org.councilflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.ui.BritishPickers;
import org.councilflow.reports.ReportReviews;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.councilflow.support.TestPdfs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;

/**
 * Without a browser: the inbox offers nothing four-eyes refuses, the holder releases and hands on, the team view
 * reassigns only to people the rules allow; the pickers are British; an author reads why the report came back beside
 * its parts, a board challenge is in their inbox; reviewers see the appendices, which move only in a draft.
 */
@IntegrationTest
class TaskAndNotesViewTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ReportReviews reviews;

    Api api;
    String reportId;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    private void submittedBy(String author) {
        reportId = api.draftReferenceReport(author);
        api.post(author, "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete(author, "draftUpdate", Map.of("outcome", "submit"));
    }

    @Test
    void theManagerWhoSubmittedIsNotOfferedTheSignOffAndAnotherClaimsAndReleasesIt() {
        submittedBy("barnet.author-manager");
        StaffUi.as(context, "barnet.author-manager", () -> {
            InboxView inbox = openInbox();
            inbox.stage.setValue("managerSignOff");
            assertThat(GridKt._size(inbox.grid)).isEqualTo(1);
            var cell = GridKt._getCellComponent(inbox.grid, 0, "action");
            assertThat(cell).as("no claim button").isInstanceOf(Span.class);
            assertThat(((Span) cell).getText()).isEqualTo("Another manager must take it");
            assertThat(cell.getElement().getAttribute("aria-label")).startsWith("Four-eyes: you submitted this version");
        });
        StaffUi.as(context, "barnet.manager", () -> {
            InboxView inbox = openInbox();
            inbox.stage.setValue("managerSignOff");
            Button claim = (Button) GridKt._getCellComponent(inbox.grid, 0, "action");
            assertThat(claim.getText()).isEqualTo("Claim and open");
            _click(claim);
            inbox = openInbox();
            inbox.stage.setValue("managerSignOff");
            String id = GridKt._get(inbox.grid, 0).id();
            var actions = GridKt._getCellComponent(inbox.grid, 0, "action");
            button(actions, "hand-on-" + id).click();
            @SuppressWarnings("unchecked")
            Select<String> to = _get(Select.class, spec -> spec.withId("assign-to"));
            assertThat(to.getListDataView().getItems().toList()).as("the submitter is never offered").isEmpty();
            assertThat(_get(Button.class, spec -> spec.withId("assign-confirm")).isEnabled()).isFalse();
            button(actions, "release-" + id).click();
        });
        assertThat(task("barnet.manager", "managerSignOff").get("assignee").isNull()).as("released").isTrue();
    }

    @Test
    void aLeadReassignsFromTheTeamViewOnlyToPeopleTheRulesAllow() {
        submittedBy("barnet.author");
        String id = task("barnet.manager", "managerSignOff").get("id").asText();
        api.put("barnet.manager", "/api/t/barnet/tasks/" + id + "/assignee", null);
        StaffUi.as(context, "barnet.author-manager", () -> {
            UI.getCurrent().navigate(TeamView.class);
            TeamView team = _get(TeamView.class);
            List<String> ids = GridKt._findAll(team.grid).stream().map(t -> t.id()).toList();
            assertThat(ids).contains(id);
            button(GridKt._getCellComponent(team.grid, ids.indexOf(id), "action"), "reassign-" + id).click();
            @SuppressWarnings("unchecked")
            Select<String> to = _get(Select.class, spec -> spec.withId("assign-to"));
            assertThat(to.getListDataView().getItems().toList()).containsExactly("barnet.author-manager");
            to.setValue("barnet.author-manager");
            _click(_get(Button.class, spec -> spec.withId("assign-confirm")));
        });
        assertThat(task("barnet.author-manager", "managerSignOff").get("assignee").asText()).isEqualTo("barnet.author-manager");
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("team");
            assertThat(_find(TeamView.class)).as("authors lead no stage").isEmpty();
        });
    }

    @Test
    void everyPickerIsBritishWhateverTheBrowserSays() {
        assertThat(BritishPickers.dateFormats(Locale.UK)).containsExactly("dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy");
        assertThat(BritishPickers.dateFormats(Locale.US).get(0)).as("the order follows the configured locale").isEqualTo("MM/dd/yyyy");
        reportId = api.draftReferenceReport("barnet.author");
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/edit");
            for (DatePicker picker : com.github.mvysny.kaributesting.v10.LocatorJ._find(DatePicker.class)) {
                assertThat(picker.getLocale()).isEqualTo(Locale.forLanguageTag("en-GB"));
                assertThat(picker.getI18n().getDateFormats()).containsExactly("dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy");
                assertThat(picker.getI18n().getFirstDayOfWeek()).as("Monday").isEqualTo(1);
                assertThat(picker.getI18n().getMonthNames().get(8)).isEqualTo("September");
            }
        });
        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate("meetings");
            DateTimePicker starts = _get(DateTimePicker.class, spec -> spec.withId("arrange-when"));
            assertThat(starts.getLocale()).as("24-hour clock, Monday first").isEqualTo(Locale.forLanguageTag("en-GB"));
            assertThat(starts.getDatePickerI18n().getFirstDayOfWeek()).isEqualTo(1);
            assertThat(starts.getDatePickerI18n().getDateFormats().get(0)).isEqualTo("dd/MM/yyyy");
        });
    }

    @Test
    void theAuthorReadsWhyItCameBackBesideThePartAndAChallengeIsInTheirInbox() {
        submittedBy("barnet.author");
        StaffUi.as(context, "barnet.manager", () -> reviews.comment(UUID.fromString(reportId), "summary", "Say how caseloads moved"));
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "approve"));
        StaffUi.as(context, "barnet.board-chair", () -> reviews.raise(UUID.fromString(reportId), "recommendations",
                "Why no recommendation on the front door?"));
        JsonNode challengeTask = task("barnet.author", "answerChallenge");
        assertThat(challengeTask.get("name").asText()).isEqualTo("Answer the board's challenge");
        assertThat(challengeTask.get("assignee").asText()).as("the author who submitted").isEqualTo("barnet.author");
        assertThat(api.post("barnet.author", "/api/t/barnet/tasks/" + challengeTask.get("id").asText() + "/completion",
                Map.of("outcome", "done")).getStatusCode().value()).as("it closes itself when answered").isEqualTo(409);
        assertThat(tasks("tower-hamlets.author").findValuesAsText("stage")).doesNotContain("answerChallenge");

        complete("barnet.board-chair", "boardReview", Map.of("outcome", "return", "reason", "Add the April caseload figures"));
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/edit");
            assertThat(_get(Paragraph.class, spec -> spec.withId("return-reason-shown")).getText()).isEqualTo("Add the April caseload figures");
            assertThat(_get(Div.class, spec -> spec.withId("why-returned")).getElement().getTextRecursively())
                    .contains("Returned by barnet.board-chair");
            assertThat(_get(Div.class, spec -> spec.withId("notes-summary")).getElement().getTextRecursively())
                    .contains("Say how caseloads moved");
            assertThat(_get(Div.class, spec -> spec.withId("notes-recommendations")).getElement().getTextRecursively())
                    .contains("Why no recommendation on the front door?");
        });
        StaffUi.as(context, "barnet.author", () -> {
            ReportReviews.Challenge challenge = reviews.challenges(UUID.fromString(reportId)).get(0);
            reviews.answer(UUID.fromString(reportId), challenge.id(), "The front door is covered by recommendation 1",
                    challenge.revision());
        });
        assertThat(tasks("barnet.author").findValuesAsText("stage")).as("answered: the task is done").doesNotContain("answerChallenge");
    }

    @Test
    void reviewersSeeTheAppendicesAndTheirChangesWhichMoveOnlyInADraft() {
        reportId = api.draftReferenceReport("barnet.author");
        upload("Caseload figures", "a");
        upload("Audit summary", "b");
        assertThat(api.put("barnet.author", "/api/t/barnet/reports/" + reportId + "/appendices/2/position", Map.of("to", 1))
                .getBody().findValuesAsText("title")).containsExactly("Audit summary", "Caseload figures");
        assertThat(api.put("barnet.author", "/api/t/barnet/reports/" + reportId + "/appendices/2/position", Map.of("to", 3))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(api.put("tower-hamlets.author", "/api/t/tower-hamlets/reports/" + reportId + "/appendices/2/position", Map.of("to", 1))
                .getStatusCode().value()).as("another council's report").isEqualTo(404);
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        assertThat(api.put("barnet.author", "/api/t/barnet/reports/" + reportId + "/appendices/2/position", Map.of("to", 1))
                .getStatusCode().value()).as("submitted: what is signed off is what is published").isEqualTo(409);

        StaffUi.as(context, "barnet.manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            String shown = _get(com.vaadin.flow.component.html.OrderedList.class, spec -> spec.withId("review-appendices"))
                    .getElement().getTextRecursively();
            assertThat(shown).contains("Appendix 1: Audit summary (SHA-256 ", "Appendix 2: Caseload figures (SHA-256 ");
            _click(_get(Button.class, spec -> spec.withId("mark-reviewed")));
        });
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "return", "reason", "Put the caseload figures first"));
        api.put("barnet.author", "/api/t/barnet/reports/" + reportId + "/appendices/2/position", Map.of("to", 1));
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        StaffUi.as(context, "barnet.manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("change-list"))
                    .getElement().getTextRecursively()).contains("Appendices, appendix 1", "Now: Caseload figures (SHA-256 ",
                            "Before: Audit summary (SHA-256 ");
        });
    }

    /** A button inside a grid cell (cells are not in the UI's tree, so Karibu's lookups do not see them). */
    private static Button button(com.vaadin.flow.component.Component cell, String id) {
        if (cell instanceof Button button && id.equals(button.getId().orElse(null))) {
            return button;
        }
        return cell.getChildren().map(child -> {
            try {
                return button(child, id);
            } catch (AssertionError none) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).findFirst().orElseThrow(() -> new AssertionError("No button " + id + " in the cell"));
    }

    private void upload(String title, String text) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("file", new ByteArrayResource(TestPdfs.onePage(text)) {
            @Override
            public String getFilename() {
                return title + ".pdf";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBearerAuth(org.councilflow.support.Tokens.of("barnet.author"));
        assertThat(rest.exchange("/api/t/barnet/reports/" + reportId + "/appendices", HttpMethod.POST,
                new HttpEntity<>(form, headers), JsonNode.class).getStatusCode().value()).isEqualTo(201);
    }

    private InboxView openInbox() {
        UI.getCurrent().navigate(InboxView.class);
        return _get(InboxView.class);
    }

    private void complete(String user, String stage, Map<String, Object> body) {
        String id = task(user, stage).get("id").asText();
        assertThat(api.post(user, "/api/t/barnet/tasks/" + id + "/completion", body).getStatusCode().value())
                .as(stage + " by " + user).isEqualTo(204);
    }

    private JsonNode tasks(String user) {
        String council = user.startsWith("tower-hamlets") ? "tower-hamlets" : "barnet";
        return api.get(user, "/api/t/" + council + "/tasks").getBody();
    }

    private JsonNode task(String user, String stage) {
        for (JsonNode task : tasks(user)) {
            if (task.get("stage").asText().equals(stage) && reportId.equals(task.get("reportId").asText())) {
                return task;
            }
        }
        throw new AssertionError("No " + stage + " for " + user + " in " + List.of(tasks(user).toString()));
    }
}
