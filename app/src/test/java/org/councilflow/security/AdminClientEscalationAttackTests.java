package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Response;

/**
 * Issue 14, item 4: whoever holds the {@code councilflow-admin} client's secret acts as its service account. Keycloak's
 * admin permissions (v2) in the realm confine it to users and groups outside {@code /platform}: it cannot take over a
 * platform administrator's account nor join anyone to {@code /platform/platform-admin}. And should someone get into
 * that group by other means, the application honours it only for the subjects on its own allow-list.
 */
@IntegrationTest
class AdminClientEscalationAttackTests {

    private static final String MEMBER = "barnet.member";
    private static final String PLATFORM_ADMIN = "platform.admin";
    private static final String PLATFORM_ADMIN_GROUP = "/platform/platform-admin";

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

    private RealmResource realm() {
        return adminClient.realm(KeycloakService.REALM);
    }

    @AfterEach
    void tearDown() {
        String member = KeycloakAdmin.user(MEMBER).getId();
        String group = KeycloakAdmin.realm().getGroupByPath(PLATFORM_ADMIN_GROUP).getId();
        KeycloakAdmin.realm().users().get(member).leaveGroup(group);
        adminClient.close();
    }

    @Test
    void theAdminClientCannotResetAPlatformAdministratorsPassword() {
        String platformAdmin = KeycloakAdmin.user(PLATFORM_ADMIN).getId();
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Taken-Over-123");
        password.setTemporary(false);

        assertThatThrownBy(() -> realm().users().get(platformAdmin).resetPassword(password))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> realm().users().get(platformAdmin).executeActionsEmail(List.of("UPDATE_PASSWORD")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(Tokens.fresh(PLATFORM_ADMIN, Tokens.DEMO_PASSWORD)).as("the old password still signs in").isNotBlank();
    }

    @Test
    void theAdminClientCannotUpdateImpersonateOrDeleteAPlatformAdministrator() {
        UserRepresentation platformAdmin = KeycloakAdmin.user(PLATFORM_ADMIN);
        UserRepresentation change = new UserRepresentation();
        change.setEmail("attacker@example.test");
        change.setEmailVerified(true);

        assertThatThrownBy(() -> realm().users().get(platformAdmin.getId()).update(change))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> realm().users().get(platformAdmin.getId()).toRepresentation())
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> realm().users().get(platformAdmin.getId()).impersonate())
                .isInstanceOf(ForbiddenException.class);
        try (Response delete = realm().users().delete(platformAdmin.getId())) {
            assertThat(delete.getStatus()).isEqualTo(403);
        }
        assertThat(KeycloakAdmin.user(PLATFORM_ADMIN).getEmail()).isEqualTo(platformAdmin.getEmail());
    }

    @Test
    void theAdminClientCannotPutAnyoneIntoThePlatformAdminGroup() {
        String member = KeycloakAdmin.user(MEMBER).getId();
        String platformAdmins = KeycloakAdmin.realm().getGroupByPath(PLATFORM_ADMIN_GROUP).getId();

        assertThatThrownBy(() -> realm().users().get(member).joinGroup(platformAdmins))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> realm().getGroupByPath(PLATFORM_ADMIN_GROUP)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> realm().groups().group(platformAdmins).members())
                .isInstanceOf(ForbiddenException.class);
        assertThat(KeycloakAdmin.realm().users().get(member).groups().stream().map(GroupRepresentation::getPath))
                .doesNotContain(PLATFORM_ADMIN_GROUP);
    }

    @Test
    void theAdminClientStillManagesCouncilMembers() {
        String member = realm().users().searchByUsername(MEMBER, true).get(0).getId();
        String clerks = realm().getGroupByPath("/tenants/barnet/clerk").getId();

        realm().users().get(member).joinGroup(clerks);
        assertThat(realm().users().get(member).groups().stream().map(GroupRepresentation::getPath))
                .contains("/tenants/barnet/clerk");
        realm().users().get(member).leaveGroup(clerks);
        assertThat(realm().users().get(member).groups().stream().map(GroupRepresentation::getPath))
                .doesNotContain("/tenants/barnet/clerk");
    }

    @Test
    void aTenantAdminCannotReachAPlatformAdministratorThroughTheApplication() {
        String platformAdmin = KeycloakAdmin.user(PLATFORM_ADMIN).getId();

        ResponseEntity<JsonNode> grant = api.put("barnet.tenant-admin", "/api/t/barnet/users/" + platformAdmin
                + "/roles/member", null);
        ResponseEntity<JsonNode> revoke = api.delete("barnet.tenant-admin", "/api/t/barnet/users/" + platformAdmin
                + "/roles/member");

        assertThat(grant.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(revoke.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(KeycloakAdmin.realm().users().get(platformAdmin).groups().stream().map(GroupRepresentation::getPath))
                .containsExactly(PLATFORM_ADMIN_GROUP);
    }

    @Test
    void aMemberPutIntoThePlatformAdminGroupByOtherMeansGainsNothing() {
        // a realm administrator's mistake, or a realm configured without the admin permissions: the allow-list decides
        String member = KeycloakAdmin.user(MEMBER).getId();
        KeycloakAdmin.realm().users().get(member)
                .joinGroup(KeycloakAdmin.realm().getGroupByPath(PLATFORM_ADMIN_GROUP).getId());
        String token = Tokens.fresh(MEMBER, Tokens.DEMO_PASSWORD);

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
