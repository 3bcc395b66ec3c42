package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.KeycloakService;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.KeycloakAdmin;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14, item 4: whoever holds the {@code councilflow-admin} client's secret can change group membership in the
 * realm. Putting an ordinary member into {@code /platform/platform-admin} must not make them a platform administrator:
 * the application honours that group only for the subjects on its own allow-list.
 */
@IntegrationTest
class AdminClientEscalationAttackTests {

    private static final String MEMBER = "barnet.member";

    @Autowired
    TestRestTemplate rest;

    Api api;
    Keycloak adminClient;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        adminClient = KeycloakBuilder.builder().serverUrl(DevServices.keycloak().baseUrl())
                .realm(KeycloakService.REALM).grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId("councilflow-admin").clientSecret(KeycloakService.DEMO_ADMIN_CLIENT_SECRET).build();
    }

    @AfterEach
    void tearDown() {
        String member = KeycloakAdmin.user(MEMBER).getId();
        String group = KeycloakAdmin.realm().getGroupByPath("/platform/platform-admin").getId();
        KeycloakAdmin.realm().users().get(member).leaveGroup(group);
        adminClient.close();
    }

    @Test
    void aMemberPutIntoThePlatformAdminGroupWithTheAdminClientGainsNothing() {
        RealmResource realm = adminClient.realm(KeycloakService.REALM);
        String member = realm.users().searchByUsername(MEMBER, true).get(0).getId();
        GroupRepresentation platformAdmins = realm.getGroupByPath("/platform/platform-admin");

        realm.users().get(member).joinGroup(platformAdmins.getId());
        String token = Tokens.fresh(MEMBER, Tokens.DEMO_PASSWORD);

        assertThat(KeycloakAdmin.realm().users().get(member).groups().stream().map(GroupRepresentation::getPath))
                .as("the admin client did change the membership").contains("/platform/platform-admin");
        ResponseEntity<JsonNode> list = api.call(HttpMethod.GET, "/api/platform/tenants", token, null);
        ResponseEntity<JsonNode> onboard = api.call(HttpMethod.POST, "/api/platform/tenants", token, Map.of(
                "slug", "escalation", "displayName", "Escalation Council", "firstAdmin",
                Map.of("email", "escalation@example.test", "firstName", "Eve", "lastName", "Admin")));
        JsonNode me = api.call(HttpMethod.GET, "/api/me", token, null).getBody();

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(onboard.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(me.get("platformRoles")).isEmpty();
        assertThat(api.get("platform.admin", "/api/platform/tenants/escalation").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void thePlatformAdministratorOnTheAllowListStillAdministers() {
        assertThat(api.get("platform.admin", "/api/platform/tenants").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
