package org.councilflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.StaffLanguage;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.councilflow.workflow.ReportCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

/**
 * Without a browser: a refusal of the services reaches a person in the language they work in. A manager who
 * submitted the version is refused the sign-off in Welsh on a Welsh page and in English on an English one, by the
 * inbox and by the service itself; the API says it in English all the same.
 */
@IntegrationTest
class WelshRefusalsViewTests {

    private static final String WELSH_FOUR_EYES = "Pedwar llygad: chi a gyflwynodd y fersiwn hon, felly rhaid i reolwr arall ei chymeradwyo.";

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ReportCycle cycle;

    @Test
    void theSubmitterIsRefusedTheSignOffInTheLanguageTheyChose() {
        Api api = new Api(rest);
        String submitter = "barnet.author-manager";
        String reportId = api.draftReferenceReport(submitter);
        api.post(submitter, "/api/t/barnet/reports/" + reportId + "/cycle", null);
        String draft = task(api, submitter, reportId, "draftUpdate").get("id").asText();
        assertThat(api.post(submitter, "/api/t/barnet/tasks/" + draft + "/completion", Map.of("outcome", "submit"))
                .getStatusCode().value()).isEqualTo(204);
        String signOff = task(api, "barnet.manager", reportId, "managerSignOff").get("id").asText();

        StaffUi.as(context, submitter, () -> {
            UI.getCurrent().setLocale(StaffLanguage.WELSH);
            UI.getCurrent().navigate(InboxView.class);
            InboxView inbox = _get(InboxView.class);
            inbox.stage.setValue("managerSignOff");
            Span why = (Span) GridKt._getCellComponent(inbox.grid, row(inbox, signOff), "action");
            assertThat(why.getText()).isEqualTo("Rhaid i rheolwr arall ei gymryd");
            assertThat(why.getElement().getAttribute("aria-label")).isEqualTo(WELSH_FOUR_EYES);

            // the service's own refusal, as Feedback shows it in a notification
            RuntimeException refused = catchThrowableOfType(() -> cycle.claim(signOff), RuntimeException.class);
            assertThat(refused.getMessage()).as("the text the API and the logs keep")
                    .isEqualTo("Four-eyes: " + submitter + " submitted this version, so another manager must sign it off.");
            assertThat(Feedback.describe(refused)).isEqualTo(
                    "Pedwar llygad: " + submitter + " a gyflwynodd y fersiwn hon, felly rhaid i reolwr arall ei chymeradwyo.");

            UI.getCurrent().setLocale(StaffLanguage.ENGLISH);
            assertThat(Feedback.describe(refused))
                    .isEqualTo("Four-eyes: " + submitter + " submitted this version, so another manager must sign it off.");
            UI.getCurrent().navigate(InboxView.class);
            inbox = _get(InboxView.class);
            inbox.stage.setValue("managerSignOff");
            Span english = (Span) GridKt._getCellComponent(inbox.grid, row(inbox, signOff), "action");
            assertThat(english.getElement().getAttribute("aria-label"))
                    .isEqualTo("Four-eyes: you submitted this version, so another manager must sign it off.");
        });

        // the API keeps English whatever the person chose in the staff UI
        var problem = api.put(submitter, "/api/t/barnet/tasks/" + signOff + "/assignee", null);
        assertThat(problem.getStatusCode().value()).isEqualTo(403);
        assertThat(problem.getBody().get("detail").asText()).startsWith("Four-eyes: " + submitter + " submitted");
    }

    private static int row(InboxView inbox, String taskId) {
        for (int i = 0; i < GridKt._size(inbox.grid); i++) {
            if (GridKt._get(inbox.grid, i).id().equals(taskId)) {
                return i;
            }
        }
        throw new AssertionError("Task " + taskId + " is not in the inbox");
    }

    private static JsonNode task(Api api, String user, String reportId, String stage) {
        for (JsonNode task : api.get(user, "/api/t/barnet/tasks").getBody()) {
            if (task.get("stage").asText().equals(stage) && reportId.equals(task.get("reportId").asText())) {
                return task;
            }
        }
        throw new AssertionError("No " + stage + " for " + user);
    }
}
