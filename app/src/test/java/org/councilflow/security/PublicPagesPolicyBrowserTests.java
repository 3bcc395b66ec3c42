package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.councilflow.support.Browsers;
import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * In Chromium, under the Content-Security-Policy they really carry: the public pages' own stylesheets apply (the
 * council's colour in the banner, the 404 page's font) and the browser reports no violation; an injected inline
 * script does not run.
 */
@IntegrationTest
class PublicPagesPolicyBrowserTests {

    @LocalServerPort
    int port;

    BrowserContext browser;
    Page page;
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void openBrowser() {
        browser = Browsers.newContext();
        page = browser.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theCouncilsStylesApplyAndNothingIsRefused() {
        page.navigate("http://localhost:" + port + "/councils/barnet");
        assertThat(page.evaluate("getComputedStyle(document.querySelector('header.brand')).backgroundColor"))
                .as("Barnet's green from the page's own stylesheet").isEqualTo("rgb(0, 112, 60)");
        page.navigate("http://localhost:" + port + "/councils/barnet/decisions");
        page.navigate("http://localhost:" + port + "/councils/barnet/no-such-page");
        assertThat((String) page.evaluate("getComputedStyle(document.body).fontFamily")).contains("Arial");

        assertThat(violations).isEmpty();
    }

    @Test
    void aScriptSomehowInThePageWouldNotRun() {
        page.navigate("http://localhost:" + port + "/councils/barnet");
        // as if a stored text had slipped through escaping: the policy refuses inline script
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.ran = true';"
                + " document.body.appendChild(s); }");

        assertThat(page.evaluate("typeof window.ran")).isEqualTo("undefined");
        assertThat(violations).isNotEmpty();
    }
}
