package org.councilflow.workflow.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.Browsers;
import org.councilflow.support.DevServicesProperties;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * In Chromium, signed in through Keycloak: the manager who submitted a report is not offered its sign-off, another
 * manager claims it and releases it back to the pool; dates typed as people type them ({@code 1/9/2026},
 * {@code 30/11/2026}) are British in the editor and the meeting form, with a 24-hour clock. Screenshots go to
 * target/screenshots/tasks.
 */
@IntegrationTest
class TasksAndDatesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    JdbcClient jdbc = JdbcClient.create(DevServices.postgres().superuserDataSource(DevServicesProperties.TEST_DATABASE));

    @Test
    void theSubmitterIsNotOfferedTheSignOffAndAnotherManagerClaimsAndReleasesIt() {
        Api api = new Api(rest);
        String reportId = api.draftReferenceReport("barnet.author-manager");
        api.post("barnet.author-manager", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        String draft = api.get("barnet.author-manager", "/api/t/barnet/tasks").getBody().findValuesAsText("id").get(0);
        api.post("barnet.author-manager", "/api/t/barnet/tasks/" + draft + "/completion", Map.of("outcome", "submit"));

        as("barnet.author-manager", page -> {
            page.navigate(url("inbox"));
            assertThat(page.locator("#inbox")).containsText("Another manager must take it");
            assertThat(claimButtons(page)).hasCount(0);
            Browsers.screenshot(page, "tasks/01-submitter-not-offered-the-sign-off");
        });
        as("barnet.manager", page -> {
            page.navigate(url("inbox"));
            claimButtons(page).first().click();
            page.waitForURL(u -> u.endsWith("/review"));
            page.navigate(url("inbox"));
            Locator release = page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Release"));
            assertThat(release).hasCount(1);
            Browsers.screenshot(page, "tasks/02-claimed-with-release");
            release.click();
            assertThat(claimButtons(page)).hasCount(1);
            Browsers.screenshot(page, "tasks/03-released-back-to-the-pool");
        });
        JsonNode pool = api.get("barnet.author-manager", "/api/t/barnet/team-tasks").getBody();
        for (JsonNode task : pool) {
            if (task.get("reportId").asText().equals(reportId)) {
                assertThat(task.get("assignee").isNull()).as("back in the pool").isTrue();
            }
        }
    }

    @Test
    void datesTypedAsPeopleTypeThemAreBritish() {
        Api api = new Api(rest);
        String reportId = api.draftReferenceReport("barnet.author");
        as("barnet.author", page -> {
            page.navigate(url("reports/" + reportId + "/edit"));
            Locator meetingDate = page.locator("#header-meeting-date input");
            // typed, then Enter, as people do (Tab would move into the open calendar)
            meetingDate.fill("1/9/2026");
            meetingDate.press("Enter");
            assertThat(meetingDate).hasValue("01/09/2026");
            Locator periodEnd = page.locator("#header-period-end input");
            periodEnd.fill("30/11/26");
            periodEnd.press("Enter");
            assertThat(periodEnd).hasValue("30/11/2026");
            assertThat(page.locator("#save-state")).containsText("saved at");
            page.locator("#header-period-start input").click();
            assertThat(page.locator("vaadin-date-picker-overlay").locator("[part~='weekday']:not([hidden])").first()).hasText("Mon");
            Browsers.screenshot(page, "tasks/04-british-dates-in-the-editor");
            page.keyboard().press("Escape");
        });
        JsonNode header = api.get("barnet.author", "/api/t/barnet/reports/" + reportId).getBody().at("/document/header");
        assertThat(header.get("meetingDate").asText()).as("1 September, not 9 January").isEqualTo("2026-09-01");
        assertThat(api.get("barnet.author", "/api/t/barnet/reports/" + reportId).getBody().at("/document/periodEnd").asText())
                .isEqualTo("2026-11-30");

        as("barnet.clerk", page -> {
            page.navigate(url("meetings"));
            page.locator("#arrange-committee").click();
            // the committee's own item: the form's other select (where the meeting is held) has items too
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions()
                    .setHasText("Children, Education & Safeguarding Committee")).click();
            Locator date = page.locator("#arrange-when vaadin-date-picker input");
            date.fill("30/11/2026");
            date.press("Enter");
            assertThat(date).hasValue("30/11/2026");
            Locator time = page.locator("#arrange-when vaadin-time-picker input");
            time.fill("18:30");
            time.press("Enter");
            assertThat(time).hasValue("18:30");
            page.locator("#arrange-venue input").fill("Typed-date venue");
            Browsers.screenshot(page, "tasks/05-meeting-form-24-hour");
            page.locator("#arrange").click();
            assertThat(page.locator("vaadin-notification-card").first()).containsText("Meeting arranged");
        });
        Instant startsAt = jdbc.sql("SELECT starts_at FROM app.meeting WHERE venue = 'Typed-date venue'")
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(startsAt).as("30 November 2026 at 18:30 in London").isEqualTo(Instant.parse("2026-11-30T18:30:00Z"));
    }

    private static Locator claimButtons(Page page) {
        return page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Claim and open"));
    }

    private interface Steps {
        void run(Page page);
    }

    private void as(String username, Steps steps) {
        BrowserContext browser = Browsers.newContext();
        try {
            Page page = browser.newPage();
            page.navigate(url(""));
            page.fill("#username", username);
            page.fill("#password", Tokens.DEMO_PASSWORD);
            page.click("#kc-login");
            assertThat(page.locator("#greeting")).isVisible();
            steps.run(page);
        } finally {
            browser.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
