package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A councillor ({@code member}) sees what the public sees plus their own call-in actions: never the council's
 * working plan (risks, indicators, inspection letters, the plan export) nor a decision recorded but not yet published.
 */
@IntegrationTest
class MemberReadAttackTests {

    private static final String PLAN = "/api/t/barnet/plans/" + DemoData.BARNET_PLAN;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    Api api;
    BarnetCycle cycle;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        cycle = new BarnetCycle(api, engine);
    }

    @AfterEach
    void resetClock() {
        cycle.resetClock();
    }

    @Test
    void aMemberCannotReadTheCouncilsPlansRisksIndicatorsInspectionsLettersOrExport() {
        List<String> paths = List.of("/api/t/barnet/plans", PLAN, PLAN + "/export", PLAN + "/indicators",
                PLAN + "/indicators/00000000-0000-4000-8000-000000001101", PLAN + "/risks", PLAN + "/inspections",
                PLAN + "/inspections/00000000-0000-4000-8000-000000001301/letter");
        for (String path : paths) {
            assertThat(api.get("barnet.member", path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // staff still read them
        assertThat(api.get("barnet.board", PLAN + "/risks").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("barnet.clerk", PLAN + "/export").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aMemberCannotReadAReportOrItsAppendicesThroughTheApi() {
        String report = cycle.report(document -> { });
        for (String path : List.of("/api/t/barnet/reports", "/api/t/barnet/reports/" + report,
                "/api/t/barnet/reports/" + report + "/versions", "/api/t/barnet/reports/" + report + "/appendices")) {
            assertThat(api.get("barnet.member", path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void aMemberCannotReadADecisionRecordedButNotPublishedThenReadsItOncePublishedAndMayCallItIn() {
        String report = cycle.report(document -> { });
        String decision = "/api/t/barnet/reports/" + report + "/decision";
        cycle.scheduled(report);
        cycle.decided(report, "Qzxsecretminutes");

        ResponseEntity<JsonNode> unpublished = api.get("barnet.member", decision);
        assertThat(unpublished.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(String.valueOf(unpublished.getBody())).doesNotContain("Qzxsecretminutes");
        assertThat(api.get("barnet.clerk", decision).getStatusCode()).as("the clerk reads it").isEqualTo(HttpStatus.OK);

        cycle.published(report, true);

        ResponseEntity<JsonNode> published = api.get("barnet.member", decision);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(published.getBody().get("publishedAt").isNull()).isFalse();
        ResponseEntity<JsonNode> callIn = api.post("barnet.member", "/api/t/barnet/reports/" + report + "/call-in",
                Map.of("reason", "The decision needs scrutiny."));
        assertThat(callIn.getStatusCode()).as(String.valueOf(callIn.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rest.getForEntity("/councils/barnet/reports/" + report, String.class).getStatusCode())
                .as("the published report is public").isEqualTo(HttpStatus.OK);
    }
}
