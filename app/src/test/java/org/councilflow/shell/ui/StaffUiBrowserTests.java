package org.councilflow.shell.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Axe;
import org.councilflow.support.Browsers;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.PublishedCycle;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.flowable.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/**
 * The staff UI in a real Chromium, as each demo role of a council meets it: axe-core finds no serious or critical
 * violation on any view a role's menu offers, the frame fits a phone (390×844) without sideways scrolling, and the
 * keyboard alone reaches the skip link, the menu and the view's heading.
 */
@IntegrationTest
class StaffUiBrowserTests {

    private static final List<String> ROLES = List.of("barnet.author", "barnet.manager", "barnet.board-chair",
            "barnet.clerk", "barnet.member", "barnet.tenant-admin");

    @LocalServerPort
    int port;

    BrowserContext browser;
    Page page;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublishedCycle cycle;
    String draft;
    String scheduled;
    String published;

    /** Work in every stage's view: a draft, a report on a published agenda, a decision in its call-in period. */
    @BeforeEach
    void openBrowser() {
        cycle = new PublishedCycle(new Api(rest), engine);
        draft = cycle.started();
        scheduled = cycle.scheduled();
        published = cycle.published(true);
        browser = Browsers.newContext();
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        cycle.resetClock();
    }

    @Test
    void everyViewOfEveryRoleHasNoSeriousOrCriticalAxeViolation() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String user : ROLES) {
            signIn(user);
            List<String> views = new ArrayList<>(List.of(""));
            views.addAll(menu());
            for (String view : views) {
                open(view);
                String name = user + "/" + (view.isEmpty() ? "home" : view.replace('/', '-'));
                List<String> found = Axe.seriousViolations(page);
                if (!found.isEmpty()) {
                    violations.put(name, found);
                }
                Browsers.screenshot(page, "staff-ui/desktop/" + name);
            }
            signOut();
        }
        assertThat(violations).as("serious or critical axe-core violations by view").isEmpty();
    }

    /**
     * The views reached from others and the dialogs: the editor, the review page with the changes since the version
     * the reviewer last saw (the diff) and a return reason, the committee stage, a meeting's agenda, attendance and
     * minutes, history import, and the dialogs open over them (new report, submit, return, an agenda item, the
     * meeting's status, call-in, roles; the publish dialogs of agenda and decision are checked in the keyboard walk).
     */
    @Test
    void everyViewBeyondTheMenuAndEveryDialogHasNoSeriousOrCriticalAxeViolation() {
        String changed = resubmittedAfterAReturn();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        java.util.function.Consumer<String> check = name -> {
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            List<String> found = Axe.seriousViolations(page);
            if (!found.isEmpty()) {
                violations.put(name, found);
            }
            Browsers.screenshot(page, "staff-ui/axe-more/" + name);
        };

        signIn("barnet.author");
        open("reports");
        page.locator("#new-report").click();
        page.locator("#new-report-title input").waitFor();
        check.accept("author-new-report-dialog");
        page.keyboard().press("Escape");
        open("reports/" + draft + "/edit");
        check.accept("author-editor");
        page.locator("#submit").click();
        page.locator("#confirm-submit").first().waitFor();
        check.accept("author-editor-submit-dialog");
        page.keyboard().press("Escape");
        open("reports/" + published + "/history");
        check.accept("author-history");
        signOut();

        signIn("barnet.manager");
        open("reports/" + changed + "/review");
        assertThat(page.locator("#change-list")).isVisible();
        check.accept("manager-review-with-changes");
        page.locator("#return").click();
        page.locator("#return-reason textarea").waitFor();
        check.accept("manager-return-dialog");
        page.keyboard().press("Escape");
        signOut();

        signIn("barnet.clerk");
        open("reports/" + scheduled + "/committee");
        check.accept("clerk-committee-stage");
        open("meetings");
        page.locator("#calendar vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Hendon Town Hall"))
                .first().click();
        page.locator("#agenda-items").waitFor();
        check.accept("clerk-meeting-agenda");
        page.locator("#add-item").click();
        page.locator("#item-title input").waitFor();
        check.accept("clerk-agenda-item-dialog");
        page.keyboard().press("Escape");
        page.locator("#change-status").click();
        page.locator("#meeting-status").waitFor();
        check.accept("clerk-meeting-status-dialog");
        page.keyboard().press("Escape");
        open("meetings/" + cycle.meetingId + "/attendance");
        check.accept("clerk-attendance");
        open("meetings/" + cycle.meetingId + "/minutes");
        check.accept("clerk-minutes");
        signOut();

        signIn("barnet.member");
        open("papers");
        page.locator(".call-in").first().click();
        page.locator("#call-in-reason textarea").waitFor();
        check.accept("member-call-in-dialog");
        page.keyboard().press("Escape");
        signOut();

        signIn("barnet.tenant-admin");
        open("admin/history-import");
        check.accept("tenant-admin-history-import");
        open("admin/people");
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Change roles")).first().click();
        page.locator("#role-choices").waitFor();
        check.accept("tenant-admin-roles-dialog");
        page.keyboard().press("Escape");
        signOut();

        assertThat(violations).as("serious or critical axe-core violations by view").isEmpty();
    }

    /** Version 1 reviewed by the manager and returned with a reason, the summary changed and submitted as version 2. */
    private String resubmittedAfterAReturn() {
        Api api = new Api(rest);
        String report = cycle.started();
        completeTask(api, "barnet.author", report, Map.of("outcome", "submit"));
        api.put("barnet.manager", "/api/t/barnet/reports/" + report + "/versions/1/review", null);
        completeTask(api, "barnet.manager", report, Map.of("outcome", "return",
                "reason", "Please add the audit findings for the last quarter to the summary."));
        int revision = api.get("barnet.author", "/api/t/barnet/reports/" + report).getBody().at("/revisions/summary").asInt();
        assertThat(api.put("barnet.author", "/api/t/barnet/reports/" + report + "/parts/summary", Map.of("revision", revision,
                "content", "Caseloads fell to 13.3; the audit found 86% of cases good or better.")).getStatusCode().value())
                .isEqualTo(200);
        completeTask(api, "barnet.author", report, Map.of("outcome", "submit"));
        return report;
    }

    private static void completeTask(Api api, String user, String report, Map<String, Object> completion) {
        String task = null;
        for (com.fasterxml.jackson.databind.JsonNode open : api.get(user, "/api/t/barnet/tasks").getBody()) {
            if (open.get("reportId").asText().equals(report)) {
                task = open.get("id").asText();
            }
        }
        assertThat(task).as(user + " has a task on " + report).isNotNull();
        assertThat(api.post(user, "/api/t/barnet/tasks/" + task + "/completion", completion).getStatusCode().value())
                .as(user + " completes " + completion).isEqualTo(204);
    }

    @Test
    void onAPhoneTheHeaderSwitcherUserMenuAndEveryViewFitTheScreen() {
        page.setViewportSize(390, 844);
        signIn("partner.director");
        for (String id : List.of("#council-switcher", "#user-menu", "vaadin-drawer-toggle")) {
            assertWithinScreen(page.locator(id).first(), id);
        }
        Browsers.screenshot(page, "staff-ui/phone/partner.director-home");
        signOut();
        for (String user : ROLES) {
            signIn(user);
            List<String> views = new ArrayList<>(List.of(""));
            views.addAll(menu());
            for (String view : views) {
                open(view);
                String name = user + "/" + (view.isEmpty() ? "home" : view.replace('/', '-'));
                assertWithinScreen(page.locator("#user-menu"), name + " user menu");
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue()).as(name + ": the page scrolls sideways").isLessThanOrEqualTo(0);
                Browsers.screenshot(page, "staff-ui/phone/" + name);
            }
            signOut();
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkTheMenuAndTheViewsHeading() {
        signIn("barnet.clerk");
        page.keyboard().press("Tab");
        assertThat(page.locator("#skip-link")).isFocused();
        Browsers.screenshot(page, "staff-ui/keyboard/01-skip-link");
        page.keyboard().press("Enter");
        assertThat(focusedInMain()).as("the skip link moves focus to the main content").isTrue();
        page.keyboard().press("Tab");
        assertThat(focusedInMain()).as("Tab from the heading goes on inside the view").isTrue();

        // Tab from the start of the page to the menu's "Reports", then Enter
        page.locator("#skip-link").focus();
        boolean reached = false;
        for (int i = 0; i < 25 && !reached; i++) {
            page.keyboard().press("Tab");
            reached = "Reports".equals(page.evaluate("() => { let a = document.activeElement;"
                    + " return a && a.tagName === 'VAADIN-SIDE-NAV-ITEM' ? a.textContent.trim() : null; }"));
        }
        assertThat(reached).as("the menu's Reports item is in the Tab order").isTrue();
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.endsWith("/reports"));
        page.waitForFunction("() => document.activeElement && document.activeElement.tagName === 'H2'");
        assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Progress reports");
        Browsers.screenshot(page, "staff-ui/keyboard/02-heading-focused");
    }

    @Test
    void aCouncillorOnAPhoneRequestsCallInByKeyboardAlone() {
        page.setViewportSize(390, 844);
        signIn("barnet.member");
        page.navigate("http://localhost:" + port + "/papers");
        page.locator("#papers-heading").waitFor();
        page.locator("#skip-link").focus();
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 40 && (stops.isEmpty() || !stops.get(stops.size() - 1).contains("call-in")); i++) {
            page.keyboard().press("Tab");
            stops.add(String.valueOf(page.evaluate("() => { const a = document.activeElement; return a ? a.tagName + '.'"
                    + " + a.className + ' ' + (a.textContent || '').trim().substring(0, 30) : 'none'; }")));
        }
        assertThat(stops.get(stops.size() - 1)).as("the call-in button is in the Tab order: " + stops).contains("call-in");
        assertWithinScreen(page.locator(".call-in").first(), "call-in button");
        page.keyboard().press("Enter");
        page.locator("#call-in-reason textarea").waitFor();
        page.keyboard().type("The committee did not consider the cost to schools.");
        Browsers.screenshot(page, "staff-ui/keyboard/03-call-in-reason");
        for (int i = 0; i < 6 && !"send-call-in".equals(page.evaluate("() => document.activeElement && document.activeElement.id")); i++) {
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Enter");
        assertThat(page.getByText("Call-in requested for ")).isVisible();
        assertThat(page.locator("[data-badge]", new Page.LocatorOptions().setHasText("Called in"))).isVisible();
        Browsers.screenshot(page, "staff-ui/keyboard/04-called-in");
    }

    private boolean focusedInMain() {
        return Boolean.TRUE.equals(page.evaluate("() => { const m = document.querySelector('[data-main-content]');"
                + " return !!m && (m === document.activeElement || m.contains(document.activeElement)); }"));
    }

    private void assertWithinScreen(Locator locator, String what) {
        assertThat(locator).isVisible();
        BoundingBox box = locator.boundingBox();
        assertThat(box.x).as(what + " starts on screen").isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as(what + " ends on screen").isLessThanOrEqualTo(page.viewportSize().width + 0.5);
    }

    private List<String> menu() {
        return Browsers.menuPaths(page);
    }

    private void open(String view) {
        Browsers.openView(page, "http://localhost:" + port + "/", view);
    }

    private void signIn(String username) {
        Browsers.signIn(page, "http://localhost:" + port + "/", username);
    }

    private void signOut() {
        browser.clearCookies();
    }
}
