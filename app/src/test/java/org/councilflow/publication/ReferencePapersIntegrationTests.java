package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.councilflow.reports.Markdown;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.ReferenceDecision;
import org.councilflow.support.TestPdfs;
import org.flowable.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reference papers in {@code reference/} (Barnet's update report of 6 June 2018 and its decision details of
 * 12 September 2018) entered through the API as the council holds them: the report through the cycle onto the
 * meeting's agenda with its appendices, the committee's chairman and the officer who presented, the minutes with
 * their bullets and the five resolutions, approved at the next meeting. Then every public output is compared with
 * the papers text for text: the meeting, item and decision pages, the agenda pack, the minutes and the report PDFs
 * (PDFBox's text), the decision's and the minutes' open data (JSON and CSV) and the Atom feed.
 */
@IntegrationTest
class ReferencePapersIntegrationTests {

    private static final String MEETINGS = "/api/t/barnet/meetings/";
    private static final String MEETING = PublicationFixture.BARNET_MEETING_2018_09_12;
    /** Named in the update report: "Report of: Chairman of the Committee, Councillor David Longstaff". */
    private static final String CHAIRMAN = "Councillor David Longstaff";
    /** Named in the decision details: "the Strategic Director for Children and Young People, Chris Munday". */
    private static final String OFFICER = "Chris Munday";
    private static final String OFFICER_ROLE = "Strategic Director for Children and Young People";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublicationFixture fixture;
    ReferenceDecision reference;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new PublicationFixture(rest, engine);
        reference = ReferenceDecision.read();
    }

    @AfterEach
    void resetClock() {
        fixture.resetClock();
    }

    @Test
    void theReferencePapersReadTheSameOnEveryPageInEveryPdfAndInTheOpenData() throws IOException {
        String reportId = DecisionPageIntegrationTests.publishBarnetDecision(fixture, reference);
        JsonNode report = updateReport();
        JsonNode item = reportItem(reportId);
        String itemId = item.get("id").asText();
        String heading = item.get("number").asText() + " " + DecisionPageIntegrationTests.TITLE;

        ResponseEntity<JsonNode> attended = fixture.api.put("barnet.clerk", MEETINGS + MEETING + "/attendance", Map.of(
                "attendance", Map.of("members", List.of(Map.of("name", CHAIRMAN, "role", "CHAIR", "presence", "PRESENT")),
                        "officers", List.of(Map.of("name", OFFICER, "role", OFFICER_ROLE)), "others", List.of()),
                "version", 0));
        assertThat(attended.getStatusCode()).as(String.valueOf(attended.getBody())).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> resolutions = reference.resolutions().stream()
                .map(text -> Map.<String, Object>of("text", text, "points", List.of())).toList();
        ResponseEntity<JsonNode> minuted = fixture.api.put("barnet.clerk", MEETINGS + MEETING + "/minutes/items/" + itemId,
                Map.of("minutes", Map.of("minutes", reference.minutes(), "resolutions", resolutions, "declarations", List.of()),
                        "version", 0));
        assertThat(minuted.getStatusCode()).as(String.valueOf(minuted.getBody())).isEqualTo(HttpStatus.OK);
        approveAtNextMeeting();

        // the meeting page: the agenda item, who attended, the minutes with their bullets, RESOLVED – 1. … 5.
        Document meeting = Jsoup.parse(fixture.get("/councils/barnet/meetings/" + MEETING).getBody());
        assertThat(meeting.select("#agenda section.agenda-item > h3").eachText()).contains(heading);
        assertThat(meeting.select("#attendance-present + ul li").eachText()).containsExactly(CHAIRMAN + " (Chair)");
        assertThat(meeting.select("#attendance-officers + ul li").eachText())
                .containsExactly(OFFICER + " \u2013 " + OFFICER_ROLE);
        Element minutes = meeting.getElementById("minutes-" + itemId);
        assertThat(minutes.selectFirst("h3").text()).isEqualTo(heading);
        assertThat(minutes.select(".minutes-text li").eachText()).isEqualTo(DecisionPageIntegrationTests.APPENDICES);
        assertThat(normalise(minutes.select(".minutes-text").text()))
                .isEqualTo(normalise(Jsoup.parse(Markdown.minutesToSafeHtml(reference.minutes())).text()));
        assertResolved(minutes);

        // the decision page and the item page: the same resolutions in the same style
        String decisionHref = Jsoup.parse(fixture.get("/councils/barnet/decisions").getBody()).selectFirst("main table a")
                .attr("href");
        Document decision = Jsoup.parse(fixture.get(decisionHref).getBody());
        assertResolved(decision.selectFirst("#decisions"));
        String itemHref = meeting.select("#agenda section.agenda-item h3 a").stream()
                .filter(a -> a.text().equals(DecisionPageIntegrationTests.TITLE)).findFirst().orElseThrow().attr("href");
        Document itemPage = Jsoup.parse(fixture.get(itemHref).getBody());
        // the item page: the minutes of the item, then the decision recorded on its report
        assertResolved(itemPage.selectFirst("main .minutes-item"));
        assertResolved(itemPage.selectFirst("main #resolutions").parent());
        assertThat(normalise(itemPage.select("main").text())).contains(normalise(reference.minutes().lines()
                .filter(l -> l.startsWith("Mr. Munday referred")).findFirst().orElseThrow()));

        // the PDFs: the minutes, the agenda pack (the report as written in June 2018) and the report on its own
        String minutesPdf = TestPdfs.text(bytes("/councils/barnet/meetings/" + MEETING + "/minutes.pdf"));
        String packPdf = TestPdfs.text(bytes("/councils/barnet/meetings/" + MEETING + "/agenda-pack.pdf"));
        String reportPdf = TestPdfs.text(bytes("/councils/barnet/reports/" + reportId + "/report.pdf"));
        assertThat(minutesPdf).contains(normalise(heading), OFFICER + " \u2013 " + OFFICER_ROLE, "RESOLVED \u2013")
                .doesNotContain("\ufb01", "\ufb02", "\ufb03");
        for (String paragraph : reference.minutes().split("\n")) {
            String words = normalise(paragraph.replaceFirst("^-\\s+", ""));
            if (!words.isEmpty()) {
                assertThat(minutesPdf).as("the minutes PDF").contains(words);
            }
        }
        for (int i = 0; i < reference.resolutions().size(); i++) {
            assertThat(minutesPdf).contains(normalise((i + 1) + ". " + reference.resolutions().get(i)));
        }
        for (String pdf : List.of(packPdf, reportPdf)) {
            assertThat(pdf).contains(normalise(report.at("/header/reportOf").asText()),
                    normalise(report.at("/header/officerContact").asText())).doesNotContain("\ufb01", "\ufb02", "\ufb03");
            for (int i = 0; i < report.get("recommendations").size(); i++) {
                assertThat(pdf).as("numbered in its line").contains(normalise((i + 1) + ". "
                        + report.get("recommendations").get(i).asText()));
            }
            for (String paragraph : report.get("summary").asText().split("\n+")) {
                assertThat(pdf).contains(normalise(paragraph));
            }
        }
        assertThat(packPdf).contains(normalise(heading));

        // the open data: the minutes' JSON, one CSV row per resolution, the decisions' JSON and CSV, and Atom
        ObjectMapper json = new ObjectMapper();
        JsonNode published = json.readTree(fixture.get("/councils/barnet/meetings/" + MEETING + "/minutes.json").getBody());
        JsonNode publishedItem = null;
        for (JsonNode i : published.get("items")) {
            if (i.get("title").asText().equals(DecisionPageIntegrationTests.TITLE)) {
                publishedItem = i;
            }
        }
        assertThat(publishedItem).isNotNull();
        assertThat(publishedItem.get("minutes").asText()).isEqualTo(reference.minutes());
        assertThat(texts(publishedItem.get("resolutions"), "text")).isEqualTo(reference.resolutions());
        List<List<String>> rows = PublicSiteIntegrationTests.parseCsv(
                fixture.get("/councils/barnet/resolutions.csv").getBody().substring(1));
        List<String> header = rows.get(0);
        List<String> cells = rows.stream().skip(1).filter(r -> r.get(header.indexOf("meetingId")).equals(MEETING))
                .map(r -> r.get(header.indexOf("resolutionNumber")) + " " + r.get(header.indexOf("text"))).toList();
        assertThat(cells).isEqualTo(numbered(reference.resolutions()));

        JsonNode decisions = json.readTree(fixture.get("/councils/barnet/decisions.json").getBody()).get("decisions");
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).get("resolved").asText()).isEqualTo("RESOLVED \u2013");
        assertThat(texts(decisions.get(0).get("resolutions"), null)).isEqualTo(reference.resolutions());
        assertThat(texts(decisions.get(0).get("resolutionsWithPoints"), "text")).isEqualTo(reference.resolutions());
        assertThat(decisions.get(0).get("minutes").asText()).isEqualTo(reference.minutes());
        List<List<String>> decisionRows = PublicSiteIntegrationTests.parseCsv(
                fixture.get("/councils/barnet/decisions.csv").getBody().substring(1));
        assertThat(decisionRows.get(1).get(decisionRows.get(0).indexOf("resolved"))).isEqualTo("RESOLVED \u2013");
        assertThat(decisionRows.get(1).get(decisionRows.get(0).indexOf("resolutions")).split("\n"))
                .containsExactlyElementsOf(numbered(reference.resolutions()));
        Document atom = Jsoup.parse(fixture.get("/councils/barnet/decisions.atom").getBody(), "",
                org.jsoup.parser.Parser.xmlParser());
        assertThat(normalise(Jsoup.parse(atom.selectFirst("entry summary, entry content").text()).text()))
                .contains("RESOLVED \u2013 1. " + reference.resolutions().get(0));
    }

    /** "RESOLVED –" once, then the reference's resolutions numbered 1. to 5. in its order. */
    private void assertResolved(Element scope) {
        assertThat(scope.select(".resolved-label").eachText()).containsExactly("RESOLVED \u2013");
        List<Element> shown = scope.select("ol.resolutions > li");
        assertThat(shown.stream().map(li -> li.selectFirst(".number").text()).toList())
                .containsExactly("1.", "2.", "3.", "4.", "5.");
        assertThat(shown.stream().map(li -> normalise(li.ownText())).toList()).isEqualTo(reference.resolutions());
    }

    /** The minutes are public once the committee's next meeting approves them under its item of that kind. */
    private void approveAtNextMeeting() {
        String next = fixture.meeting("barnet", DemoData.BARNET_CES_COMMITTEE,
                Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), "Hendon Town Hall");
        int version = fixture.api.get("barnet.clerk", MEETINGS + next).getBody().get("version").asInt();
        ResponseEntity<JsonNode> added = fixture.api.post("barnet.clerk", MEETINGS + next + "/agenda/items", Map.of(
                "kind", "PREVIOUS_MINUTES", "number", "1", "title", "Minutes of the previous meeting", "version", version));
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
        String at = added.getBody().get("agenda").get(0).get("id").asText();
        ResponseEntity<JsonNode> approved = fixture.api.post("barnet.clerk", MEETINGS + MEETING + "/minutes/approval",
                Map.of("approvedAtItemId", at, "version", 0));
        assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode reportItem(String reportId) {
        for (JsonNode item : fixture.api.get("barnet.clerk", MEETINGS + MEETING).getBody().get("agenda")) {
            if (reportId.equals(item.path("reportId").asText())) {
                return item;
            }
        }
        throw new AssertionError("the report is not on the meeting's agenda");
    }

    private static JsonNode updateReport() throws IOException {
        try (InputStream in = ReferencePapersIntegrationTests.class
                .getResourceAsStream("/reference/barnet-update-report-2018-06-06.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private byte[] bytes(String path) {
        ResponseEntity<byte[]> response = fixture.bytes(path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<String> numbered(List<String> resolutions) {
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < resolutions.size(); i++) {
            numbered.add((i + 1) + ". " + resolutions.get(i));
        }
        return numbered;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(field == null ? n.asText() : n.get(field).asText()));
        return texts;
    }

    private static String normalise(String text) {
        return TestPdfs.normalise(text);
    }
}
