package org.councilflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.councilflow.identity.Role;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;

/** The workflow variant as a form, without a browser: no upload, and what is saved is what the next cycle follows. */
@IntegrationTest
class WorkflowVariantViewTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Test
    @SuppressWarnings("unchecked")
    void theTenantAdministratorSwitchesBoardReviewOffAndChangesAStagesWorkingDaysAndEscalation() {
        StaffUi.as(context, "barnet.tenant-admin", () -> {
            UI.getCurrent().navigate("admin/workflow");
            assertThat(_find(Upload.class)).as("a council uploads no process").isEmpty();
            Checkbox boardReview = _get(Checkbox.class, spec -> spec.withId("variant-board-review"));
            IntegerField days = _get(IntegerField.class, spec -> spec.withId("variant-managerSignOff-working-days"));
            assertThat(boardReview.getValue()).isTrue();
            assertThat(days.getValue()).isNull();
            assertThat(days.getPlaceholder()).as("the platform's default").isEqualTo("5");

            boardReview.setValue(false);
            days.setValue(7);
            ((ComboBox<Role>) _get(ComboBox.class, spec -> spec.withId("variant-managerSignOff-escalate-to"))).setValue(Role.TENANT_ADMIN);
            _click(_get(Button.class, spec -> spec.withId("save-workflow")));
        });

        JsonNode variant = new Api(rest).get("barnet.tenant-admin", "/api/t/barnet/workflow/variant").getBody();
        assertThat(variant.get("boardReview").asBoolean()).isFalse();
        JsonNode signOff = variant.get("stages").get(1);
        assertThat(signOff.get("stage").asText()).isEqualTo("managerSignOff");
        assertThat(signOff.get("workingDays").asInt()).isEqualTo(7);
        assertThat(signOff.get("escalateTo").asText()).isEqualTo("tenant-admin");
    }

    @Test
    void aValueOutOfRangeIsRefusedAndNothingIsSaved() {
        StaffUi.as(context, "barnet.tenant-admin", () -> {
            UI.getCurrent().navigate("admin/workflow");
            _get(IntegerField.class, spec -> spec.withId("variant-draftUpdate-working-days")).setValue(400);
            _get(Checkbox.class, spec -> spec.withId("variant-board-review")).setValue(false);
            _click(_get(Button.class, spec -> spec.withId("save-workflow")));
        });

        JsonNode variant = new Api(rest).get("barnet.tenant-admin", "/api/t/barnet/workflow/variant").getBody();
        assertThat(variant.get("boardReview").asBoolean()).isTrue();
        assertThat(variant.get("stages").get(0).get("workingDays").isNull()).isTrue();
    }
}
