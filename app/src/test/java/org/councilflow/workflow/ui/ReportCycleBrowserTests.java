package org.councilflow.workflow.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Axe;
import org.councilflow.support.Browsers;
import org.councilflow.support.DemoData;
import org.councilflow.support.DevServicesProperties;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The whole cycle in a real headless Chromium against the running app, the real Keycloak login page and PostgreSQL,
 * each step by its demo user: an author drafts and submits, a manager signs off, the board chair endorses, a clerk
 * schedules, records and publishes. Screenshots of each step go to target/screenshots/cycle; axe-core checks the
 * inbox, the report editor and the sign-off view.
 */
@IntegrationTest
class ReportCycleBrowserTests {

    private static final String TITLE = "Sixth update report on the Children's Services Improvement Action Plan";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    /** As the database's superuser: set-up outside the application under test. */
    JdbcClient jdbc = JdbcClient.create(DevServices.postgres().superuserDataSource(DevServicesProperties.TEST_DATABASE));

    @AfterEach
    void resetEngineClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    @Test
    void fromDraftToPublishedDecisionEachPersonInTheirOwnBrowser() {
        Instant meetingAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        jdbc.sql("INSERT INTO app.meeting (id, tenant_id, committee_id, starts_at, venue) VALUES (:id, 'barnet', :committee, :at, 'Hendon Town Hall')")
                .param("id", UUID.randomUUID()).param("committee", UUID.fromString(DemoData.BARNET_CES_COMMITTEE))
                .param("at", Timestamp.from(meetingAt)).update();

        String reportUrl = as("barnet.author", page -> {
            page.navigate(url("reports"));
            page.locator("#new-report").click();
            page.locator("#new-report-title input").fill(TITLE);
            page.locator("#new-report-number input").fill("6");
            page.locator("#create-report").click();
            page.waitForURL(u -> u.endsWith("/edit"));
            page.locator("#text-summary textarea").fill("Progress continued across all six themes; caseloads fell to 13.3.");
            page.locator("#add-recommendation").click();
            page.locator("#recommendation-1 textarea").fill("That the Committee note the progress of the Improvement Action Plan.");
            assertThat(page.locator("#save-state")).containsText("saved at");
            assertThat(page.locator("#preview-summary")).containsText("caseloads fell to 13.3");
            Browsers.screenshot(page, "cycle/01-author-drafts");
            assertThat(Axe.seriousViolations(page)).as("report editor").isEmpty();

            page.locator("#submit").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();
            page.waitForURL(u -> u.endsWith("/inbox"));
            Browsers.screenshot(page, "cycle/02-author-submitted");
            return page.url();
        });
        assertThat(reportUrl).endsWith("/inbox");
        String reportId = jdbc.sql("SELECT id::text FROM app.progress_report WHERE title = :title").param("title", TITLE)
                .query(String.class).single();

        as("barnet.manager", page -> {
            page.navigate(url("inbox"));
            Locator claim = page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Claim and open"));
            assertThat(claim).hasCount(1);
            Browsers.screenshot(page, "cycle/03-manager-inbox");
            assertThat(Axe.seriousViolations(page)).as("inbox").isEmpty();
            claim.click();
            page.waitForURL(u -> u.endsWith("/review"));
            assertThat(page.locator("#version-about")).containsText("Version 1, submitted by barnet.author");
            assertThat(page.locator("#section-summary")).containsText("caseloads fell to 13.3");
            Browsers.screenshot(page, "cycle/04-manager-signs-off");
            assertThat(Axe.seriousViolations(page)).as("sign-off view").isEmpty();
            page.locator("#approve").click();
            page.waitForURL(u -> u.endsWith("/inbox"));
            return null;
        });

        as("barnet.board-chair", page -> {
            page.navigate(url("inbox"));
            page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Claim and open")).click();
            page.waitForURL(u -> u.endsWith("/review"));
            assertThat(page.locator("#outcome")).containsText("Improvement board review");
            Browsers.screenshot(page, "cycle/05-board-chair-endorses");
            page.locator("#approve").click();
            page.waitForURL(u -> u.endsWith("/inbox"));
            return null;
        });

        as("barnet.clerk", page -> {
            page.navigate(url("inbox"));
            page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Claim and open")).click();
            page.waitForURL(u -> u.endsWith("/committee"));
            page.locator("#meeting input").click();
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Hendon Town Hall")).click();
            Browsers.screenshot(page, "cycle/06-clerk-schedules");
            page.locator("#schedule").click();
            page.waitForURL(u -> u.endsWith("/inbox"));

            // scheduling publishes nothing: the clerk publishes the agenda, after a preview
            page.navigate(url("meetings"));
            page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Hendon Town Hall")).first().click();
            page.locator("#publish-agenda").click();
            page.locator("#confirm-publish").click();
            assertThat(page.locator("#publish-agenda")).hasCount(0);

            // the committee meets: the engine's clock moves past the meeting instead of the test waiting for it
            engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(meetingAt.plus(1, ChronoUnit.DAYS)));
            page.navigate(url("inbox"));
            page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Open")).first().click();
            page.waitForURL(u -> u.endsWith("/committee"));
            assertThat(page.locator("#stage")).hasText("Record decision");
            assertThat(page.locator("#resolution-1 textarea")).hasValue("That the Committee note the progress of the Improvement Action Plan.");
            page.locator("#minutes textarea").fill("The Chairman introduced the report. The Committee noted the progress.");
            Browsers.screenshot(page, "cycle/07-clerk-records-decision");
            page.locator("#record").click();
            page.waitForURL(u -> u.endsWith("/inbox"));

            page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Open")).first().click();
            page.waitForURL(u -> u.endsWith("/committee"));
            assertThat(page.locator("#decision")).containsText("Recommendations approved");
            Browsers.screenshot(page, "cycle/08-clerk-publishes");
            page.locator("#publish").click();
            // the public page first, then confirm
            assertThat(page.frameLocator("#decision-preview").locator("h1")).containsText(TITLE);
            assertThat(page.frameLocator("#decision-preview").locator("body")).containsText("That the Committee note the progress");
            Browsers.screenshot(page, "cycle/08b-clerk-previews-the-public-page");
            page.locator("#confirm-publish").focus();
            page.keyboard().press("Enter");
            page.waitForURL(u -> u.endsWith("/inbox"));

            page.navigate(url("reports/" + reportId + "/history"));
            assertThat(page.locator("#timeline")).containsText("Published by barnet.clerk");
            assertThat(page.locator("#timeline")).containsText("Signed off by barnet.manager");
            assertThat(page.locator("#timeline")).containsText("Endorsed by barnet.board-chair");
            Browsers.screenshot(page, "cycle/09-history");
            return null;
        });

        assertThat(jdbc.sql("SELECT published_at IS NOT NULL FROM app.decision WHERE report_id = :id::uuid").param("id", reportId)
                .query(Boolean.class).single()).isTrue();

        as("tower-hamlets.manager", page -> {
            page.navigate(url("reports/" + reportId + "/review"));
            assertThat(page.locator("#error-title")).hasText("Not found in London Borough of Tower Hamlets");
            assertThat(page.locator("#error-detail")).containsText("No report " + reportId + " in London Borough of Tower Hamlets");
            Browsers.screenshot(page, "cycle/10-other-council-refused");
            return null;
        });
    }

    private interface Steps<T> {
        T run(Page page);
    }

    /** Signs in through Keycloak's login page in a browser of the person's own, and runs their steps. */
    private <T> T as(String username, Steps<T> steps) {
        BrowserContext browser = Browsers.newContext();
        try {
            Page page = browser.newPage();
            page.navigate(url(""));
            page.fill("#username", username);
            page.fill("#password", Tokens.DEMO_PASSWORD);
            page.click("#kc-login");
            assertThat(page.locator("#greeting")).isVisible();
            return steps.run(page);
        } finally {
            browser.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
