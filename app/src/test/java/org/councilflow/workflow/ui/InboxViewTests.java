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
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;

/** The inbox without a browser: what each role sees, filters, claim and open. */
@IntegrationTest
class InboxViewTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    Api api;
    String reportId;

    @BeforeEach
    void aReportInItsCycle() throws IOException {
        api = new Api(rest);
        JsonNode document = new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        reportId = api.post("barnet.author", "/api/t/barnet/reports", Map.of("planId", DemoData.BARNET_PLAN, "document", document))
                .getBody().get("id").asText();
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
    }

    @Test
    void theAuthorSeesTheDraftAndTheManagerDoesNotYet() {
        StaffUi.as(context, "barnet.author", () -> {
            InboxView inbox = openInbox();
            assertThat(GridKt._size(inbox.grid)).isEqualTo(1);
            assertThat(GridKt._get(inbox.grid, 0).stage()).isEqualTo("draftUpdate");
            assertThat(GridKt._get(inbox.grid, 0).reportTitle()).startsWith("Update report on progress");
        });
        StaffUi.as(context, "barnet.manager", () -> assertThat(GridKt._size(openInbox().grid)).isZero());
    }

    @Test
    void aManagerClaimsAndOpensTheSignOffInOneClick() {
        api.post("barnet.author", "/api/t/barnet/tasks/" + taskId("barnet.author") + "/completion", Map.of("outcome", "submit"));
        StaffUi.as(context, "barnet.manager", () -> {
            InboxView inbox = openInbox();
            assertThat(GridKt._size(inbox.grid)).isEqualTo(1);
            Button action = (Button) GridKt._getCellComponent(inbox.grid, 0, "action");
            assertThat(action.getText()).isEqualTo("Claim and open");

            _click(action);

            ReviewView review = _get(ReviewView.class);
            assertThat(review.task.assignee()).isEqualTo("barnet.manager");
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("reports/" + reportId + "/review");
        });
        assertThat(inbox("barnet.author-manager")).as("claimed: no longer claimable by others").isEmpty();
    }

    @Test
    void filtersNarrowTheRowsOnTheServer() {
        StaffUi.as(context, "barnet.author", () -> {
            InboxView inbox = openInbox();
            inbox.stage.setValue("managerSignOff");
            assertThat(GridKt._size(inbox.grid)).isZero();
            inbox.stage.setValue("draftUpdate");
            assertThat(GridKt._size(inbox.grid)).isEqualTo(1);
            inbox.search.setValue("no such title");
            assertThat(GridKt._size(inbox.grid)).isZero();
            inbox.search.setValue("children's services");
            assertThat(GridKt._size(inbox.grid)).isEqualTo(1);
            inbox.overdueOnly.setValue(true);
            assertThat(GridKt._size(inbox.grid)).as("due in ten working days").isZero();
        });
    }

    @Test
    void aTowerHamletsManagerNeverSeesBarnetsTasks() {
        api.post("barnet.author", "/api/t/barnet/tasks/" + taskId("barnet.author") + "/completion", Map.of("outcome", "submit"));
        StaffUi.as(context, "tower-hamlets.manager", () -> assertThat(GridKt._size(openInbox().grid)).isZero());
    }

    private InboxView openInbox() {
        UI.getCurrent().navigate(InboxView.class);
        InboxView inbox = _get(InboxView.class);
        assertThat(inbox.grid).isInstanceOf(Grid.class);
        return inbox;
    }

    private String taskId(String user) {
        return api.get(user, "/api/t/barnet/tasks").getBody().get(0).get("id").asText();
    }

    private JsonNode inbox(String user) {
        return api.get(user, "/api/t/barnet/tasks").getBody();
    }
}
