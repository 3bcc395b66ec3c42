package org.councilflow.publication;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** A bilingual council's pages in Welsh in a real Chromium: axe-clean, and the switch remembers the reader's choice. */
@IntegrationTest
class WelshPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublicationFixture fixture;
    BrowserContext browser;
    Page page;

    @BeforeEach
    void openBrowser() {
        fixture = new PublicationFixture(rest, engine);
        browser = Browsers.newContext();
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        fixture.resetClock();
    }

    @Test
    void everyWelshPageTypeHasNoSeriousOrCriticalAccessibilityViolationsAndTheSwitchIsRemembered() throws IOException {
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "BILINGUAL");
        String welshReport = WelshPublicSiteIntegrationTests.publishWelshDecision(fixture);
        String englishReport = DecisionPageIntegrationTests.publishBarnetDecision(fixture, ReferenceDecision.read());
        fixture.api.post("barnet.manager", "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/journey-publication", null);
        Map<String, String> pages = WelshPublicSiteIntegrationTests.pages(welshReport, englishReport);
        pages.put("search", "/councils/barnet/search?q=cynnydd");
        // committee papers with the council's Welsh, and English shown marked where there is no Welsh (ADR 0017)
        WelshPapers papers = WelshPapers.publish(fixture.api);
        pages.put("papers-meeting-with-minutes", "/councils/barnet/meetings/" + papers.meeting());
        pages.put("papers-item-bilingual", "/councils/barnet/meetings/" + papers.meeting() + "/items/2");
        pages.put("papers-item-english-only", "/councils/barnet/meetings/" + papers.meeting() + "/items/1");

        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : pages.entrySet()) {
            page.navigate("http://localhost:" + port + entry.getValue());
            assertThat(page.locator("html")).hasAttribute("lang", "cy");
            assertThat(page.locator("h1")).hasCount(1);
            Browsers.screenshot(page, "public-site-cy/" + entry.getKey());
            violations.put(entry.getKey(), Axe.seriousViolations(page));
        }
        assertThat(violations).allSatisfy((name, found) -> assertThat(found).as(name).isEmpty());

        // the switch: English, remembered for the bare address; then back to Welsh
        page.navigate("http://localhost:" + port + "/councils/barnet/decisions");
        page.locator("header .language a").click();
        assertThat(page).hasURL("http://localhost:" + port + "/councils/barnet/decisions?lang=en");
        assertThat(page.locator("h1")).hasText("Decisions");
        page.navigate("http://localhost:" + port + "/councils/barnet/meetings");
        assertThat(page.locator("html")).hasAttribute("lang", "en-GB");
        page.locator("header .language a").click();
        assertThat(page.locator("h1")).hasText("Cyfarfodydd");
        page.navigate("http://localhost:" + port + "/councils/barnet");
        assertThat(page.locator("html")).hasAttribute("lang", "cy");
    }
}
