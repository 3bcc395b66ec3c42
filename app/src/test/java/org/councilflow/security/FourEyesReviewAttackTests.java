package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Review of issue 14, item 5: the appendices are part of what is signed off (ADR 0002), so a manager who uploaded
 * or removed an appendix of the version is a contributor to it and may not sign it off either.
 */
@IntegrationTest
class FourEyesReviewAttackTests {

    @Autowired
    TestRestTemplate rest;

    ApprovalFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new ApprovalFixture(rest);
    }

    @Test
    void whoAddedAnAppendixOfTheVersionCannotSignItOff() {
        String reportId = fixture.report("barnet.author");
        assertThat(fixture.addAppendix("barnet.author-manager", reportId, "Manager's figures",
                ApprovalFixture.pdf("Figures only the manager checked")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        fixture.start("barnet.author", reportId);
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));

        ResponseEntity<JsonNode> own = fixture.complete("barnet.author-manager", reportId, "managerSignOff", Map.of("outcome", "approve"));

        assertThat(own.getStatusCode()).as(String.valueOf(own.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().get("detail").asText()).startsWith("Four-eyes: ").contains("appendices");
        assertThat(fixture.api.get("barnet.author", ApprovalFixture.path(reportId)).getBody().get("stage").asText())
                .as("nothing was signed off").isEqualTo("SUBMITTED");
        fixture.completed("barnet.manager", reportId, "managerSignOff", Map.of("outcome", "approve"));
    }

    @Test
    void whoRemovedAnAppendixOfTheVersionCannotSignItOff() {
        String reportId = fixture.report("barnet.author");
        assertThat(fixture.addAppendix("barnet.author", reportId, "Inconvenient figures",
                ApprovalFixture.pdf("Figures the manager would rather not publish")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fixture.api.delete("barnet.author-manager", ApprovalFixture.path(reportId) + "/appendices/1").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        fixture.start("barnet.author", reportId);
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));

        ResponseEntity<JsonNode> own = fixture.complete("barnet.author-manager", reportId, "managerSignOff", Map.of("outcome", "approve"));

        assertThat(own.getStatusCode()).as(String.valueOf(own.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().get("detail").asText()).startsWith("Four-eyes: ").contains("appendices");
    }
}
