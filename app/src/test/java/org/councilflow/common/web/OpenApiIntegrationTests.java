package org.councilflow.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

@IntegrationTest
class OpenApiIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    void theApiIsDescribedWithOpenApiWithoutSigningIn() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("openapi").asText()).startsWith("3.");
        assertThat(response.getBody().get("paths").has("/api/me")).isTrue();
        assertThat(response.getBody().get("paths").has("/api/platform/tenants")).isTrue();
        assertThat(response.getBody().get("paths").has("/api/t/{tenant}/committees/{committeeId}")).isTrue();
        assertThat(response.getBody().get("paths").has("/api/t/{tenant}/users/{userId}/roles/{role}")).isTrue();
    }
}
