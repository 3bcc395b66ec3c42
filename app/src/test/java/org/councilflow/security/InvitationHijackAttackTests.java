package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.KeycloakAdmin;
import org.councilflow.support.Mailbox;
import org.councilflow.support.MovableClock;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 14, item 3, against the real Keycloak: a member of Tower Hamlets tries to take over the invitation Barnet is
 * about to send to a new officer, and a Barnet tenant-admin tries to pull Tower Hamlets' staff into Barnet or learn
 * their usernames by e-mail. Invitations are single-use, expiring links accepted by the owner of the verified address.
 */
@IntegrationTest
class InvitationHijackAttackTests {

    private static final String PASSWORD = "Attacker-password-1";
    private static final Pattern INVITATION_TOKEN = Pattern.compile("/invitation\\?token=([a-z0-9-]+\\.[A-Za-z0-9_-]{43})");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    MovableClock clock;

    Api api;
    /** A member of Tower Hamlets with an account made the ordinary way (default roles: the account console). */
    String attacker;
    String attackerEmail;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        attacker = "th.member." + System.nanoTime();
        attackerEmail = attacker + "@demo.councilflow.test";
        KeycloakAdmin.createMember(attacker, attackerEmail, PASSWORD, "/tenants/tower-hamlets/member");
    }

    @AfterEach
    void removeTheAttacker() {
        clock.reset();
        KeycloakAdmin.realm().users().get(KeycloakAdmin.user(attacker).getId()).remove();
    }

    @Test
    void aMemberOfAnotherCouncilCannotTakeOverAnInvitationByChangingTheirEmail() throws Exception {
        String victim = "new.officer." + System.nanoTime() + "@example.test";
        String attackerToken = Tokens.fresh(attacker, PASSWORD);

        // the account API answers this token (a harmless change goes through), but not a change of address
        HttpResponse<String> rename = updateOwnAccount(attackerToken, Map.of("firstName", "Renamed"));
        HttpResponse<String> takeover = updateOwnAccount(attackerToken, Map.of("email", victim));

        assertThat(rename.statusCode()).as(rename.body()).isEqualTo(204);
        assertThat(KeycloakAdmin.user(attacker).getFirstName()).isEqualTo("Renamed");
        assertThat(takeover.statusCode()).as("changing one's own e-mail address: " + takeover.body()).isEqualTo(400);
        assertThat(KeycloakAdmin.user(attacker).getEmail()).isEqualTo(attackerEmail);

        ResponseEntity<JsonNode> invited = api.post("barnet.tenant-admin", "/api/t/barnet/users", invitation(victim));

        assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(invited.getBody().get("status").asText()).isEqualTo("invitation sent");
        assertThat(rolesIn("barnet", Tokens.fresh(attacker, PASSWORD))).isEmpty();
        assertThat(api.call(HttpMethod.GET, "/api/t/barnet/reports", Tokens.fresh(attacker, PASSWORD), null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // even holding the link, the attacker's account does not have the invited address
        String link = Mailbox.find(victim, INVITATION_TOKEN);
        ResponseEntity<JsonNode> accepted = accept(Tokens.fresh(attacker, PASSWORD), link);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(accepted.getBody().get("detail").asText()).contains("sent to another e-mail address");
        assertThat(rolesIn("barnet", Tokens.fresh(attacker, PASSWORD))).isEmpty();
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/users").getBody().findValuesAsText("username"))
                .doesNotContain(attacker);
    }

    @Test
    void anUnverifiedAddressAcceptsNothingEvenWhenTheAccountHasIt() {
        String victim = "new.clerk." + System.nanoTime() + "@example.test";
        String tokenFromBefore = Tokens.fresh(attacker, PASSWORD);
        // the state the old realm allowed: the attacker's account carries the address about to be invited, unverified
        UserRepresentation account = KeycloakAdmin.user(attacker);
        account.setEmail(victim);
        account.setEmailVerified(false);
        KeycloakAdmin.update(account);
        api.post("barnet.tenant-admin", "/api/t/barnet/users", invitation(victim));
        String link = Mailbox.find(victim, INVITATION_TOKEN);

        // the realm lets nobody sign in with an unverified address; a token from before the change still works a while
        assertThatThrownBy(() -> Tokens.fresh(attacker, PASSWORD)).hasMessageContaining("Account is not fully set up");
        ResponseEntity<JsonNode> accepted = accept(tokenFromBefore, link);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(accepted.getBody().get("detail").asText()).contains("verified");
        account.setEmail(attackerEmail);
        account.setEmailVerified(true);
        account.setRequiredActions(List.of());
        KeycloakAdmin.update(account);
        assertThat(rolesIn("barnet", Tokens.fresh(attacker, PASSWORD))).isEmpty();
    }

    @Test
    void aTenantAdminLearnsNothingAboutAnotherCouncilsStaffAndAttachesNothingToThem() {
        String existing = KeycloakAdmin.user("tower-hamlets.clerk").getEmail();
        String unknown = "nobody." + System.nanoTime() + "@example.test";

        ResponseEntity<JsonNode> toExisting = api.post("barnet.tenant-admin", "/api/t/barnet/users", invitation(existing));
        ResponseEntity<JsonNode> toUnknown = api.post("barnet.tenant-admin", "/api/t/barnet/users", invitation(unknown));

        assertThat(toExisting.getStatusCode()).isEqualTo(toUnknown.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(fieldNames(toExisting.getBody())).isEqualTo(fieldNames(toUnknown.getBody()))
                .containsExactlyInAnyOrder("invitationId", "email", "expiresAt", "status");
        assertThat(toExisting.getBody().get("email").asText()).isEqualTo(existing);
        assertThat(rolesIn("barnet", Tokens.fresh("tower-hamlets.clerk", Tokens.DEMO_PASSWORD))).isEmpty();
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/users").getBody().findValuesAsText("username"))
                .doesNotContain("tower-hamlets.clerk");
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody().toString())
                .as("the audit trail names the address typed, never the account behind it").doesNotContain("username");
    }

    @Test
    void theOwnerOfTheAddressAcceptsOnceSignedInAndTheLinkThenIsSpent() {
        String address = KeycloakAdmin.user("tower-hamlets.clerk").getEmail();
        api.post("barnet.tenant-admin", "/api/t/barnet/users", invitation(address));
        String link = Mailbox.find(address, INVITATION_TOKEN);
        String clerk = Tokens.fresh("tower-hamlets.clerk", Tokens.DEMO_PASSWORD);
        try {
            ResponseEntity<JsonNode> accepted = accept(clerk, link);
            ResponseEntity<JsonNode> again = accept(clerk, link);

            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(accepted.getBody().get("tenant").asText()).isEqualTo("barnet");
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(rolesIn("barnet", Tokens.fresh("tower-hamlets.clerk", Tokens.DEMO_PASSWORD))).containsExactly("author");
            assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody().findValuesAsText("action"))
                    .containsExactly("user.invitation-accepted", "user.invited");
        } finally {
            String id = KeycloakAdmin.user("tower-hamlets.clerk").getId();
            api.delete("barnet.tenant-admin", "/api/t/barnet/users/" + id + "/roles/author");
        }
    }

    @Test
    void anExpiredOrForgedLinkAcceptsNothing() {
        String address = KeycloakAdmin.user("tower-hamlets.clerk").getEmail();
        api.post("barnet.tenant-admin", "/api/t/barnet/users", invitation(address));
        String link = Mailbox.find(address, INVITATION_TOKEN);
        String clerk = Tokens.fresh("tower-hamlets.clerk", Tokens.DEMO_PASSWORD);
        String forged = link.substring(0, link.length() - 4) + (link.endsWith("AAAA") ? "BBBB" : "AAAA");

        ResponseEntity<JsonNode> withForged = accept(clerk, forged);
        ResponseEntity<JsonNode> withOtherCouncil = accept(clerk, "tower-hamlets" + link.substring(link.indexOf('.')));
        clock.advance(Duration.ofDays(8));
        ResponseEntity<JsonNode> expired = accept(clerk, link);

        assertThat(withForged.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(withOtherCouncil.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(expired.getBody().get("detail").asText()).contains("expired");
        assertThat(rolesIn("barnet", Tokens.fresh("tower-hamlets.clerk", Tokens.DEMO_PASSWORD))).isEmpty();
    }

    @Test
    void namesTheIdentityProviderRefusesAreABadRequestNamingTheField() {
        for (Map<String, String> bad : List.<Map<String, String>>of(
                Map.of("firstName", "O'Brien & Co"),
                Map.of("lastName", "<script>alert(1)</script>"),
                Map.of("firstName", "Nul\u0000l"))) {
            Map<String, Object> body = new java.util.HashMap<>(invitation("bad." + System.nanoTime() + "@example.test"));
            body.putAll(bad);

            ResponseEntity<JsonNode> response = api.post("barnet.tenant-admin", "/api/t/barnet/users", body);

            assertThat(response.getStatusCode()).as(bad.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().get("errors").findValuesAsText("field")).as(bad.toString())
                    .containsExactly(bad.keySet().iterator().next());
        }
        Map<String, Object> apostrophe = new java.util.HashMap<>(invitation("obrien." + System.nanoTime() + "@example.test"));
        apostrophe.put("lastName", "O'Brien");
        assertThat(api.post("barnet.tenant-admin", "/api/t/barnet/users", apostrophe).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
    }

    private ResponseEntity<JsonNode> accept(String token, String link) {
        return api.call(HttpMethod.POST, "/api/invitations/acceptance", token, Map.of("token", link));
    }

    private static Map<String, Object> invitation(String email) {
        return Map.of("email", email, "firstName", "Nia", "lastName", "Jones", "roles", List.of("author"));
    }

    private List<String> rolesIn(String tenant, String token) {
        JsonNode me = api.call(HttpMethod.GET, "/api/me", token, null).getBody();
        for (JsonNode membership : me.get("tenants")) {
            if (membership.get("tenant").asText().equals(tenant)) {
                List<String> roles = new java.util.ArrayList<>();
                membership.get("roles").forEach(role -> roles.add(role.asText()));
                return roles;
            }
        }
        return List.of();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Keycloak's account API, as the signed-in person: their own profile with some fields changed. */
    private static HttpResponse<String> updateOwnAccount(String token, Map<String, String> changes) throws Exception {
        String account = DevServices.keycloak().issuerUri() + "/account/";
        HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create(account))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(current.statusCode()).as("the account API answers the user: " + current.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ObjectNode profile = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(current.body());
        changes.forEach(profile::put);
        return http.send(HttpRequest.newBuilder(URI.create(account))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(profile.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
