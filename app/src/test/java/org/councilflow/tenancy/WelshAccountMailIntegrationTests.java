package org.councilflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.KeycloakAdmin;
import org.councilflow.support.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keycloak's own e-mail to set up an invited person's new account, through the real Keycloak and the run's real SMTP
 * server: in Welsh for a council whose first language is Welsh or when the invitation asks for Welsh, in English
 * otherwise (ADR 0024). The language is the new account's {@code locale}; an existing account keeps its own.
 */
@IntegrationTest
class WelshAccountMailIntegrationTests {

    /** Sentences of Keycloak's English set-up e-mail, none of which a Welsh one may show. */
    private static final List<String> ENGLISH = List.of("Update Your Account", "Your administrator has just requested",
            "Click on the link below", "This link will expire within", "Link to account update", "just ignore this message",
            "Verify Email", "Update Password", "days");

    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void aWelshFirstCouncilsInviteeGetsTheSetUpMailInWelsh() {
        languages("BILINGUAL");
        String email = invite(Map.of());

        String mail = keycloakMail(email);
        assertThat(mail).startsWith("Diweddaru eich cyfrif\n")
                .contains("Mae eich gweinyddwr newydd ofyn i chi ddiweddaru eich cyfrif",
                        "Dilysu''r cyfeiriad e-bost".replace("''", "'"), "Newid y cyfrinair",
                        "Bydd y ddolen hon yn dod i ben ymhen 10080 munud.", "Dolen i ddiweddaru&#39;r cyfrif",
                        "<html lang=\"cy\"", "/login-actions/action-token?key=");
        assertThat(ENGLISH).noneMatch(mail::contains);
        assertThat(locale(email)).containsExactly("cy");
    }

    @Test
    void anEnglishCouncilsInviteeGetsItInEnglishUnlessTheInvitationAsksForWelsh() {
        String english = invite(Map.of());
        assertThat(keycloakMail(english)).startsWith("Update Your Account\n")
                .contains("Your administrator has just requested", "Verify Email, Update Password", "7 days")
                .doesNotContain("Diweddaru", "gweinyddwr");
        assertThat(locale(english)).isNull();

        String welsh = invite(Map.of("language", "cy"));
        assertThat(keycloakMail(welsh)).startsWith("Diweddaru eich cyfrif\n").doesNotContain("Your administrator");

        languages("WELSH");
        String chosenEnglish = invite(Map.of("language", "en"));
        assertThat(keycloakMail(chosenEnglish)).startsWith("Update Your Account\n");
        assertThat(locale(chosenEnglish)).containsExactly("en");
    }

    @Test
    void theCouncilsOwnInvitationIsInWelshThenEnglishForAWelshSpeakerAndInEnglishOnlyOtherwise() {
        String english = invitationMail(invite(Map.of()));
        assertThat(english).startsWith("You are invited to CouncilFlow\n")
                .contains("Dear Nia Jones", "for council \"barnet\" as author.")
                .doesNotContain("Gwahoddiad", "Annwyl");

        languages("BILINGUAL");
        String welsh = invitationMail(invite(Map.of()));
        assertThat(welsh).startsWith("Gwahoddiad i CouncilFlow / You are invited to CouncilFlow\n")
                .contains("Annwyl Nia Jones", "i'r cyngor \"barnet\" fel awdur.", "mae'r ddolen yn gweithio unwaith",
                        "Dear Nia Jones", "as author.");
        assertThat(welsh.indexOf("Annwyl")).as("Welsh first").isLessThan(welsh.indexOf("Dear"));
        assertThat(welsh).doesNotContain("''");
    }

    /** The application's own invitation to the address (Keycloak's set-up mail is the other one). */
    private static String invitationMail(String email) {
        List<String> ours = Mailbox.to(email).stream().filter(mail -> mail.contains("/invitation?token=")).toList();
        assertThat(ours).as("the invitation to " + email).hasSize(1);
        return ours.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "CY", "cy-GB", "", "en|cy"})
    void aLanguageOtherThanEnOrCyIsRefusedNamingTheFieldAndNothingIsSent(String language) {
        String email = "new.officer." + System.nanoTime() + "@demo.councilflow.test";
        ResponseEntity<JsonNode> response = api.post("barnet.tenant-admin", "/api/t/barnet/users",
                invitation(email, Map.of("language", language)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("language");
        assertThat(Mailbox.to(email)).isEmpty();
        assertThat(KeycloakAdmin.realm().users().searchByEmail(email, true)).isEmpty();
    }

    @Test
    void aTenantAdminCannotSetTheLanguageOfAnotherCouncilsPeople() {
        // through another council's path: refused as every other call there, nothing sent
        String email = "new.officer." + System.nanoTime() + "@demo.councilflow.test";
        ResponseEntity<JsonNode> elsewhere = api.post("barnet.tenant-admin", "/api/t/tower-hamlets/users",
                invitation(email, Map.of("language", "cy")));
        assertThat(elsewhere.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(Mailbox.to(email)).isEmpty();

        // inviting another council's person into this one leaves their account, and its language, as it was
        String other = "th.officer." + System.nanoTime();
        KeycloakAdmin.createMember(other, other + "@demo.councilflow.test", "Other-council-password-1",
                "/tenants/tower-hamlets/member");
        try {
            ResponseEntity<JsonNode> invited = api.post("barnet.tenant-admin", "/api/t/barnet/users",
                    invitation(other + "@demo.councilflow.test", Map.of("language", "cy")));
            assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            Map<String, List<String>> attributes = KeycloakAdmin.realm().users().get(KeycloakAdmin.user(other).getId())
                    .toRepresentation().getAttributes();
            assertThat(attributes == null ? Map.of() : attributes).doesNotContainKey("locale");
            assertThat(Mailbox.to(other + "@demo.councilflow.test")).noneMatch(mail -> mail.startsWith("Diweddaru"));
        } finally {
            KeycloakAdmin.realm().users().get(KeycloakAdmin.user(other).getId()).remove();
        }
    }

    private String invite(Map<String, Object> extra) {
        String email = "new.officer." + System.nanoTime() + "@demo.councilflow.test";
        assertThat(api.post("barnet.tenant-admin", "/api/t/barnet/users", invitation(email, extra)).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        return email;
    }

    private static Map<String, Object> invitation(String email, Map<String, Object> extra) {
        Map<String, Object> invitation = new HashMap<>(Map.of("email", email, "firstName", "Nia", "lastName", "Jones",
                "roles", List.of("author")));
        invitation.putAll(extra);
        return invitation;
    }

    /** Keycloak's message to the address (the application's own invitation is the other one). */
    private static String keycloakMail(String email) {
        List<String> keycloak = Mailbox.to(email).stream().filter(mail -> mail.contains("/login-actions/")).toList();
        assertThat(keycloak).as("Keycloak's e-mails to " + email).hasSize(1);
        return keycloak.get(0);
    }

    private static List<String> locale(String email) {
        UserRepresentation user = KeycloakAdmin.realm().users().searchByEmail(email, true).get(0);
        return user.getAttributes() == null ? null : user.getAttributes().get("locale");
    }

    private void languages(String languages) {
        JsonNode current = api.get("barnet.tenant-admin", "/api/t/barnet").getBody();
        ObjectNode settings = ((ObjectNode) current.get("settings")).deepCopy();
        settings.put("languages", languages);
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/settings", Map.of("displayName",
                current.get("displayName").asText(), "version", current.get("version").asInt(), "settings", settings))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
