package org.councilflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Barnet's update report to committee of 6 June 2018 (from the shared reference papers) written into CouncilFlow
 * through the API, read back, exported and imported without loss; then edited, versioned and compared.
 */
@IntegrationTest
class ProgressReportIntegrationTests {

    /** A copy of {@code shared/reference/barnet-update-report-2018-06-06.txt}, the published paper as text. */
    static final String REFERENCE = "/reference/barnet-update-report-2018-06-06.txt";

    @Autowired
    TestRestTemplate rest;

    final ObjectMapper json = new ObjectMapper();
    Api api;
    JsonNode barnet;

    @BeforeEach
    void load() throws IOException {
        api = new Api(rest);
        barnet = json.readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
    }

    @Test
    void theBarnetReportReadsBackFieldForFieldAndRoundTripsThroughExportAndImport() throws IOException {
        ResponseEntity<JsonNode> created = api.post("barnet.author", "/api/t/barnet/reports",
                Map.of("planId", DemoData.BARNET_PLAN, "document", barnet));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("id").asText();

        JsonNode read = api.get("barnet.manager", "/api/t/barnet/reports/" + id).getBody();
        JsonNode exported = api.get("barnet.author", "/api/t/barnet/reports/" + id + "/export").getBody();
        ResponseEntity<JsonNode> imported = api.post("barnet.author", "/api/t/barnet/reports/import", exported);
        JsonNode reexported = api.get("barnet.author",
                "/api/t/barnet/reports/" + imported.getBody().get("id").asText() + "/export").getBody();

        assertThat(read.get("document")).isEqualTo(barnet);
        assertThat(read.at("/document/header/committee").asText()).isEqualTo("CHILDREN, EDUCATION and SAFEGUARDING COMMITTEE");
        assertThat(read.at("/document/header/reportOf").asText()).isEqualTo("Chairman of the Committee, Councillor David Longstaff");
        assertThat(read.at("/document/header/status").asText()).isEqualTo("PUBLIC");
        assertThat(read.at("/document/sequenceNumber").asInt()).isEqualTo(5);
        assertThat(read.at("/document/recommendations")).hasSize(3);
        assertThat(exported.get("format").asText()).isEqualTo("councilflow.progress-report/1");
        assertThat(exported.get("document")).isEqualTo(barnet);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reexported).isEqualTo(exported);
        assertThat(missingFromReference(exported.get("document"))).as("lines of the published paper not held")
                .containsExactly("Summary", "Recommendations");
    }

    @Test
    void theDiffBetweenVersionsShowsExactlyTheChangedParagraphAndRecommendation() {
        String id = createBarnet();
        String report = "/api/t/barnet/reports/" + id;
        assertThat(api.post("barnet.author", report + "/versions", null).getBody().get("number").asInt()).isEqualTo(1);
        JsonNode draft = api.get("barnet.author", report).getBody();

        ObjectNode body = (ObjectNode) section(draft.get("document"), "body").deepCopy();
        for (JsonNode block : body.get("blocks")) {
            if ("1.11".equals(block.path("number").asText())) {
                ((ObjectNode) block).put("markdown", "**Ofsted monitoring visit and report** (revised after the board's challenge)");
            }
        }
        List<String> recommendations = new ArrayList<>();
        draft.at("/document/recommendations").forEach(r -> recommendations.add(r.asText()));
        recommendations.set(1, "That the Committee note details of Ofsted's monitoring visit and the feedback letter in Appendix 1.");
        assertThat(api.put("barnet.author", report + "/parts/body", Map.of("revision", 0, "content", body)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.put("barnet.author", report + "/parts/recommendations",
                Map.of("revision", 0, "content", recommendations)).getStatusCode()).isEqualTo(HttpStatus.OK);
        api.post("barnet.author", report + "/versions", null);

        JsonNode diff = api.get("barnet.board", report + "/diff?from=1&to=2").getBody();

        assertThat(diff.get("changes")).hasSize(2);
        assertThat(diff.at("/changes/0/part").asText()).isEqualTo("recommendations");
        assertThat(diff.at("/changes/0/location").asText()).isEqualTo("recommendation 2");
        assertThat(diff.at("/changes/0/kind").asText()).isEqualTo("CHANGED");
        assertThat(diff.at("/changes/1/part").asText()).isEqualTo("body");
        assertThat(diff.at("/changes/1/location").asText()).isEqualTo("paragraph 1.11");
        assertThat(diff.at("/changes/1/before").asText()).startsWith("**Ofsted monitoring visit and report**\n");
        assertThat(diff.at("/changes/1/after").asText()).endsWith("(revised after the board's challenge)");
        JsonNode v1 = api.get("barnet.board", report + "/versions/1").getBody();
        assertThat(v1.at("/document/recommendations/1").asText()).startsWith("That the Committee note details of Ofsted's monitoring visit set out");
    }

    @Test
    void aReviewerSeesWhatChangedSinceTheVersionTheyLastReviewed() {
        String report = "/api/t/barnet/reports/" + createBarnet();
        api.post("barnet.author", report + "/versions", null);
        assertThat(api.get("barnet.manager", report + "/changes-since-my-review").getBody().get("changes").size())
                .as("nothing reviewed yet: everything is new").isGreaterThan(60);
        assertThat(api.put("barnet.manager", report + "/versions/1/review", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        api.put("barnet.author", report + "/parts/summary", Map.of("revision", 0, "content", "A shorter summary."));
        api.post("barnet.author", report + "/versions", null);

        JsonNode changes = api.get("barnet.manager", report + "/changes-since-my-review").getBody();

        assertThat(changes.get("from").asInt()).isEqualTo(1);
        assertThat(changes.get("to").asInt()).isEqualTo(2);
        assertThat(changes.get("changes")).hasSize(1);
        assertThat(changes.at("/changes/0/location").asText()).isEqualTo("summary");
        assertThat(changes.at("/changes/0/after").asText()).isEqualTo("A shorter summary.");
    }

    @Test
    void twoPeopleSavingTheSameSectionTheSecondIsToldWhoChangedItAndLosesNothing() {
        String report = "/api/t/barnet/reports/" + createBarnet();

        ResponseEntity<JsonNode> first = api.put("barnet.author", report + "/parts/summary", Map.of("revision", 0, "content", "Priya's summary"));
        ResponseEntity<JsonNode> second = api.put("barnet.author-manager", report + "/parts/summary", Map.of("revision", 0, "content", "Olivia's summary"));
        ResponseEntity<JsonNode> otherPart = api.put("barnet.author-manager", report + "/parts/reasons",
                Map.of("revision", 0, "content", Map.of("key", "reasons", "number", "2", "heading", "REASONS FOR RECOMMENDATIONS",
                        "blocks", List.of(Map.of("kind", "PARAGRAPH", "number", "2.1", "markdown", "Scrutiny by members.")))));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("detail").asText()).startsWith("The summary was changed by barnet.author at ")
                .contains("Nothing was saved");
        assertThat(otherPart.getStatusCode()).as("a different section saves independently").isEqualTo(HttpStatus.OK);
        JsonNode stored = api.get("barnet.author", report).getBody();
        assertThat(stored.at("/document/summary").asText()).isEqualTo("Priya's summary");
        assertThat(stored.at("/revisions/summary").asInt()).isEqualTo(1);
        assertThat(stored.at("/revisions/reasons").asInt()).isEqualTo(1);
    }

    @Test
    void performanceDataIsPulledFromThePlansIndicatorsForTheReportingPeriod() {
        String plan = "/api/t/barnet/plans/" + DemoData.BARNET_PLAN;
        String indicator = plan + "/indicators/00000000-0000-4000-8000-000000001101";
        api.put("barnet.author", indicator + "/values/2018-04", Map.of("value", 14.1));
        api.put("barnet.author", indicator + "/values/2018-05", Map.of("value", 12));
        String report = "/api/t/barnet/reports/" + createBarnet();

        JsonNode performance = api.get("barnet.manager", report + "/performance").getBody();

        assertThat(performance.get("periodStart").asText()).isEqualTo("2018-03-01");
        assertThat(performance.get("periodEnd").asText()).isEqualTo("2018-04-30");
        assertThat(performance.get("rows")).hasSize(1);
        JsonNode row = performance.at("/rows/0");
        assertThat(row.get("indicator").asText()).isEqualTo("Duty and Assessment Team average caseload");
        assertThat(row.get("period").asText()).as("the latest value inside March–April 2018").isEqualTo("2018-04");
        assertThat(row.get("value").decimalValue()).isEqualByComparingTo("14.1");
        assertThat(row.get("rag").asText()).isEqualTo("GREEN");
        assertThat(row.get("trend").asText()).isEqualTo("WORSENING");
    }

    @Test
    void hostileMarkdownRendersInert() {
        String report = "/api/t/barnet/reports/" + createBarnet();
        api.put("barnet.author", report + "/parts/summary", Map.of("revision", 0, "content",
                "Hello <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>"
                        + " <a href=\"#\" onclick=\"steal()\">link</a> [ok](https://www.barnet.gov.uk)"));

        String html = rest.exchange(report + "/preview", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(bearer("barnet.author")), String.class).getBody();

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertThat(page.select("script, img, iframe, object, embed")).isEmpty();
        assertThat(page.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .noneMatch(attribute -> attribute.getKey().toLowerCase().startsWith("on")));
        assertThat(page.selectFirst("article p").select("a[href]").eachAttr("href")).containsExactly("https://www.barnet.gov.uk");
        assertThat(page.selectFirst("article p").text()).as("the hostile text is shown, as text")
                .startsWith("Hello <script>alert('x')</script> click <img src=x onerror=alert(2)>");
    }

    @Test
    void badPartsAndUnknownPartsAreRefusedAndNothingChanges() {
        String report = "/api/t/barnet/reports/" + createBarnet();
        ObjectNode header = (ObjectNode) barnet.get("header").deepCopy();
        header.put("status", "EXEMPT");

        ResponseEntity<JsonNode> exemptWithoutReason = api.put("barnet.author", report + "/parts/header", Map.of("revision", 0,
                "content", Map.of("sequenceNumber", 5, "header", header)));
        ResponseEntity<JsonNode> unknown = api.put("barnet.author", report + "/parts/appendix-9", Map.of("revision", 0, "content", "x"));
        ResponseEntity<JsonNode> wrongShape = api.put("barnet.author", report + "/parts/recommendations", Map.of("revision", 0, "content", Map.of("a", 1)));
        ResponseEntity<JsonNode> byMember = api.get("barnet.member", report);

        assertThat(exemptWithoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongShape.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(byMember.getStatusCode()).as("councillors read reports once published, not drafts").isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode stored = api.get("barnet.author", report).getBody();
        assertThat(stored.get("document")).isEqualTo(barnet);
        assertThat(stored.at("/revisions/header").asInt()).isZero();
    }

    private String createBarnet() {
        return api.post("barnet.author", "/api/t/barnet/reports", Map.of("planId", DemoData.BARNET_PLAN, "document", barnet))
                .getBody().get("id").asText();
    }

    private static JsonNode section(JsonNode document, String key) {
        for (JsonNode section : document.get("sections")) {
            if (section.get("key").asText().equals(key)) {
                return section;
            }
        }
        throw new AssertionError("no section " + key);
    }

    private static org.springframework.http.HttpHeaders bearer(String user) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(org.councilflow.support.Tokens.of(user));
        return headers;
    }

    /** The lines of the published paper (from its summary on) whose text the document does not hold. */
    private static List<String> missingFromReference(JsonNode document) throws IOException {
        StringBuilder held = new StringBuilder(document.get("header").toString()).append('\n');
        held.append(document.get("summary").asText()).append('\n');
        document.get("recommendations").forEach(r -> held.append(r.asText()).append('\n'));
        for (JsonNode section : document.get("sections")) {
            held.append(section.path("heading").asText()).append('\n');
            for (JsonNode block : section.get("blocks")) {
                held.append(block.path("number").asText()).append(' ').append(block.get("markdown").asText()).append('\n');
            }
        }
        String text = held.toString();
        List<String> lines;
        try (var in = ProgressReportIntegrationTests.class.getResourceAsStream(REFERENCE)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> missing = new ArrayList<>();
        for (String line : lines.subList(12, lines.size())) {
            String content = line.strip().replaceFirst("^- ", "").replaceFirst("^\\d+(\\.\\d+)+ ", "").replaceFirst("^\\d+\\. ", "");
            if (!content.isEmpty() && !text.contains(content)) {
                missing.add(line.strip());
            }
        }
        return missing;
    }
}
