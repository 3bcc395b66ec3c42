package org.councilflow.workflow.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.Axe;
import org.councilflow.support.Browsers;
import org.councilflow.support.DevServicesProperties;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.KeyboardOnly;
import org.councilflow.support.Tokens;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A whole cycle through the staff UI by keyboard alone (Tab, Shift+Tab, Enter, Space, the arrow keys and typing;
 * no click anywhere), once on a desktop and once on a phone (390×844), every person in their own browser signed in
 * through Keycloak's page: an author who is also a manager drafts and submits, and is not offered the sign-off
 * (four-eyes); another manager signs off; the board chair endorses; the clerk arranges the meeting with its date
 * typed as people type it ({@code 1/9/2026} style, day first), schedules the report, publishes the agenda after its
 * preview, records the decision and publishes it after its preview; a councillor reads it under published papers
 * and requests call-in. Screenshots of every step go to {@code target/ui-walk/<viewport>/}, listed in the output
 * with the keys pressed.
 */
@IntegrationTest
class KeyboardCycleBrowserTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate rest;

    JdbcClient jdbc = JdbcClient.create(DevServices.postgres().superuserDataSource(DevServicesProperties.TEST_DATABASE));

    private final List<String> log = new ArrayList<>();
    private final List<Path> screenshots = new ArrayList<>();

    @AfterEach
    void resetClockAndPrint() {
        engine.getProcessEngineConfiguration().getClock().reset();
        System.out.println("[ui-walk] keys pressed:\n  " + String.join("\n  ", log));
        System.out.println("[ui-walk] screenshots:\n  " + String.join("\n  ", screenshots.stream().map(Path::toString).toList()));
    }

    @Test
    void aWholeCycleByKeyboardOnADesktop() {
        walk("desktop", 1280, 900, false);
    }

    @Test
    void aWholeCycleByKeyboardOnAPhone() {
        walk("phone", 390, 844, true);
    }

    private void walk(String viewport, int width, int height, boolean phone) {
        String title = "Keyboard update report (" + viewport + ")";
        String venue = "Keyboard Hall " + viewport;
        // a meeting six weeks ahead at 18:30, typed day first without leading zeros as people type dates
        LocalDate day = LocalDate.now(LONDON).plusWeeks(6);
        String typedDay = day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();

        as("barnet.author-manager", viewport, width, height, phone, keys -> {
            menu(keys, phone, "reports");
            keys.tabTo("#new-report").press("Enter");
            // the dialog puts the focus on the title
            keys.focusedOrTabTo("#new-report-title").type(title);
            keys.tabTo("#new-report-number").type("7");
            keys.tabTo("#create-report").press("Enter");
            keys.page().waitForURL(u -> u.endsWith("/edit"));
            keys.tabTo("#header-meeting-date").type(typedDay).press("Enter");
            assertThat(keys.page().locator("#header-meeting-date input")).hasValue(String.format("%02d/%02d/%d",
                    day.getDayOfMonth(), day.getMonthValue(), day.getYear()));
            keys.tabTo("#text-summary").type("Progress continued across all six themes; caseloads fell to 13.3.");
            keys.tabTo("#add-recommendation").press("Enter");
            keys.focusedOrTabTo("#recommendation-1").type("That the Committee note the progress of the plan.");
            assertThat(keys.page().locator("#save-state")).containsText("saved at");
            keys.screenshot("01-author-drafts");
            keys.tabTo("#submit").press("Enter");
            keys.tabTo("#confirm-submit").press("Enter");
            keys.page().waitForURL(u -> u.endsWith("/inbox"));
            // four-eyes: the manager who submitted it is told another must sign it off, with no button to claim
            assertThat(keys.page().locator("#inbox")).containsText("Another manager must take it");
            assertThat(claimButtons(keys.page())).hasCount(0);
            keys.screenshot("02-submitter-not-offered-the-sign-off");
        });
        String reportId = jdbc.sql("SELECT id::text FROM app.progress_report WHERE tenant_id = 'barnet' AND title = :title")
                .param("title", title).query(String.class).single();
        assertThat(new Api(rest).get("barnet.author-manager", "/api/t/barnet/reports/" + reportId).getBody()
                .at("/document/header/meetingDate").asText()).as("typed day first").isEqualTo(day.toString());

        as("barnet.manager", viewport, width, height, phone, keys -> {
            menu(keys, phone, "inbox");
            // the filter's value is shown whole, not cut ("My tasks and claimal")
            assertThat(keys.page().evaluate("() => { const b = document.querySelector('#inbox-scope vaadin-select-value-button');"
                    + " return b.scrollWidth <= b.clientWidth; }")).as("the inbox's Show select fits its value").isEqualTo(true);
            claimAndOpen(keys, title, "/review");
            assertThat(keys.page().locator("#version-about")).containsText("submitted by barnet.author-manager");
            keys.screenshot("03-manager-signs-off");
            keys.tabTo("#approve").press("Enter");
            keys.page().waitForURL(u -> u.endsWith("/inbox"));
        });

        as("barnet.board-chair", viewport, width, height, phone, keys -> {
            menu(keys, phone, "inbox");
            claimAndOpen(keys, title, "/review");
            assertThat(keys.page().locator("#outcome")).containsText("Improvement board review");
            keys.screenshot("04-board-chair-endorses");
            keys.tabTo("#approve").press("Enter");
            keys.page().waitForURL(u -> u.endsWith("/inbox"));
        });

        as("barnet.clerk", viewport, width, height, phone, keys -> {
            Page page = keys.page();
            // the meeting: the committee chosen with the arrow keys, the date typed day first, a 24-hour time
            menu(keys, phone, "meetings");
            keys.tabTo("#arrange-committee").press("ArrowDown");
            // the list opens with an animation: on a busy machine, keys pressed before it holds the focus are lost
            page.waitForFunction("() => document.activeElement && document.activeElement.localName === 'vaadin-select-item'");
            for (int i = 0; i < 10 && !keys.focused().contains("Children, Education"); i++) {
                page.evaluate("() => { window.focusBefore = document.activeElement; }");
                keys.press("ArrowDown");
                page.waitForFunction("() => document.activeElement !== window.focusBefore");
            }
            keys.press("Enter");
            assertThat(page.locator("#arrange-committee")).containsText("Children, Education");
            keys.tabTo("#arrange-when vaadin-date-picker").type(typedDay).press("Enter");
            keys.tabTo("#arrange-when vaadin-time-picker").type("18:30").press("Enter");
            keys.tabTo("#arrange-venue").type(venue);
            keys.screenshot("05-clerk-arranges-the-meeting");
            keys.tabTo("#arrange").press("Enter");
            assertThat(page.locator("vaadin-notification-card").first()).containsText("Meeting arranged");

            menu(keys, phone, "inbox");
            claimAndOpen(keys, title, "/committee");
            keys.tabTo("#meeting").type(venue);
            // as a person does: the arrow key once the filtered list shows the meeting (earlier, Enter kept the typed text)
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(venue)).first().waitFor();
            keys.press("ArrowDown").press("Enter");
            assertThat(page.locator("#meeting input")).hasValue(java.util.regex.Pattern.compile("Children.*" + venue));
            keys.screenshot("06-clerk-schedules");
            keys.tabTo("#schedule").press("Enter");
            page.waitForURL(u -> u.endsWith("/inbox"));

            // the agenda: Tab to the new meeting's own "Open agenda" in the calendar (row actions are in the Tab order,
            // ADR 0020), Enter, then preview and confirm
            menu(keys, phone, "meetings");
            keys.tabTo("#calendar vaadin-button.open-meeting[aria-label*='" + venue + "']").press("Enter");
            assertThat(page.locator("#agenda-items")).isVisible();
            keys.tabTo("#publish-agenda").press("Enter");
            assertThat(page.locator("#publish-preview")).isVisible();
            keys.screenshot("07-clerk-previews-the-agenda");
            assertThat(Axe.seriousViolations(page)).as("the agenda's publish dialog").isEmpty();
            keys.tabTo("#confirm-publish").press("Enter");
            assertThat(page.locator("#publish-agenda")).hasCount(0);
            keys.screenshot("08-agenda-published");

            // the committee meets: the engine's clock moves past the meeting instead of the test waiting for it
            LocalDateTime meets = LocalDateTime.of(day, LocalTime.of(18, 30));
            engine.getProcessEngineConfiguration().getClock().setCurrentTime(
                    Date.from(meets.atZone(LONDON).toInstant().plus(1, ChronoUnit.DAYS)));
            menu(keys, phone, "inbox");
            open(keys, title, "/committee");
            assertThat(page.locator("#stage")).hasText("Record decision");
            keys.tabTo("#minutes").type("The Chairman introduced the report. The Committee noted the progress.");
            keys.screenshot("09-clerk-records-the-decision");
            keys.tabTo("#record").press("Enter");
            page.waitForURL(u -> u.endsWith("/inbox"));

            open(keys, title, "/committee");
            assertThat(page.locator("#decision")).containsText("Recommendations approved");
            keys.tabTo("#publish").press("Enter");
            assertThat(page.frameLocator("#decision-preview").locator("h1")).containsText(title);
            keys.screenshot("10-clerk-previews-the-decision");
            assertThat(Axe.seriousViolations(page)).as("the decision's publish dialog").isEmpty();
            keys.tabTo("#confirm-publish").press("Enter");
            page.waitForURL(u -> u.endsWith("/inbox"));
        });
        assertThat(jdbc.sql("SELECT published_at IS NOT NULL FROM app.decision WHERE report_id = :id::uuid")
                .param("id", reportId).query(Boolean.class).single()).isTrue();

        as("barnet.member", viewport, width, height, phone, keys -> {
            Page page = keys.page();
            menu(keys, phone, "papers");
            assertThat(page.locator("#papers-heading")).isVisible();
            keys.tabTo(".call-in[aria-label$='" + title + "']").press("Enter");
            keys.focusedOrTabTo("#call-in-reason").type("The committee did not consider the cost to schools.");
            keys.screenshot("11-councillor-requests-call-in");
            keys.tabTo("#send-call-in").press("Enter");
            assertThat(page.getByText("Call-in requested for " + title)).isVisible();
            keys.screenshot("12-called-in");
        });
        assertThat(jdbc.sql("SELECT called_in_at IS NOT NULL FROM app.decision WHERE report_id = :id::uuid")
                .param("id", reportId).query(Boolean.class).single()).as("called in").isTrue();
    }

    /** Tab from the inbox's filters to the task's "Claim and open" (in the Tab order, not behind arrow keys), Enter. */
    private void claimAndOpen(KeyboardOnly keys, String title, String path) {
        keys.tabTo("vaadin-button[aria-label^='Claim and open'][aria-label$='" + title + "']").press("Enter");
        keys.page().waitForURL(u -> u.endsWith(path));
    }

    /** The task's own button, "Open" when the clerk holds it already, "Claim and open" when not. */
    private void open(KeyboardOnly keys, String title, String path) {
        keys.tabTo("vaadin-button[aria-label*='open ' i][aria-label$=': " + title + "']").press("Enter");
        keys.page().waitForURL(u -> u.endsWith(path));
    }

    /** The menu by keyboard: on a phone the drawer's toggle first. */
    private void menu(KeyboardOnly keys, boolean phone, String path) {
        Page page = keys.page();
        // the menu comes before the view: Shift+Tab back to it from inside the view
        if (phone) {
            keys.tabTo("vaadin-drawer-toggle").press("Enter");
        }
        keys.tabTo("#navigation vaadin-side-nav-item[path='" + path + "']").press("Enter");
        page.waitForURL(u -> u.endsWith("/" + path));
        page.locator("[data-main-content] h2").first().waitFor();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    }

    private static Locator claimButtons(Page page) {
        return page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Claim and open"));
    }

    private interface Steps {
        void run(KeyboardOnly keys);
    }

    /** Signs in on Keycloak's page by keyboard in a browser of the person's own, then runs their steps. */
    private void as(String username, String viewport, int width, int height, boolean phone, Steps steps) {
        BrowserContext browser = Browsers.newContext();
        try {
            Page page = browser.newPage();
            page.setViewportSize(width, height);
            KeyboardOnly keys = new KeyboardOnly(page, viewport + "/" + username);
            page.navigate("http://localhost:" + port + "/");
            keys.tabTo("#username").type(username);
            keys.tabTo("#password").type(Tokens.DEMO_PASSWORD).press("Enter");
            assertThat(page.locator("#greeting")).isVisible();
            try {
                steps.run(keys);
            } finally {
                log.add(viewport + " " + username + ": " + String.join(", ", keys.moves()));
                screenshots.addAll(keys.screenshots());
            }
        } finally {
            browser.close();
        }
    }
}
