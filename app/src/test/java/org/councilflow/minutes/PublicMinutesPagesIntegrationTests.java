package org.councilflow.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.TestPdfs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real councils' agenda items, attendance, minutes and resolutions ({@code minutes/council-minutes.json}, each with
 * its source address) entered through the API, published, and read back from the public site: the meeting page and an
 * item page (Jsoup), the agenda pack and the minutes PDF (text extracted with PDFBox) and the open data, text for
 * text, in order: the councils' own item numbers, bullets nested as written, resolutions with their sub-points.
 */
@IntegrationTest
class PublicMinutesPagesIntegrationTests {

    private static final String MEETINGS = "/api/t/barnet/meetings/";

    @Autowired
    TestRestTemplate rest;

    Api api;
    MinutesFixture fixture;
    String meeting;
    String next;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        fixture = new MinutesFixture(api);
        Instant held = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        meeting = fixture.barnetMeeting(held);
        next = fixture.barnetMeeting(held.plus(28, ChronoUnit.DAYS));
    }

    @Test
    void realCouncilsPapersReadTheSameOnTheMeetingPageTheItemPageInThePdfsAndTheOpenData() throws IOException {
        JsonNode reference = MinutesIntegrationTests.reference();
        JsonNode cases = reference.get("items");
        List<String> items = new ArrayList<>();
        for (JsonNode c : cases) {
            items.add(add(meeting, "REPORT", c.get("number").asText(), c.get("title").asText(), null, null));
        }
        String exempt = add(meeting, "REPORT", "12", "Property acquisition", null, 3);
        String background = "Scrutiny work programme – 2021/22 & beyond";
        ResponseEntity<JsonNode> linked = api.post("barnet.clerk", MEETINGS + meeting + "/agenda/items/" + items.get(2)
                + "/documents", Map.of("title", background, "kind", "BACKGROUND_PAPER",
                "link", "https://moderngov.denbighshire.gov.uk/mgAi.aspx?ID=11008", "exempt", false, "version", version(meeting)));
        assertThat(linked.getStatusCode()).as(String.valueOf(linked.getBody())).isEqualTo(HttpStatus.CREATED);
        String previous = add(next, "PREVIOUS_MINUTES", "2", "Minutes of the previous meeting", null, null);
        api.publishAgenda("barnet", meeting);

        JsonNode attendance = AttendanceIntegrationTests.reference();
        assertThat(api.put("barnet.clerk", MEETINGS + meeting + "/attendance", Map.of("attendance", attendance, "version", 0))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            List<Map<String, Object>> declarations = i == 0 ? List.of(Map.of("member", "Cllr D Stocker", "kind",
                    "OTHER_REGISTRABLE", "nature", "Governor of a school named in the report", "leftRoom", false)) : List.of();
            ResponseEntity<JsonNode> saved = fixture.saveItem("barnet.clerk", "barnet", meeting, items.get(i), Map.of(
                    "minutes", c.get("minutes").asText(), "resolutions", c.get("resolutions"), "declarations", declarations), 0);
            assertThat(saved.getStatusCode()).as(c.get("source") + ": " + saved.getBody()).isEqualTo(HttpStatus.OK);
        }
        assertThat(fixture.saveItem("barnet.clerk", "barnet", meeting, exempt, Map.of("minutes", "Qzxexemptminutes",
                "resolutions", List.of(), "declarations", List.of()), 0).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fixture.approve("barnet", meeting, previous, 0).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // the meeting page: the agenda in the council's numbers, then the minutes
        Document page = Jsoup.parse(get("/councils/barnet/meetings/" + meeting).getBody());
        List<String> headings = page.select("#agenda section.agenda-item > h3").eachText();
        List<String> expected = new ArrayList<>();
        cases.forEach(c -> expected.add(c.get("number").asText() + " " + c.get("title").asText()));
        expected.add("12 Property acquisition");
        assertThat(headings).isEqualTo(expected);
        assertThat(page.select("#agenda section.agenda-item").last().select("p.exempt").text())
                .contains("paragraph 3 of Schedule 12A");
        assertThat(page.select("#agenda .item-documents a").eachText()).containsExactly(background);
        assertThat(page.select("#agenda .item-documents a").attr("href"))
                .isEqualTo("https://moderngov.denbighshire.gov.uk/mgAi.aspx?ID=11008");
        assertThat(page.body().text()).doesNotContain("Qzxexemptminutes");

        assertThat(page.select("#attendance-substitute + ul li").eachText()).containsExactly(
                "Cllr D Stocker (substitute for Cllr I Hadley)", "Cllr J Share-Bernia (substitute for Cllr G Mohindra)");
        assertThat(page.select("#attendance-apologies + ul li").eachText()).containsExactly("Cllr I Hadley",
                "Cllr G Mohindra (Vice-Chair)");
        assertThat(page.select("#attendance-officers + ul li").eachText())
                .containsExactly("Chris Munday \u2013 Strategic Director for Children and Young People");
        assertThat(page.select("#attendance-witness + ul li").eachText())
                .containsExactly("Dawn O\u2019Neill \u2013 Executive Director \u2013 People");
        assertThat(page.select("#minutes-status").text()).contains("Approved as a correct record at").contains("(item 2)");

        JsonNode data = new ObjectMapper().readTree(get("/councils/barnet/meetings/" + meeting + "/minutes.json").getBody());
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            String source = c.get("source").asText();
            Element section = page.getElementById("minutes-" + items.get(i));
            assertThat(section).as(source).isNotNull();
            assertThat(section.selectFirst("h3").text()).as(source)
                    .isEqualTo(c.get("number").asText() + " " + c.get("title").asText())
                    .isEqualTo(data.at("/items/" + i + "/number").asText() + " " + data.at("/items/" + i + "/title").asText());
            List<String> resolutions = section.select("ol.resolutions > li").stream().map(li -> normalise(li.ownText())).toList();
            List<String> sent = new ArrayList<>();
            c.get("resolutions").forEach(r -> sent.add(normalise(r.get("text").asText())));
            assertThat(resolutions).as(source).isEqualTo(sent);
            List<String> published = new ArrayList<>();
            data.at("/items/" + i + "/resolutions").forEach(r -> published.add(normalise(r.get("text").asText())));
            assertThat(resolutions).as(source + ": the open data").isEqualTo(published);
            for (int r = 0; r < c.get("resolutions").size(); r++) {
                List<String> points = section.select("ol.resolutions > li").get(r).select("ol.points > li").stream()
                        .map(li -> normalise(li.ownText())).toList();
                assertThat(points).as(source).isEqualTo(texts(c.get("resolutions").get(r).get("points")).stream()
                        .map(PublicMinutesPagesIntegrationTests::normalise).toList());
                assertThat(section.select("ol.resolutions > li").get(r).select("ol.points > li br")).as(source + ": line breaks kept")
                        .hasSize(c.get("resolutions").get(r).get("points").toString().split("\\\\n", -1).length - 1);
            }
            if (!c.get("resolutions").isEmpty()) {
                assertThat(section.selectFirst(".resolved-label").text()).isEqualTo("RESOLVED \u2013");
            }
            if (c.has("bullets")) {
                assertThat(section.select(".minutes-text li").eachText()).as(source).isEqualTo(texts(c.get("bullets")));
            }
            if (c.has("nested")) {
                assertThat(section.select(".minutes-text li li").eachText()).as(source + ": nested below their parent")
                        .isEqualTo(texts(c.get("nested")));
            }
            assertThat(normalise(section.select(".minutes-text").text())).as(source)
                    .isEqualTo(normalise(Jsoup.parse(org.councilflow.reports.Markdown.minutesToSafeHtml(c.get("minutes").asText())).text()));
        }
        Element declared = page.getElementById("minutes-" + items.get(0));
        assertThat(declared.select(".declarations li").eachText()).containsExactly(
                "Cllr D Stocker: Other registrable interest \u2013 Governor of a school named in the report");

        // an item's own page: its minutes and resolutions
        Element link = page.selectFirst("#agenda section.agenda-item h3 a");
        Document item = Jsoup.parse(get(link.attr("href")).getBody());
        assertThat(item.selectFirst("h1").ownText()).isEqualTo(cases.get(0).get("title").asText());
        assertThat(item.select("ol.resolutions > li ol.points > li").stream().map(li -> normalise(li.ownText())).toList())
                .isEqualTo(texts(cases.get(0).at("/resolutions/0/points")));

        // the PDFs: the same words, no ligatures
        String minutesPdf = text(bytes("/councils/barnet/meetings/" + meeting + "/minutes.pdf"));
        String packPdf = text(bytes("/councils/barnet/meetings/" + meeting + "/agenda-pack.pdf"));
        assertThat(minutesPdf).doesNotContain("\ufb03", "\ufb01", "\ufb02").contains("Chris Munday \u2013 Strategic Director")
                .contains("Dawn O\u2019Neill \u2013 Executive Director \u2013 People").doesNotContain("Qzxexemptminutes");
        for (JsonNode c : cases) {
            String source = c.get("source").asText();
            assertThat(packPdf).as(source).contains(normalise(c.get("number").asText() + " " + c.get("title").asText()));
            assertThat(minutesPdf).as(source).contains(normalise(c.get("number").asText() + " " + c.get("title").asText()));
            for (JsonNode r : c.get("resolutions")) {
                assertThat(minutesPdf).as(source).contains(normalise(r.get("text").asText()));
                for (int p = 0; p < r.get("points").size(); p++) {
                    assertThat(minutesPdf).as(source).contains(normalise((char) ('a' + p) + ") " + r.get("points").get(p).asText()));
                }
            }
            for (String bullet : c.has("bullets") ? texts(c.get("bullets")) : List.<String>of()) {
                assertThat(minutesPdf).as(source).contains(normalise(bullet));
            }
        }
        assertThat(packPdf).contains("12 Property acquisition: Exempt item: not for publication (Schedule 12A, paragraph 3)");

        // search finds the minutes by an item's title and by a resolution's point
        assertThat(Jsoup.parse(get("/councils/barnet/search?q=Scrutiny Work Programme").getBody())
                .select("ol.results a").eachAttr("href")).anyMatch(h -> h.endsWith("/meetings/" + meeting));
        assertThat(Jsoup.parse(get("/councils/barnet/search?q=Policy and Improvement Officer").getBody())
                .select("ol.results a").eachAttr("href")).anyMatch(h -> h.endsWith("/meetings/" + meeting));
    }

    private String add(String meetingId, String kind, String number, String title, String description, Integer paragraph) {
        Map<String, Object> item = new HashMap<>();
        item.put("kind", kind);
        item.put("number", number);
        item.put("title", title);
        item.put("description", description);
        item.put("exemptParagraph", paragraph);
        item.put("version", version(meetingId));
        ResponseEntity<JsonNode> added = api.post("barnet.clerk", MEETINGS + meetingId + "/agenda/items", item);
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode agenda = added.getBody().get("agenda");
        return agenda.get(agenda.size() - 1).get("id").asText();
    }

    private int version(String meetingId) {
        return api.get("barnet.clerk", MEETINGS + meetingId).getBody().get("version").asInt();
    }

    private ResponseEntity<String> get(String path) {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response;
    }

    private byte[] bytes(String path) {
        ResponseEntity<byte[]> response = rest.getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static String text(byte[] pdf) {
        return TestPdfs.text(pdf);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    static String normalise(String text) {
        return TestPdfs.normalise(text);
    }
}
