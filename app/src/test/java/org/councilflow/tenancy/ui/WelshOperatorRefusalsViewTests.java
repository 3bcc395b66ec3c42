package org.councilflow.tenancy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.councilflow.common.ui.StaffLanguage;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Without a browser: the platform operator is refused in their language too. Onboarding a council whose slug is
 * taken is refused in Welsh on a Welsh councils page and in English on an English one, while the API says it in
 * English all the same, and nothing is onboarded.
 */
@IntegrationTest
class WelshOperatorRefusalsViewTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Test
    void onboardingATakenSlugIsRefusedInTheOperatorsLanguage() {
        Api api = new Api(rest);
        int councils = api.get("platform.admin", "/api/platform/tenants").getBody().size();

        assertThat(onboardBarnetAgain(StaffLanguage.WELSH))
                .contains("Mae cyngor â'r dynodydd barnet yn bodoli eisoes");
        assertThat(onboardBarnetAgain(StaffLanguage.ENGLISH))
                .contains("A council with the slug barnet already exists");

        var problem = api.post("platform.admin", "/api/platform/tenants", java.util.Map.of("slug", "barnet",
                "displayName", "Barnet again", "firstAdmin", java.util.Map.of("email", "again@demo.councilflow.test",
                        "firstName", "Ann", "lastName", "Other")));
        assertThat(problem.getStatusCode().value()).isEqualTo(409);
        assertThat(problem.getBody().get("detail").asText())
                .isEqualTo("A council with the slug barnet already exists");
        assertThat(api.get("platform.admin", "/api/platform/tenants").getBody()).hasSize(councils);
    }

    /** The notifications the councils page shows after trying to onboard Barnet once more. */
    private List<String> onboardBarnetAgain(java.util.Locale language) {
        List<String> shown = new java.util.ArrayList<>();
        StaffUi.as(context, "platform.admin", () -> {
            UI.getCurrent().setLocale(language);
            UI.getCurrent().navigate(CouncilsView.class);
            _get(CouncilsView.class);
            List<TextField> fields = _find(TextField.class);
            fields.get(0).setValue("barnet");
            fields.get(1).setValue("Barnet again");
            fields.get(2).setValue("Ann");
            fields.get(3).setValue("Other");
            _get(EmailField.class).setValue("again@demo.councilflow.test");
            _click(_get(Button.class, spec -> spec.withId("onboard")));
            NotificationsKt.getNotifications().forEach(n -> shown.add(n.getElement().getProperty("text")));
        });
        return shown;
    }
}
