package org.councilflow.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.KeycloakService;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import jakarta.ws.rs.core.Response;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

@IntegrationTest
class MeApiIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    void aDemoUsersKeycloakTokenReachesMeWithTheirTenantsAndRoles() {
        ResponseEntity<JsonNode> response = get("/api/me", Tokens.of("partner.director"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode me = response.getBody();
        assertThat(me.get("username").asText()).isEqualTo("partner.director");
        assertThat(me.get("name").asText()).isEqualTo("Mary Ellis");
        assertThat(me.get("subject").asText()).isNotBlank();
        assertThat(me.get("tenants").toString()).isEqualTo(
                "[{\"tenant\":\"barnet\",\"roles\":[\"board-chair\"]},{\"tenant\":\"tower-hamlets\",\"roles\":[\"manager\"]}]");
        assertThat(me.get("platformRoles")).isEmpty();
    }

    @Test
    void platformAdministratorsAreToldSo() {
        JsonNode me = get("/api/me", Tokens.of("platform.admin")).getBody();

        assertThat(me.get("tenants")).isEmpty();
        assertThat(me.get("platformRoles").get(0).asText()).isEqualTo("platform-admin");
    }

    @Test
    void noTokenIsUnauthorizedWithAProblemDocument() {
        ResponseEntity<JsonNode> response = get("/api/me", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void aTokenFromAForeignIssuerIsUnauthorized() throws Exception {
        String foreign = sign(claims("https://login.example.org/realms/councilflow"), new RSAKeyGenerator(2048)
                .keyID(UUID.randomUUID().toString()).generate());

        assertThat(get("/api/me", foreign).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenWithOurIssuerButAForgedSignatureIsUnauthorized() throws Exception {
        String forged = sign(claims(DevServices.keycloak().issuerUri()), new RSAKeyGenerator(2048)
                .keyID(UUID.randomUUID().toString()).generate());

        assertThat(get("/api/me", forged).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRealTokenWhoseSignatureWasTamperedWithIsUnauthorized() {
        String real = Tokens.of("barnet.author");
        String[] parts = real.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThat(get("/api/me", tampered).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsUnauthorized() {
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims(DevServices.keycloak().issuerUri())).serialize();

        assertThat(get("/api/me", unsigned).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRealTokenOfOurRealmMeantForAnotherAudienceIsUnauthorized() throws Exception {
        // the provisioning service account's token: signed by our Keycloak, but not issued for the councilflow API
        java.net.http.HttpResponse<String> issued = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(DevServices.keycloak().issuerUri()
                                + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&client_id=councilflow-admin&client_secret=councilflow-admin-secret"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(issued.body()).get("access_token").asText();
        assertThat(com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getAudience()).doesNotContain("councilflow");

        assertThat(get("/api/me", token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenSignedWithAKeyOfOurRealmIsAcceptedUntilItExpires() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        try (Keycloak admin = Keycloak.getInstance(DevServices.keycloak().baseUrl(), "master", "admin", "admin", "admin-cli")) {
            RealmResource realm = admin.realm(KeycloakService.REALM);
            String componentId = addSigningKey(realm, key);
            try {
                String kid = realm.keys().getKeyMetadata().getKeys().stream()
                        .filter(k -> componentId.equals(k.getProviderId())).findFirst().orElseThrow().getKid();
                RSAKey published = new RSAKey.Builder(key).keyID(kid).build();
                String issuer = DevServices.keycloak().issuerUri();

                ResponseEntity<JsonNode> valid = get("/api/me", sign(claims(issuer, Instant.now().plusSeconds(300)), published));
                assertThat(valid.getStatusCode()).as("control: the same key, a live token").isEqualTo(HttpStatus.OK);
                assertThat(valid.getBody().get("username").asText()).isEqualTo("intruder");

                ResponseEntity<JsonNode> expired = get("/api/me", sign(claims(issuer, Instant.now().minusSeconds(600)), published));
                assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(expired.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(expired.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                        .contains("error=\"invalid_token\"").containsIgnoringCase("expired");
                assertThat(expired.getBody().get("status").asInt()).isEqualTo(401);
            } finally {
                realm.components().component(componentId).remove();
            }
        }
    }

    @Test
    void rolesInAnotherCouncilOpenNothingInThisOne() {
        ResponseEntity<JsonNode> response = get("/api/t/barnet/reports", Tokens.of("tower-hamlets.manager"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/t/tower-hamlets/reports", Tokens.of("tower-hamlets.manager")).getStatusCode())
                .as("control: their own council").isEqualTo(HttpStatus.OK);
    }

    /** An {@code rsa} key provider holding our key, ranked below the realm's own so Keycloak keeps signing with that. */
    private static String addSigningKey(RealmResource realm, RSAKey key) throws Exception {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName("test-" + UUID.randomUUID());
        component.setProviderId("rsa");
        component.setProviderType("org.keycloak.keys.KeyProvider");
        component.setParentId(realm.toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("priority", "-100");
        config.putSingle("enabled", "true");
        config.putSingle("active", "true");
        config.putSingle("algorithm", "RS256");
        config.putSingle("privateKey", "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.toPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----");
        component.setConfig(config);
        try (Response created = realm.components().add(component)) {
            assertThat(created.getStatus()).as("key provider added").isEqualTo(201);
            String location = created.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private static JWTClaimsSet claims(String issuer) {
        return claims(issuer, Instant.now().plusSeconds(300));
    }

    private static JWTClaimsSet claims(String issuer, Instant expires) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .audience("councilflow")
                .claim("preferred_username", "intruder")
                .claim("groups", List.of("/tenants/barnet/manager", "/platform/platform-admin"))
                .issueTime(Date.from(expires.minusSeconds(300)))
                .expirationTime(Date.from(expires))
                .build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}
