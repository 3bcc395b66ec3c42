package org.councilflow.tenancy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.councilflow.devservices.DevServices;
import org.councilflow.identity.TenantDirectory;
import org.councilflow.support.Api;
import org.councilflow.support.Browsers;
import org.councilflow.support.Faults;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Mailbox;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** The platform operator onboards, suspends and reactivates councils; nothing is ever left half made. */
@IntegrationTest
class PlatformOnboardingIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TenantDirectory directory;

    @Autowired
    Faults faults;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    @Test
    void anOnboardedCouncilsAdminSignsInChangesTheirPasswordAndManagesUsers() {
        String slug = uniqueSlug("testshire");
        String email = slug + ".admin@demo.councilflow.test";

        ResponseEntity<JsonNode> onboarded = api.post("platform.admin", "/api/platform/tenants", newTenant(slug, email));

        assertThat(onboarded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(onboarded.getBody().at("/tenant/status").asText()).isEqualTo("ACTIVE");
        assertThat(onboarded.getBody().get("adminUsername").asText()).isEqualTo(email);
        String temporaryPassword = onboarded.getBody().get("adminTemporaryPassword").asText();
        assertThat(directory.exists(slug)).isTrue();

        String newPassword = "Council-" + System.nanoTime();
        try (BrowserContext browser = Browsers.newContext()) {
            Page page = browser.newPage();
            page.navigate("http://localhost:" + port + "/");
            page.fill("#username", email);
            page.fill("#password", temporaryPassword);
            page.click("#kc-login");
            page.fill("#password-new", newPassword);
            page.fill("#password-confirm", newPassword);
            Browsers.screenshot(page, "onboarding/01-update-password");
            page.locator("input[type=submit], button[type=submit]").first().click();
            assertThat(page.locator("#greeting")).hasText("Welcome, Tess Admin");
            assertThat(page.getByText(slug + ": tenant-admin")).isVisible();
            Browsers.screenshot(page, "onboarding/02-signed-in");
        }

        String token = Tokens.fresh(email, newPassword);
        String author = slug + ".author@demo.councilflow.test";
        ResponseEntity<JsonNode> invited = api.call(HttpMethod.POST, "/api/t/" + slug + "/users", token, Map.of(
                "email", author, "firstName", "Alex", "lastName", "Author", "roles", List.of("author")));

        assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(invited.getBody().get("status").asText()).isEqualTo("invitation sent");
        assertThat(api.call(HttpMethod.GET, "/api/t/" + slug + "/users", token, null).getBody().findValuesAsText("username"))
                .as("nobody joins before accepting").containsExactly(email);

        // the newcomer: Keycloak's own e-mail sets a password and verifies the address, then ours is accepted in the UI
        String setUp = Mailbox.find(author, Pattern.compile("(http://\\S+/login-actions/action-token\\?\\S+)"));
        String invitationLink = Mailbox.find(author, Pattern.compile("(http://\\S+/invitation\\?token=\\S+)"));
        String authorPassword = "Author-" + System.nanoTime();
        try (BrowserContext browser = Browsers.newContext()) {
            Page page = browser.newPage();
            page.navigate(setUp);
            Browsers.screenshot(page, "onboarding/03-newcomer-actions");
            if (page.locator("#password-new").count() == 0) {
                page.locator("a").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Click here")).first().click();
            }
            page.fill("#password-new", authorPassword);
            page.fill("#password-confirm", authorPassword);
            page.locator("input[type=submit], button[type=submit]").first().click();
            Browsers.screenshot(page, "onboarding/04-newcomer-set-up");
            page.navigate(invitationLink.replaceFirst("^http://[^/]+", "http://localhost:" + port));
            if (page.locator("#username").count() > 0) {
                page.fill("#username", author);
                page.fill("#password", authorPassword);
                page.click("#kc-login");
            }
            page.click("#accept-invitation");
            assertThat(page.locator("#invitation-result")).containsText("you now hold author in " + slug);
            Browsers.screenshot(page, "onboarding/05-invitation-accepted");
        }

        JsonNode users = api.call(HttpMethod.GET, "/api/t/" + slug + "/users", token, null).getBody();
        assertThat(users.findValuesAsText("username")).containsExactlyInAnyOrder(email, author);
        JsonNode audit = api.call(HttpMethod.GET, "/api/t/" + slug + "/audit", token, null).getBody();
        assertThat(audit.findValuesAsText("action")).containsExactly("user.invitation-accepted", "user.invited",
                "tenant.onboarded");
        assertThat(audit.get(2).get("actor").asText()).isEqualTo("platform.admin");
    }

    @Test
    void aFailureBetweenTheKeycloakStepAndTheDatabaseStepLeavesNoHalfCouncilAndMayBeRetried() {
        String slug = uniqueSlug("faultshire");
        String email = slug + ".admin@demo.councilflow.test";
        faults.failOnboardingAfterDirectory(slug);

        ResponseEntity<JsonNode> failed = api.post("platform.admin", "/api/platform/tenants", newTenant(slug, email));

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(failed.getBody().get("detail").asText()).contains("nothing was created");
        assertThat(api.get("platform.admin", "/api/platform/tenants/" + slug).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(directory.exists(slug)).as("Keycloak groups removed").isFalse();
        assertThat(Keycloak.userExists(email)).as("the admin account created for it removed").isFalse();

        ResponseEntity<JsonNode> retried = api.post("platform.admin", "/api/platform/tenants", newTenant(slug, email));

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(directory.exists(slug)).isTrue();
    }

    @Test
    void aSuspendedCouncilsUsersGetAClearRefusalAndNothingIsDeleted() {
        ResponseEntity<JsonNode> suspended = api.put("platform.admin", "/api/platform/tenants/barnsley/suspension",
                Map.of("reason", "Contract ended"));

        assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(suspended.getBody().get("status").asText()).isEqualTo("SUSPENDED");
        ResponseEntity<JsonNode> refused = api.get("barnsley.clerk", "/api/t/barnsley/committees");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("detail").asText())
                .isEqualTo("Barnsley Metropolitan Borough Council is suspended on CouncilFlow: Contract ended. Nothing has"
                        + " been deleted; contact the CouncilFlow operator.");
        assertThat(api.get("barnet.clerk", "/api/t/barnet/committees").getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> reactivated = api.delete("platform.admin", "/api/platform/tenants/barnsley/suspension");

        assertThat(reactivated.getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(api.get("barnsley.clerk", "/api/t/barnsley/committees").getBody()).hasSize(2);
        assertThat(api.get("barnsley.tenant-admin", "/api/t/barnsley/audit").getBody().findValuesAsText("action"))
                .containsExactly("tenant.reactivated", "tenant.suspended");
    }

    @Test
    void badOnboardingRequestsAreRefusedWithProblemsAndChangeNothing() {
        int before = api.get("platform.admin", "/api/platform/tenants").getBody().size();

        ResponseEntity<JsonNode> malformed = api.post("platform.admin", "/api/platform/tenants",
                newTenant("Bad Slug!", "someone@demo.councilflow.test"));
        ResponseEntity<JsonNode> duplicate = api.post("platform.admin", "/api/platform/tenants",
                newTenant("barnet", "someone@demo.councilflow.test"));
        ResponseEntity<JsonNode> oversized = api.post("platform.admin", "/api/platform/tenants", Map.of(
                "slug", "x".repeat(64), "displayName", "y".repeat(5000),
                "firstAdmin", Map.of("email", "not-an-email", "firstName", "", "lastName", "z".repeat(101))));
        ResponseEntity<JsonNode> empty = api.post("platform.admin", "/api/platform/tenants", "{}");
        ResponseEntity<JsonNode> notJson = api.post("platform.admin", "/api/platform/tenants", "{\"slug\": [");

        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("errors").findValuesAsText("field")).containsExactly("slug");
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(duplicate.getBody().get("detail").asText()).contains("already exists");
        assertThat(oversized.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(oversized.getBody().get("errors").findValuesAsText("field")).contains("slug", "displayName",
                "firstAdmin.email", "firstAdmin.firstName", "firstAdmin.lastName");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get("platform.admin", "/api/platform/tenants").getBody()).hasSize(before);
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody()).isEmpty();
    }

    @Test
    void suspendingAnUnknownCouncilIsNotFound() {
        assertThat(api.put("platform.admin", "/api/platform/tenants/atlantis/suspension", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Map<String, Object> newTenant(String slug, String email) {
        return Map.of("slug", slug, "displayName", "Testshire County Council",
                "firstAdmin", Map.of("email", email, "firstName", "Tess", "lastName", "Admin"));
    }

    private static String uniqueSlug(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Looks at Keycloak directly, as its administrator: not through the application under test. */
    static final class Keycloak {
        static boolean userExists(String email) {
            try (org.keycloak.admin.client.Keycloak admin = org.keycloak.admin.client.Keycloak.getInstance(
                    DevServices.keycloak().baseUrl(), "master", "admin", "admin", "admin-cli")) {
                return !admin.realm("councilflow").users().searchByEmail(email, true).isEmpty();
            }
        }
    }
}
