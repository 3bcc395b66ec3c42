package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A decision with a multi-part resolution, in a council that writes "It was RESOLVED:", does not number its
 * resolutions and marks sub-points (i), (ii): the decision page, the item page, {@code decisions.json} and
 * {@code .csv} and the Atom feed all show it so, and a later change of style does not rewrite what was published.
 */
@IntegrationTest
class DecisionResolutionsStyleIntegrationTests {

    private static final String LABEL = "It was RESOLVED:";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublicationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new PublicationFixture(rest, engine);
    }

    @AfterEach
    void resetClock() {
        fixture.resetClock();
    }

    @Test
    void everyOutputShowsTheDecisionsResolutionsInTheCouncilsStyleAsItWasWhenPublished() throws Exception {
        style(LABEL, "NONE", "ROMAN", 0);
        Instant startsAt = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String meeting = fixture.meeting("barnet", DemoData.BARNET_CES_COMMITTEE, startsAt, "Hendon Town Hall");
        String reportId = fixture.report("barnet", DemoData.BARNET_PLAN, document -> { });
        fixture.toScheduling("barnet", reportId);
        fixture.schedule("barnet", reportId, meeting);
        fixture.clock(startsAt.plus(3, ChronoUnit.HOURS));
        fixture.complete("barnet", "barnet.clerk", reportId, "recordDecision", Map.of("outcome", "RECOMMENDATIONS_APPROVED",
                "form", Map.of("keyDecision", false, "minutes", "The Director introduced the report.", "resolutions", List.of(
                        Map.of("text", "That the Committee:", "points", List.of("notes the progress made; and",
                                "asks for the April caseload figures at its next meeting.")),
                        "That the improvement plan be reviewed in six months."))));
        fixture.publish("barnet", reportId, false);
        fixture.resetClock();

        Element link = Jsoup.parse(fixture.get("/councils/barnet/decisions").getBody()).selectFirst("main table a");
        String decisionPath = link.attr("href");
        Document decision = Jsoup.parse(fixture.get(decisionPath).getBody());
        assertStyled(decision.selectFirst("#decisions"));
        Document item = Jsoup.parse(fixture.get("/councils/barnet/meetings/" + meeting + "/items/1").getBody());
        assertStyled(item.selectFirst("#resolutions").parent());

        JsonNode data = new ObjectMapper().readTree(fixture.get("/councils/barnet/decisions.json").getBody())
                .get("decisions").get(0);
        assertThat(data.get("resolved").asText()).isEqualTo(LABEL);
        assertThat(data.at("/resolutionsWithPoints/0/number").asText()).isEmpty();
        assertThat(data.at("/resolutionsWithPoints/0/points/1/label").asText()).isEqualTo("(ii)");
        assertThat(data.at("/resolutionsWithPoints/0/points/1/text").asText())
                .isEqualTo("asks for the April caseload figures at its next meeting.");
        List<List<String>> rows = PublicSiteIntegrationTests.parseCsv(fixture.get("/councils/barnet/decisions.csv").getBody().substring(1));
        assertThat(rows.get(1).get(rows.get(0).indexOf("resolved"))).isEqualTo(LABEL);
        assertThat(rows.get(1).get(rows.get(0).indexOf("resolutions")).split("\n")).containsExactly("That the Committee:",
                "(i) notes the progress made; and", "(ii) asks for the April caseload figures at its next meeting.",
                "That the improvement plan be reviewed in six months.");
        Document atom = Jsoup.parse(fixture.get("/councils/barnet/decisions.atom").getBody(), "", Parser.xmlParser());
        assertThat(atom.selectFirst("entry summary").text()).contains(LABEL + " That the Committee: (i) notes the progress made;");

        // the council changes its style: what was published stays as it was
        style("RESOLVED \u2013", "NUMBERS", "LETTERS", 1);
        assertStyled(Jsoup.parse(fixture.get(decisionPath).getBody()).selectFirst("#decisions"));
    }

    private static void assertStyled(Element scope) {
        assertThat(scope.select(".resolved-label").eachText()).containsExactly(LABEL);
        assertThat(scope.select("ol.resolutions > li > .number")).as("not numbered in this style").isEmpty();
        assertThat(scope.select("ol.resolutions > li").stream().map(li -> li.ownText().strip()).toList())
                .containsExactly("That the Committee:", "That the improvement plan be reviewed in six months.");
        assertThat(scope.select("ol.points > li").eachText()).containsExactly("(i) notes the progress made; and",
                "(ii) asks for the April caseload figures at its next meeting.");
    }

    private void style(String label, String numbering, String points, int version) {
        var changed = fixture.api.put("barnet.tenant-admin", "/api/t/barnet/minutes-style", Map.of("style", Map.of(
                "resolvedLabel", label, "numbering", numbering, "points", points, "publishDraftMinutes", false),
                "version", version));
        assertThat(changed.getStatusCode()).as(String.valueOf(changed.getBody())).isEqualTo(HttpStatus.OK);
    }
}
