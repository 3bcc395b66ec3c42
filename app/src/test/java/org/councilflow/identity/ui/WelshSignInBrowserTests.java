package org.councilflow.identity.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Axe;
import org.councilflow.support.Browsers;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.KeycloakAdmin;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;

/**
 * Keycloak's sign-in pages speak the staff UI's language, in a real Chromium against the real Keycloak with the
 * demo realm: with the Welsh choice the page is Welsh (its {@code lang}, no English text of Keycloak's, Welsh labels
 * for screen readers, no serious axe-core violation), so is its refusal of a wrong password and its page for a new
 * password, and signing in lands in the Welsh staff UI; with English it stays English. A language chosen on
 * Keycloak's own page comes back into the staff UI where the browser has no choice of its own.
 */
@IntegrationTest
class WelshSignInBrowserTests {

    @LocalServerPort
    int port;

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
    void withTheWelshChoiceTheSignInPageIsWelshAndLeadsIntoTheWelshStaffUi() {
        choose("cy");
        openSignIn();
        assertThat(page.url()).contains("ui_locales=cy").contains("kc_locale=cy");
        assertWelsh("sign-in/welsh/01-sign-in");
        assertThat(page).hasTitle("Mewngofnodi i CouncilFlow");
        assertThat(page.locator("#kc-page-title")).hasText("Mewngofnodi i'ch cyfrif");
        assertThat(page.locator("label[for=password]")).hasText("Cyfrinair");
        assertThat(page.locator("#kc-login")).hasText("Mewngofnodi");
        assertThat(page.locator("#password-show-password")).hasAttribute("aria-label", "Dangos y cyfrinair");
        assertThat(page.locator("#login-select-toggle")).hasAttribute("aria-label", "Ieithoedd");
        assertThat(page.locator("#login-select-toggle option:checked")).hasText("Cymraeg");

        // a wrong password is refused in Welsh
        page.fill("#username", "barnet.author");
        page.fill("#password", "not-the-password");
        page.click("#kc-login");
        assertThat(page.locator("#input-error-username")).hasText("Enw defnyddiwr neu gyfrinair annilys.");
        assertWelsh("sign-in/welsh/02-wrong-password");

        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        assertThat(page.locator("#greeting")).hasText(Pattern.compile("^Croeso, "));
        assertThat(page.locator("html")).hasAttribute("lang", "cy");
    }

    @Test
    void aNewPasswordIsAskedForInWelshToo() {
        String username = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.createMember(username, username + "@barnet.example", "first-" + Tokens.DEMO_PASSWORD,
                "/tenants/barnet/author");
        UserRepresentation user = KeycloakAdmin.user(username);
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        KeycloakAdmin.update(user);

        choose("cy");
        openSignIn();
        page.fill("#username", username);
        page.fill("#password", "first-" + Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        assertThat(page.locator("#kc-page-title")).hasText("Newid eich cyfrinair");
        assertThat(page.locator("label[for=password-new]")).hasText("Cyfrinair newydd");
        assertWelsh("sign-in/welsh/03-update-password");

        page.fill("#password-new", "second-" + Tokens.DEMO_PASSWORD);
        page.fill("#password-confirm", "not the same");
        page.click("#kc-submit");
        assertThat(page.locator("#input-error-password-confirm")).hasText("Nid yw'r cyfrineiriau yn cyfateb.");
        assertWelsh("sign-in/welsh/04-passwords-differ");

        page.fill("#password-new", "second-" + Tokens.DEMO_PASSWORD);
        page.fill("#password-confirm", "second-" + Tokens.DEMO_PASSWORD);
        page.click("#kc-submit");
        assertThat(page.locator("#greeting")).hasText(Pattern.compile("^Croeso, "));
    }

    @Test
    void inEnglishTheSignInPageStaysEnglish() {
        choose("en");
        openSignIn();
        assertThat(page.url()).contains("ui_locales=en");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#kc-page-title")).hasText("Sign in to your account");
        assertThat(page.locator("#login-select-toggle option:checked")).hasText("English");
        assertThat(Axe.seriousViolations(page)).as("serious or critical axe-core violations in English").isEmpty();
        Browsers.screenshot(page, "sign-in/english/01-sign-in");

        page.fill("#username", "barnet.author");
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        assertThat(page.locator("#greeting")).hasText(Pattern.compile("^Welcome, "));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
    }

    @Test
    void withoutAChoiceTheConfiguredLanguageIsAskedForAndOneChosenOnKeycloaksPageComesBack() {
        // a person of their own, so that the language Keycloak keeps on the account concerns this test alone
        String username = newcomer();
        openSignIn();
        assertThat(page.url()).contains("ui_locales=en");
        assertThat(page.locator("#kc-page-title")).hasText("Sign in to your account");

        page.locator("#login-select-toggle").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Cymraeg"));
        assertThat(page.locator("#kc-page-title")).hasText("Mewngofnodi i'ch cyfrif");
        assertWelsh("sign-in/welsh/05-switched-on-keycloaks-page");

        // the choice comes back with the sign-in and is the staff UI's from then on
        page.fill("#username", username);
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        assertThat(page.locator("#greeting")).hasText(Pattern.compile("^Croeso, "));
        assertThat(page.locator("html")).hasAttribute("lang", "cy");
        assertThat(languageCookie()).isEqualTo("cy");
        assertThat(browser.cookies()).filteredOn(cookie -> cookie.name.equals("councilflow-staff-lang"))
                .allSatisfy(cookie -> assertThat(cookie.httpOnly).isTrue());
    }

    @Test
    void theAccountsLanguageIsTakenOnlyWhereTheBrowserHasNoChoiceOfItsOwn() {
        String username = newcomer();
        UserRepresentation user = KeycloakAdmin.user(username);
        user.singleAttribute("locale", "cy");
        KeycloakAdmin.update(user);

        // English chosen in this browser (later than anything on Keycloak's page, for all Keycloak can say) stays
        choose("en");
        signInAs(username);
        assertThat(page.locator("#greeting")).hasText(Pattern.compile("^Welcome, "));
        assertThat(languageCookie()).isEqualTo("en");

        // a browser without a choice takes the account's
        browser.close();
        browser = Browsers.newContext();
        page = browser.newPage();
        signInAs(username);
        assertThat(page.locator("#greeting")).hasText(Pattern.compile("^Croeso, "));
        assertThat(languageCookie()).isEqualTo("cy");
    }

    /** A new author of Barnet with the demo password, for tests that leave a language on the account. */
    private static String newcomer() {
        String username = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.createMember(username, username + "@barnet.example", Tokens.DEMO_PASSWORD, "/tenants/barnet/author");
        return username;
    }

    private void signInAs(String username) {
        openSignIn();
        page.fill("#username", username);
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
    }

    private String languageCookie() {
        return browser.cookies().stream().filter(cookie -> cookie.name.equals("councilflow-staff-lang"))
                .map(cookie -> cookie.value).findFirst().orElse(null);
    }

    private void choose(String language) {
        browser.addCookies(List.of(new Cookie("councilflow-staff-lang", language)
                .setUrl("http://localhost:" + port + "/")));
    }

    private void openSignIn() {
        page.navigate("http://localhost:" + port + "/");
        page.waitForURL(url -> url.startsWith(DevServices.keycloak().issuerUri() + "/protocol/openid-connect/auth")
                || url.startsWith(DevServices.keycloak().issuerUri() + "/login-actions/"));
        page.locator("#kc-page-title").waitFor();
    }

    /** {@code lang="cy"}, none of Keycloak's English in the text or the labels read aloud, axe clean. */
    private void assertWelsh(String screenshot) {
        assertThat(page.locator("html")).hasAttribute("lang", "cy");
        String shown = String.valueOf(page.evaluate("() => document.body.innerText + '\\n' + document.title + '\\n'"
                + " + [...document.querySelectorAll('[aria-label],[placeholder],[title]')].map(e =>"
                + "   [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.getAttribute('title')].join(' '))"
                + "   .join('\\n')"));
        Set<String> english = SignInTexts.englishTexts();
        assertThat(english.stream().filter(shown::contains).toList())
                .as("Keycloak's English on its Welsh page " + screenshot).isEmpty();
        assertThat(Axe.seriousViolations(page)).as("serious or critical axe-core violations on " + screenshot).isEmpty();
        Browsers.screenshot(page, screenshot);
    }
}
