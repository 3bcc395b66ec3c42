package org.councilflow.publication;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.councilflow.support.ReferenceDecision;
import org.councilflow.support.Axe;
import org.councilflow.support.Browsers;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** The public pages in a real headless Chromium: accessible by axe-core's rules, and inert whatever a report holds. */
@IntegrationTest
class PublicPagesBrowserTests {

    static final String LONG_WORD = "Supercalifragilistic".repeat(60);
    static final String ARABIC = "تقرير التقدم في خدمات الأطفال";
    static final String HEBREW = "דוח התקדמות שירותי ילדים";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublicationFixture fixture;
    BrowserContext browser;
    Page page;
    AtomicInteger dialogs = new AtomicInteger();

    @BeforeEach
    void openBrowser() {
        fixture = new PublicationFixture(rest, engine);
        browser = Browsers.newContext();
        page = browser.newPage();
        page.onDialog(dialog -> {
            dialogs.incrementAndGet();
            dialog.dismiss();
        });
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        fixture.resetClock();
    }

    @Test
    void everyPublicPageTypeHasNoSeriousOrCriticalAccessibilityViolations() throws IOException {
        String reportId = DecisionPageIntegrationTests.publishBarnetDecision(fixture, ReferenceDecision.read());
        fixture.api.post("barnet.manager", "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/journey-publication", null);
        String meeting = PublicationFixture.BARNET_MEETING_2018_09_12;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/councils/barnet");
        pages.put("meetings", "/councils/barnet/meetings");
        pages.put("meeting", "/councils/barnet/meetings/" + meeting);
        pages.put("agenda-item", "/councils/barnet/meetings/" + meeting + "/items/1");
        pages.put("report", "/councils/barnet/reports/" + reportId);
        pages.put("decisions", "/councils/barnet/decisions");
        pages.put("decision", "/councils/barnet/decisions/" + OnlyPublishedIntegrationTests.decisionId(reportId, meeting));
        pages.put("journeys", "/councils/barnet/improvement-journey");
        pages.put("journey", "/councils/barnet/improvement-journey/" + DemoData.BARNET_PLAN);
        pages.put("search", "/councils/barnet/search?q=monitoring+visit");
        pages.put("open-data", "/councils/barnet/open-data");
        pages.put("not-found", "/councils/barnet/meetings/00000000-0000-4000-8000-000000000000");
        pages.put("other-brand", "/councils/tower-hamlets");

        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : pages.entrySet()) {
            page.navigate("http://localhost:" + port + entry.getValue());
            assertThat(page.locator("h1")).hasCount(1);
            assertThat(page.evaluate("document.scripts.length")).as(entry.getKey() + " needs no JavaScript").isEqualTo(0);
            assertThat(page.locator("html")).hasAttribute("lang", "en-GB");
            Browsers.screenshot(page, "public-site/" + entry.getKey());
            violations.put(entry.getKey(), Axe.seriousViolations(page));
        }

        assertThat(violations).allSatisfy((name, found) -> assertThat(found).as(name).isEmpty());
        page.navigate("http://localhost:" + port + "/councils/barnet/decisions");
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
    }

    @Test
    void hostileTextInAReportRendersInertAndReadable() {
        String reportId = fixture.report("barnet", DemoData.BARNET_PLAN, document -> {
            ObjectNode header = (ObjectNode) document.get("header");
            header.put("title", "Update <script>alert('title')</script><img src=x onerror=alert('img')> " + ARABIC);
            document.put("summary", "Summary <script>window.hacked = true</script> with [a link](javascript:alert('link'))"
                    + " and <iframe src=\"https://example.org\"></iframe>.\n\n" + LONG_WORD + "\n\n" + ARABIC + "\n\n" + HEBREW
                    + "\n\nOverride \u202Egnirts desrever\u202C here.");
            ArrayNode recommendations = (ArrayNode) document.get("recommendations");
            recommendations.insert(0, "\"><svg onload=alert('svg')>That the Committee note " + HEBREW);
        });
        fixture.clock(Instant.parse("2018-08-28T09:00:00Z"));
        fixture.toScheduling("barnet", reportId);
        fixture.schedule("barnet", reportId, PublicationFixture.BARNET_MEETING_2018_09_12);
        fixture.clock(Instant.parse("2018-09-13T09:00:00Z"));
        fixture.decide("barnet", reportId, "NOTED", List.of("<b onmouseover=alert('res')>Noted</b> " + LONG_WORD),
                "Minutes <script>alert('minutes')</script>\n\n" + ARABIC);
        fixture.publish("barnet", reportId, false);
        fixture.resetClock();
        String meeting = PublicationFixture.BARNET_MEETING_2018_09_12;

        List<String> paths = new ArrayList<>(List.of("/councils/barnet/reports/" + reportId,
                "/councils/barnet/meetings/" + meeting, "/councils/barnet/meetings/" + meeting + "/items/1",
                "/councils/barnet/decisions/" + OnlyPublishedIntegrationTests.decisionId(reportId, meeting),
                "/councils/barnet/decisions", "/councils/barnet/search?q=" + "Supercalifragilistic"
                        + "&x=<script>alert('q')</script>", "/councils/barnet/search?q=<script>alert('q')</script>"));
        int n = 0;
        for (String path : paths) {
            page.navigate("http://localhost:" + port + path);
            assertThat(page.evaluate("document.scripts.length")).as(path).isEqualTo(0);
            assertThat(page.evaluate("typeof window.hacked")).isEqualTo("undefined");
            assertThat(page.locator("main iframe, main img, main svg, main [onerror], main [onload], main [onmouseover]")).hasCount(0);
            assertThat(page.locator("main a[href^='javascript']")).hasCount(0);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as(path + ": long words wrap instead of widening the page").isTrue();
            Browsers.screenshot(page, "public-site/hostile-" + (++n));
            assertThat(Axe.seriousViolations(page)).as(path).isEmpty();
        }
        assertThat(dialogs.get()).as("no script ran").isZero();

        page.navigate("http://localhost:" + port + "/councils/barnet/reports/" + reportId);
        assertThat(page.locator("h1")).containsText("<script>alert('title')</script><img src=x onerror=alert('img')>");
        assertThat(page.locator("main")).containsText("<script>window.hacked = true</script>");
        assertThat(page.locator("main")).containsText(LONG_WORD.substring(0, 200));
        var arabic = page.locator("main [dir=auto]", new Page.LocatorOptions().setHasText(ARABIC)).last();
        assertThat(arabic).isVisible();
        assertThat(arabic.evaluate("e => getComputedStyle(e).direction")).as("right-to-left text reads right to left")
                .isEqualTo("rtl");
        page.navigate("http://localhost:" + port + "/councils/barnet/decisions/"
                + OnlyPublishedIntegrationTests.decisionId(reportId, meeting));
        assertThat(page.locator("#minutes")).containsText("Minutes <script>alert('minutes')</script>");
        assertThat(page.locator("#resolutions li").first()).containsText("<b onmouseover=alert('res')>Noted</b>");
    }
}
