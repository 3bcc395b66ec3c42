package org.councilflow.shell.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.councilflow.support.Api;
import org.councilflow.support.Axe;
import org.councilflow.support.Browsers;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The staff UI in Cymraeg, in a real Chromium: a person switches in the user menu, every view their menu offers then
 * shows no English text of the staff UI's bundle, says {@code <html lang="cy">}, has no serious or critical axe-core
 * violation, and the choice survives a reload and signing out and in again. A Welsh-only council's staff start in
 * Welsh without choosing.
 */
@IntegrationTest
class WelshStaffUiBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    BrowserContext browser;
    Page page;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.newContext();
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void inCymraegEveryViewIsWelshAccessibleAndTheChoiceIsRemembered() throws IOException {
        Set<String> english = englishOnlyTexts();
        Map<String, List<String>> englishFound = new LinkedHashMap<>();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String user : List.of("barnet.clerk", "barnet.tenant-admin")) {
            signIn(user);
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            chooseWelsh();
            assertThat(page.locator("#greeting")).hasText(java.util.regex.Pattern.compile("^Croeso, "));
            List<String> views = new ArrayList<>(List.of(""));
            views.addAll(menu());
            for (String view : views) {
                open(view);
                String name = user + "/" + (view.isEmpty() ? "home" : view.replace('/', '-'));
                assertThat(page.locator("html")).hasAttribute("lang", "cy");
                String text = String.valueOf(page.evaluate("() => document.body.innerText"));
                List<String> left = english.stream().filter(text::contains).toList();
                if (!left.isEmpty()) {
                    englishFound.put(name, left);
                }
                List<String> found = Axe.seriousViolations(page);
                if (!found.isEmpty()) {
                    violations.put(name, found);
                }
                Browsers.screenshot(page, "staff-ui/welsh/" + name);
            }
            browser.clearCookies();
        }
        assertThat(englishFound).as("English staff UI text on Welsh pages").isEmpty();
        assertThat(violations).as("serious or critical axe-core violations in Welsh").isEmpty();
    }

    @Test
    void theChoiceSurvivesAReloadAndSigningOutAndInAgain() {
        signIn("barnet.author");
        chooseWelsh();
        page.reload();
        assertThat(page.locator("html")).hasAttribute("lang", "cy");
        assertThat(page.locator("#greeting")).hasText(java.util.regex.Pattern.compile("^Croeso, "));
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Hafan · CouncilFlow$"));

        page.locator("#user-menu").click();
        page.locator("#sign-out").click();
        page.waitForURL(url -> url.startsWith(org.councilflow.devservices.DevServices.keycloak().issuerUri()));
        page.navigate("http://localhost:" + port + "/");
        page.fill("#username", "barnet.author");
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        assertThat(page.locator("#greeting")).hasText(java.util.regex.Pattern.compile("^Croeso, "));
        assertThat(page.locator("html")).hasAttribute("lang", "cy");

        // and back to English, which is remembered in the same way
        page.locator("#user-menu").click();
        page.locator("#language-en").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#greeting")).hasText(java.util.regex.Pattern.compile("^Welcome, "));
        page.reload();
        assertThat(page.locator("#greeting")).hasText(java.util.regex.Pattern.compile("^Welcome, "));
    }

    @Test
    void aWelshOnlyCouncilsStaffStartInWelshAndMayChooseEnglish() {
        languages("WELSH");
        signIn("barnet.manager");
        assertThat(page.locator("html")).hasAttribute("lang", "cy");
        assertThat(page.locator("#greeting")).hasText(java.util.regex.Pattern.compile("^Croeso, "));
        page.locator("#user-menu").click();
        page.locator("#language-en").click();
        assertThat(page.locator("#greeting")).hasText(java.util.regex.Pattern.compile("^Welcome, "));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
    }

    private void languages(String languages) {
        Api api = new Api(rest);
        JsonNode current = api.get("barnet.tenant-admin", "/api/t/barnet").getBody();
        ObjectNode settings = ((ObjectNode) current.get("settings")).deepCopy();
        settings.put("languages", languages);
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/settings", Map.of("displayName",
                current.get("displayName").asText(), "version", current.get("version").asInt(), "settings", settings))
                .getStatusCode().is2xxSuccessful()).isTrue();
    }

    private void chooseWelsh() {
        page.locator("#user-menu").click();
        page.locator("#language-cy").click();
        assertThat(page.locator("html")).hasAttribute("lang", "cy");
        page.locator("[data-main-content] h2").first().waitFor();
    }

    /**
     * The English texts of the staff bundle a Welsh page must not show: each value's parts between placeholders of
     * two words and 12 characters or more, leaving out those the Welsh bundle has too (names such as "ModernGov").
     */
    private static Set<String> englishOnlyTexts() throws IOException {
        Properties english = load("messages.properties");
        Properties welsh = load("messages_cy.properties");
        Set<String> welshTexts = new TreeSet<>();
        welsh.stringPropertyNames().forEach(key -> welshTexts.add(welsh.getProperty(key)));
        Set<String> texts = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            for (String part : english.getProperty(key).split("\\{\\d+}")) {
                String text = part.strip();
                // phrases, not identifiers: "tenant-admin" is also part of a username the people view lists
                if (text.length() >= 12 && text.contains(" ") && welshTexts.stream().noneMatch(cy -> cy.contains(text))) {
                    texts.add(text);
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(200);
        return texts;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WelshStaffUiBrowserTests.class.getResourceAsStream("/staff/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
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
}
