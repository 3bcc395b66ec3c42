package org.councilflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
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
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;

/** The report editor without a browser: autosave, a conflicting save told plainly with nothing lost, submission. */
@IntegrationTest
class ReportEditorViewTests {

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
        reportId = api.post("barnet.author", "/api/t/barnet/reports", Map.of("planId", DemoData.BARNET_PLAN, "document", document))
                .getBody().get("id").asText();
    }

    @Test
    void typingSavesThePartAndSaysSo() {
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/edit");
            HasValueUtilsKt._setValue(summary(), "A shorter summary.");
            assertThat(_get(ReportEditorView.class).saveState.getElement().getTextRecursively()).startsWith("All changes saved at ");
        });
        assertThat(api.get("barnet.author", "/api/t/barnet/reports/" + reportId).getBody().at("/document/summary").asText())
                .isEqualTo("A shorter summary.");
    }

    @Test
    void whenSomeoneElseSavedTheSameSectionNothingIsLostAndTheAuthorChooses() {
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/edit");
            api.put("barnet.author-manager", "/api/t/barnet/reports/" + reportId + "/parts/summary",
                    Map.of("revision", 0, "content", "The manager's summary."));

            HasValueUtilsKt._setValue(summary(), "The author's summary.");

            Div conflict = _get(Div.class, spec -> spec.withId("conflict-summary"));
            assertThat(conflict.isVisible()).isTrue();
            assertThat(conflict.getElement().getTextRecursively()).contains("The summary was changed by barnet.author-manager")
                    .contains("nothing is lost");
            assertThat(summary().getValue()).isEqualTo("The author's summary.");
            assertThat(_get(ReportEditorView.class).saveState.getElement().getTextRecursively()).startsWith("Not saved");

            _click(_get(Button.class, spec -> spec.withId("take-theirs-summary")));
            assertThat(summary().getValue()).isEqualTo("The manager's summary.");
            assertThat(_get(TextArea.class, spec -> spec.withId("your-text-summary")).getValue()).isEqualTo("The author's summary.");
        });
    }

    @Test
    void keepingMyVersionReplacesTheirs() {
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/edit");
            api.put("barnet.author-manager", "/api/t/barnet/reports/" + reportId + "/parts/summary",
                    Map.of("revision", 0, "content", "The manager's summary."));
            HasValueUtilsKt._setValue(summary(), "The author's summary.");
            _click(_get(Button.class, spec -> spec.withId("keep-mine-summary")));
        });
        assertThat(api.get("barnet.author", "/api/t/barnet/reports/" + reportId).getBody().at("/document/summary").asText())
                .isEqualTo("The author's summary.");
    }

    @Test
    void submittingStartsTheCycleFreezesAVersionAndReachesTheManager() {
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/edit");
            _get(ReportEditorView.class).submitNow();
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("inbox");
        });
        assertThat(api.get("barnet.manager", "/api/t/barnet/tasks").getBody().findValuesAsText("stage")).containsExactly("managerSignOff");
    }

    @Test
    void aClerkCannotOpenTheEditor() {
        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/edit");
            assertThat(ShellTexts.errorTitle()).isIn("You cannot open this page", "Page not found");
        });
    }

    private static TextArea summary() {
        return _get(TextArea.class, spec -> spec.withId("text-summary"));
    }
}
