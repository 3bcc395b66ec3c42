package org.councilflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Mailbox;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** A council's administrator manages its settings, committees and people; everyone else may only read. */
@IntegrationTest
class TenantAdministrationIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @Test
    void anyRoleInTheCouncilReadsItsRecordAndSettings() {
        JsonNode council = api.get("barnet.author", "/api/t/barnet").getBody();

        assertThat(council.get("slug").asText()).isEqualTo("barnet");
        assertThat(council.get("displayName").asText()).isEqualTo("London Borough of Barnet");
        assertThat(council.at("/settings/agendaNoticeDays").asInt()).isEqualTo(5);
        assertThat(council.at("/settings/callInDays").asInt()).isEqualTo(5);
        assertThat(council.at("/settings/bankHolidays").findValuesAsText("name")).contains("Christmas Day");
    }

    @Test
    void theTenantAdminChangesSettingsWithAnAuditEntryAndAStaleVersionIsRefused() {
        Map<String, Object> change = settingsChange(0, "#123456", false);

        ResponseEntity<JsonNode> saved = api.put("barnet.tenant-admin", "/api/t/barnet/settings", change);
        ResponseEntity<JsonNode> stale = api.put("barnet.tenant-admin", "/api/t/barnet/settings", settingsChange(0, "#654321", true));

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody().at("/settings/brandingColour").asText()).isEqualTo("#123456");
        assertThat(saved.getBody().at("/settings/boardReviewEnabled").asBoolean()).isFalse();
        assertThat(saved.getBody().get("version").asInt()).isEqualTo(1);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().get("detail").asText()).contains("Someone else changed the settings");
        assertThat(api.get("barnet.author", "/api/t/barnet").getBody().at("/settings/brandingColour").asText())
                .as("the loser's change is not saved over the winner's").isEqualTo("#123456");
        JsonNode audit = api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("tenant.settings-changed");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("barnet.tenant-admin");
        assertThat(audit.get(0).get("tenant").asText()).isEqualTo("barnet");
        assertThat(audit.get(0).get("before").asText()).contains("#00703c");
        assertThat(audit.get(0).get("after").asText()).contains("#123456");
    }

    @Test
    void otherRolesCannotChangeSettingsAndNothingChanges() {
        ResponseEntity<JsonNode> response = api.put("barnet.manager", "/api/t/barnet/settings", settingsChange(0, "#123456", false));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get("barnet.author", "/api/t/barnet").getBody().get("version").asInt()).isZero();
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndNothingIsChanged() {
        Map<String, Object> bad = Map.of("displayName", "x".repeat(201), "version", 0, "settings", Map.of(
                "brandingColour", "red", "boardReviewEnabled", true, "agendaNoticeDays", -1, "callInDays", 500,
                "slaDays", Map.of(), "bankHolidays", List.of()));

        ResponseEntity<JsonNode> response = api.put("barnet.tenant-admin", "/api/t/barnet/settings", bad);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains("displayName",
                "settings.brandingColour", "settings.agendaNoticeDays", "settings.callInDays");
        assertThat(api.get("barnet.author", "/api/t/barnet").getBody().get("version").asInt()).isZero();
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody()).isEmpty();
    }

    @Test
    void malformedJsonIsABadRequest() {
        ResponseEntity<JsonNode> response = api.put("barnet.tenant-admin", "/api/t/barnet/settings", "{\"displayName\": ");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unknownAndMalformedCouncilsAreRefusedWithProblems() {
        assertThat(api.get("barnet.author", "/api/t/nowhere/committees").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> malformed = api.get("barnet.author", "/api/t/Not_A_Slug/committees");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void committeesAreCreatedAndChangedByTheTenantAdminWithAudit() {
        Map<String, Object> draft = Map.of("name", "Adults and Safeguarding Committee", "purpose", "Adult social care",
                "scrutiny", false, "members", List.of(Map.of("name", "Cllr Sachin Rajput", "role", "CHAIR")));

        ResponseEntity<JsonNode> created = api.post("barnet.tenant-admin", "/api/t/barnet/committees", draft);
        ResponseEntity<JsonNode> duplicate = api.post("barnet.tenant-admin", "/api/t/barnet/committees", draft);
        ResponseEntity<JsonNode> byClerk = api.post("barnet.clerk", "/api/t/barnet/committees",
                Map.of("name", "Another", "scrutiny", false, "members", List.of()));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().at("/members/0/name").asText()).isEqualTo("Cllr Sachin Rajput");
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(byClerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("barnet.clerk", "/api/t/barnet/committees").getBody()).hasSize(3);
        JsonNode audit = api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody();
        assertThat(audit).as("one entry: the duplicate and the refused request left none").hasSize(1);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("committee.created");

        String id = created.getBody().get("id").asText();
        Map<String, Object> change = Map.of("version", 0, "committee", Map.of("name", "Adults and Health Committee",
                "scrutiny", false, "members", List.of()));
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/committees/" + id, change).getBody().get("name").asText())
                .isEqualTo("Adults and Health Committee");
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/committees/" + id, change).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aCommitteeOfAnotherCouncilIsNotFoundUnderThisOne() {
        assertThat(api.get("barnet.clerk", "/api/t/barnet/committees/" + DemoData.TOWER_HAMLETS_CABINET).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("barnet.clerk", "/api/t/barnet/committees/" + DemoData.BARNET_CES_COMMITTEE).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRoleGrantedThroughTheAppShowsUpInTheUsersNextTokenAndARevokeRemovesIt() {
        String userId = userId("barnet.board");

        ResponseEntity<JsonNode> granted = api.put("barnet.tenant-admin", "/api/t/barnet/users/" + userId + "/roles/member", null);
        JsonNode afterGrant = meOf(Tokens.fresh("barnet.board", Tokens.DEMO_PASSWORD));
        ResponseEntity<JsonNode> revoked = api.delete("barnet.tenant-admin", "/api/t/barnet/users/" + userId + "/roles/member");
        JsonNode afterRevoke = meOf(Tokens.fresh("barnet.board", Tokens.DEMO_PASSWORD));

        assertThat(granted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(granted.getBody().get("roles").toString()).isEqualTo("[\"board\",\"member\"]");
        assertThat(afterGrant.get("tenants").toString()).isEqualTo("[{\"tenant\":\"barnet\",\"roles\":[\"board\",\"member\"]}]");
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(afterRevoke.get("tenants").toString()).isEqualTo("[{\"tenant\":\"barnet\",\"roles\":[\"board\"]}]");
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody().findValuesAsText("action"))
                .containsExactly("user.role-revoked", "user.role-granted");
    }

    @Test
    void anUnknownRoleIsABadRequest() {
        ResponseEntity<JsonNode> response = api.put("barnet.tenant-admin",
                "/api/t/barnet/users/" + userId("barnet.board") + "/roles/emperor", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).contains("Unknown role");
    }

    @Test
    void theTenantAdminInvitesSomeoneWhoJoinsOnlyOnceTheyAccept() {
        String email = "new.officer." + System.nanoTime() + "@demo.councilflow.test";
        Map<String, Object> invitation = Map.of("email", email, "firstName", "Nia", "lastName", "Jones",
                "roles", List.of("author"));

        ResponseEntity<JsonNode> sent = api.post("barnet.tenant-admin", "/api/t/barnet/users", invitation);

        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(sent.getBody().get("status").asText()).isEqualTo("invitation sent");
        assertThat(sent.getBody().has("temporaryPassword")).isFalse();
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/users").getBody().findValuesAsText("email"))
                .doesNotContain(email);
        assertThat(Mailbox.to(email)).anySatisfy(text -> assertThat(text)
                .contains("You are invited to CouncilFlow", "/invitation?token=barnet."));
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody().findValuesAsText("action"))
                .containsExactly("user.invited");
        assertThat(api.post("barnet.manager", "/api/t/barnet/users", invitation).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyTheTenantAdminSeesThePeopleAndTheAuditTrail() {
        assertThat(api.get("barnet.manager", "/api/t/barnet/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("barnet.manager", "/api/t/barnet/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String userId(String username) {
        for (JsonNode user : api.get("barnet.tenant-admin", "/api/t/barnet/users").getBody()) {
            if (user.get("username").asText().equals(username)) {
                return user.get("id").asText();
            }
        }
        throw new AssertionError(username + " not in Barnet");
    }

    private JsonNode meOf(String token) {
        return api.call(org.springframework.http.HttpMethod.GET, "/api/me", token, null).getBody();
    }

    private static Map<String, Object> settingsChange(int version, String colour, boolean board) {
        return Map.of("displayName", "London Borough of Barnet", "version", version, "settings", Map.of(
                "brandingColour", colour, "boardReviewEnabled", board, "agendaNoticeDays", 5, "callInDays", 5,
                "slaDays", Map.of("manager-sign-off", 5), "bankHolidays",
                List.of(Map.of("day", "2026-12-25", "name", "Christmas Day"))));
    }
}
