package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * A decision's own minutes and resolutions in Welsh (ADR 0023), recorded in the committee stage beside the English
 * and frozen into its publication: the Welsh decision page, item page, minutes and their PDF, the Atom feed,
 * {@code decisions.json}/{@code .csv} and Welsh search show them behind the council's Welsh label ("PENDERFYNWYD –");
 * the English renderings stay English; a decision in one language only is shown in it, marked, on the other's pages.
 */
@IntegrationTest
class WelshDecisionIntegrationTests {

    static final String RESOLUTION = "That the Committee notes the progress:";
    static final List<String> POINTS = List.of("agrees the revised plan; and", "asks for a further report in April.");
    static final String MINUTES = "The Director introduced the report and answered questions on caseloads.";
    static final String TITLE_CY = "Adroddiad cynnydd: gwasanaethau plant";
    static final String RESOLUTION_CY = "Bod y Pwyllgor yn nodi’r cynnydd a wnaed gan y gwŷr a’r gwragedd:";
    static final List<String> POINTS_CY = List.of("yn cytuno â’r cynllun diwygiedig; a", "yn gofyn am adroddiad pellach ym mis Ebrill.");
    static final String MINUTES_CY = "Cyflwynodd y Cyfarwyddwr yr adroddiad ac atebodd gwestiynau am lwythi achosion yr ŵyr.";
    static final String WELSH_ONLY_RESOLUTION = "Bod y Pwyllgor yn cymeradwyo’r strategaeth ddigidol.";
    static final String NOT_IN_WELSH = "Nid yw'r testun Cymraeg ar gael";
    static final String NOT_IN_ENGLISH = "English text not available";

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

    /** The meeting and two reports decided at it: one in both languages, one with its resolutions in Welsh only. */
    record Decided(String meeting, String bilingual, String welshOnly) {
    }

    /** Barnet publishes in both languages and its draft minutes; a decision in both, one in Welsh only, published. */
    Decided decideInBothLanguages() {
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "BILINGUAL");
        JsonNode style = fixture.api.get("barnet.tenant-admin", "/api/t/barnet/minutes-style").getBody();
        assertThat(style.at("/style/resolvedLabelCy").asText()).as("the usual Welsh form by default").isEqualTo("PENDERFYNWYD \u2013");
        ObjectNode drafts = ((ObjectNode) style.get("style")).deepCopy();
        drafts.remove("resolvedLabelCy");
        drafts.put("publishDraftMinutes", true);
        assertThat(fixture.api.put("barnet.tenant-admin", "/api/t/barnet/minutes-style", Map.of("style", drafts, "version", 0))
                .getBody().at("/style/resolvedLabelCy").asText()).as("a change without it keeps the usual form")
                .isEqualTo("PENDERFYNWYD \u2013");
        // a meeting held ten days ago (its draft minutes may then be published), arranged with the clock moved back
        Instant startsAt = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String meeting = fixture.meeting("barnet", DemoData.BARNET_CES_COMMITTEE, startsAt, "Hendon Town Hall");
        fixture.clock(startsAt.minus(30, ChronoUnit.DAYS));
        String bilingual = fixture.report("barnet", DemoData.BARNET_PLAN, document -> document.putObject("welsh")
                .put("title", TITLE_CY));
        String welshOnly = fixture.report("barnet", DemoData.BARNET_PLAN, document -> ((ObjectNode) document.get("header"))
                .put("title", "Digital strategy"));
        for (String report : List.of(bilingual, welshOnly)) {
            fixture.toScheduling("barnet", report);
            fixture.schedule("barnet", report, meeting);
        }
        fixture.clock(startsAt.plus(3, ChronoUnit.HOURS));
        fixture.complete("barnet", "barnet.clerk", bilingual, "recordDecision", Map.of("outcome", "RECOMMENDATIONS_APPROVED",
                "form", Map.of("keyDecision", false, "minutes", MINUTES, "minutesCy", MINUTES_CY,
                        "resolutions", List.of(Map.of("text", RESOLUTION, "points", POINTS)),
                        "resolutionsCy", List.of(Map.of("text", RESOLUTION_CY, "points", POINTS_CY)))));
        fixture.complete("barnet", "barnet.clerk", welshOnly, "recordDecision", Map.of("outcome", "RECOMMENDATIONS_APPROVED",
                "form", Map.of("keyDecision", false, "resolutions", List.of(), "resolutionsCy", List.of(WELSH_ONLY_RESOLUTION))));
        fixture.publish("barnet", bilingual, false);
        fixture.publish("barnet", welshOnly, false);
        fixture.resetClock();
        return new Decided(meeting, bilingual, welshOnly);
    }

    @Test
    void theWelshPagesShowTheDecisionsWelshBehindTheWelshLabelAndTheEnglishPagesStayEnglish() throws IOException {
        Decided decided = decideInBothLanguages();
        String english = WelshPublicSiteIntegrationTests.publishWelshDecision(fixture);
        String decisionPath = "/councils/barnet/decisions/" + OnlyPublishedIntegrationTests.decisionId(decided.bilingual(), decided.meeting());

        Element cy = page(decisionPath + "?lang=cy").selectFirst("#decisions");
        assertWelsh(cy);
        assertThat(cy.selectFirst("#minutes").text()).isEqualTo(MINUTES_CY);
        Element en = page(decisionPath + "?lang=en").selectFirst("#decisions");
        assertEnglish(en);
        assertThat(en.selectFirst("#minutes").text()).isEqualTo(MINUTES);
        Document itemCy = page("/councils/barnet/meetings/" + decided.meeting() + "/items/1?lang=cy");
        assertWelsh(itemCy.selectFirst("#resolutions").parent());
        assertThat(itemCy.selectFirst(".decision-minutes").text()).isEqualTo(MINUTES_CY);
        Document itemEn = page("/councils/barnet/meetings/" + decided.meeting() + "/items/1?lang=en");
        assertEnglish(itemEn.selectFirst("#resolutions").parent());
        assertThat(itemEn.selectFirst(".decision-minutes").text()).isEqualTo(MINUTES);

        // one language only: shown in it, marked, with the note the other pages use
        Element welshOnEnglish = page("/councils/barnet/decisions/" + OnlyPublishedIntegrationTests.decisionId(
                decided.welshOnly(), decided.meeting()) + "?lang=en").selectFirst("#decisions");
        assertThat(welshOnEnglish.selectFirst(".resolved[lang=cy] .resolved-label").text()).isEqualTo("PENDERFYNWYD \u2013");
        assertThat(welshOnEnglish.selectFirst(".resolved[lang=cy] ol.resolutions > li").ownText()).isEqualTo(WELSH_ONLY_RESOLUTION);
        assertThat(welshOnEnglish.select(".missing").eachText()).containsExactly(NOT_IN_ENGLISH);
        Element englishOnWelsh = page("/councils/barnet/decisions/" + OnlyPublishedIntegrationTests.decisionId(english,
                WelshPublicSiteIntegrationTests.MEETING) + "?lang=cy").selectFirst("#decisions");
        assertThat(englishOnWelsh.selectFirst("#minutes[lang=en]").text()).isEqualTo("The Committee considered the report.");
        assertThat(englishOnWelsh.selectFirst(".resolved[lang=en] .resolved-label").text()).isEqualTo("RESOLVED \u2013");
        assertThat(englishOnWelsh.select(".missing").eachText()).containsExactly(NOT_IN_WELSH, NOT_IN_WELSH);

        // the minutes start from the decision: published as draft, in Welsh behind the Welsh label, the PDF too
        ResponseEntity<JsonNode> draft = fixture.api.post("barnet.clerk", "/api/t/barnet/meetings/" + decided.meeting()
                + "/minutes/draft-publication", Map.of("version", 0));
        assertThat(draft.getStatusCode()).as(String.valueOf(draft.getBody())).isEqualTo(HttpStatus.CREATED);
        Document meetingCy = page("/councils/barnet/meetings/" + decided.meeting() + "?lang=cy");
        Element minutesCy = meetingCy.select("section.minutes-item").first();
        assertWelsh(minutesCy);
        assertThat(minutesCy.selectFirst(".minutes-text").text()).isEqualTo(MINUTES_CY);
        assertEnglish(page("/councils/barnet/meetings/" + decided.meeting() + "?lang=en").select("section.minutes-item").first());
        try (PDDocument pdf = Loader.loadPDF(fixture.bytes("/councils/barnet/meetings/" + decided.meeting() + "/minutes.pdf?lang=cy").getBody())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
            assertThat(text).contains("PENDERFYNWYD \u2013", RESOLUTION_CY, "a) " + POINTS_CY.get(0), MINUTES_CY)
                    .doesNotContain("RESOLVED", RESOLUTION);
        }
        JsonNode resolutions = new ObjectMapper().readTree(fixture.get("/councils/barnet/resolutions.json").getBody());
        assertThat(resolutions.at("/resolutions/0/resolvedCy").asText()).isEqualTo("PENDERFYNWYD \u2013");
        assertThat(resolutions.at("/resolutions/0/textCy").asText()).isEqualTo(RESOLUTION_CY);

        // the label was frozen with each publication: a later change of style does not rewrite what was published
        ObjectNode changed = ((ObjectNode) fixture.api.get("barnet.tenant-admin", "/api/t/barnet/minutes-style").getBody()
                .get("style")).deepCopy().put("resolvedLabelCy", "Penderfynodd y Pwyllgor:");
        assertThat(fixture.api.put("barnet.tenant-admin", "/api/t/barnet/minutes-style", Map.of("style", changed, "version", 1))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertWelsh(page(decisionPath + "?lang=cy").selectFirst("#decisions"));
    }

    @Test
    void theFeedOpenDataAndSearchCarryTheWelshBesideTheEnglish() throws Exception {
        Decided decided = decideInBothLanguages();
        String id = OnlyPublishedIntegrationTests.decisionId(decided.bilingual(), decided.meeting());

        Document feedCy = Jsoup.parse(fixture.get("/councils/barnet/decisions.atom?lang=cy").getBody(), "", Parser.xmlParser());
        String entryCy = entry(feedCy, id);
        assertThat(entryCy).contains("PENDERFYNWYD \u2013 " + RESOLUTION_CY, "a) " + POINTS_CY.get(0)).doesNotContain(RESOLUTION);
        String entryEn = entry(Jsoup.parse(fixture.get("/councils/barnet/decisions.atom?lang=en").getBody(), "", Parser.xmlParser()), id);
        assertThat(entryEn).contains("RESOLVED \u2013 " + RESOLUTION, "a) " + POINTS.get(0)).doesNotContain(RESOLUTION_CY);

        JsonNode data = new ObjectMapper().readTree(fixture.get("/councils/barnet/decisions.json").getBody());
        String schema = fixture.get("/councils/barnet/open-data/decisions.schema.json").getBody();
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build()).validate(data);
        assertThat(errors).isEmpty();
        JsonNode decision = decision(data, id);
        assertThat(decision.get("resolved").asText()).isEqualTo("RESOLVED \u2013");
        assertThat(decision.get("resolutions")).extracting(JsonNode::asText).containsExactly(RESOLUTION);
        assertThat(decision.get("minutes").asText()).isEqualTo(MINUTES);
        assertThat(decision.get("titleCy").asText()).isEqualTo(TITLE_CY);
        assertThat(decision.get("resolvedCy").asText()).isEqualTo("PENDERFYNWYD \u2013");
        assertThat(decision.get("resolutionsCy")).extracting(JsonNode::asText).containsExactly(RESOLUTION_CY);
        assertThat(decision.at("/resolutionsWithPointsCy/0/points/1/label").asText()).isEqualTo("b)");
        assertThat(decision.at("/resolutionsWithPointsCy/0/points/1/text").asText()).isEqualTo(POINTS_CY.get(1));
        assertThat(decision.get("minutesCy").asText()).isEqualTo(MINUTES_CY);
        JsonNode welshOnly = decision(data, OnlyPublishedIntegrationTests.decisionId(decided.welshOnly(), decided.meeting()));
        assertThat(welshOnly.get("resolutions")).isEmpty();
        assertThat(welshOnly.get("minutesCy").isNull()).isTrue();

        List<List<String>> rows = PublicSiteIntegrationTests.parseCsv(fixture.get("/councils/barnet/decisions.csv").getBody().substring(1));
        List<String> header = rows.get(0);
        assertThat(String.join(",", header)).endsWith("amendments,titleCy,decisionMakerCy,resolvedCy,resolutionsCy,minutesCy");
        List<String> row = rows.stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
        assertThat(row.get(header.indexOf("resolutions")).split("\n")).containsExactly(RESOLUTION, "a) " + POINTS.get(0),
                "b) " + POINTS.get(1));
        assertThat(row.get(header.indexOf("resolutionsCy")).split("\n")).containsExactly(RESOLUTION_CY,
                "a) " + POINTS_CY.get(0), "b) " + POINTS_CY.get(1));
        assertThat(row.get(header.indexOf("resolvedCy"))).isEqualTo("PENDERFYNWYD \u2013");
        assertThat(row.get(header.indexOf("minutesCy"))).isEqualTo(MINUTES_CY);

        // Welsh search: simple words with accents folded ("gwyr" finds "gwŷr"); the minutes point at the item
        assertThat(hits("gwyr")).contains("/decisions/" + id);
        assertThat(hits("strategaeth")).contains("/decisions/" + OnlyPublishedIntegrationTests.decisionId(decided.welshOnly(),
                decided.meeting()));
        assertThat(hits("achosion")).contains("/meetings/" + decided.meeting() + "/items/1");
    }

    static void assertWelsh(Element scope) {
        assertThat(scope.select(".resolved-label").eachText()).containsExactly("PENDERFYNWYD \u2013");
        assertThat(scope.select("ol.resolutions > li").stream().map(li -> li.ownText().strip()).toList()).containsExactly(RESOLUTION_CY);
        assertThat(scope.select("ol.points > li").eachText()).containsExactly("a) " + POINTS_CY.get(0), "b) " + POINTS_CY.get(1));
        assertThat(scope.select(".missing")).isEmpty();
        assertThat(scope.text()).doesNotContain(RESOLUTION, MINUTES, "RESOLVED");
    }

    static void assertEnglish(Element scope) {
        assertThat(scope.select(".resolved-label").eachText()).containsExactly("RESOLVED \u2013");
        assertThat(scope.select("ol.resolutions > li").stream().map(li -> li.ownText().strip()).toList()).containsExactly(RESOLUTION);
        assertThat(scope.select("ol.points > li").eachText()).containsExactly("a) " + POINTS.get(0), "b) " + POINTS.get(1));
        assertThat(scope.select(".missing, [lang=cy]")).isEmpty();
        assertThat(scope.text()).doesNotContain(RESOLUTION_CY, MINUTES_CY, "PENDERFYNWYD");
    }

    private static String entry(Document feed, String decisionId) {
        return feed.select("entry").stream().filter(e -> e.selectFirst("id").text().equals("urn:uuid:" + decisionId))
                .findFirst().orElseThrow().selectFirst("summary").text();
    }

    private static JsonNode decision(JsonNode data, String id) {
        for (JsonNode decision : data.get("decisions")) {
            if (decision.get("id").asText().equals(id)) {
                return decision;
            }
        }
        throw new AssertionError("no decision " + id);
    }

    private Document page(String path) {
        ResponseEntity<String> response = fixture.get(path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return Jsoup.parse(response.getBody());
    }

    private List<String> hits(String query) {
        List<String> hits = new ArrayList<>();
        page("/councils/barnet/search?q=" + query + "&lang=cy").select("ol.results a").eachAttr("href").forEach(h ->
                hits.add(h.replaceFirst("^/councils/barnet", "").replaceFirst("\\?.*", "")));
        return hits;
    }
}
