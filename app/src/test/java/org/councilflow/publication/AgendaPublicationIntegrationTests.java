package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.TestPdfs;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One notion of "agenda published" (issue 20): scheduling a report publishes nothing; the clerk's publication of the
 * agenda, dated by the cycle's clock, publishes the whole agenda as the council numbered it, with the report as
 * signed off, exempt items by heading only and exempt documents not at all, into the open data (JSON, CSV with a
 * byte-order mark) and the calendar. The agenda is Barnet's Children, Education &amp; Safeguarding Committee of
 * 12 September 2018, with the reference report.
 */
@IntegrationTest
class AgendaPublicationIntegrationTests {

    static final String MEETING = PublicationFixture.BARNET_MEETING_2018_09_12;
    static final String API = "/api/t/barnet/meetings/" + MEETING;

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
    void schedulingPublishesNothingTheClerksPublicationPublishesTheWholeAgendaAsNumbered() throws Exception {
        fixture.clock(Instant.parse("2018-08-28T09:00:00Z"));
        item("APOLOGIES", "1", "Absence of Members", null, null);
        item("DECLARATIONS", "2", "Declarations of Members’ Disclosable Pecuniary interests and Non-Pecuniary interests",
                null, null);
        item("PREVIOUS_MINUTES", "3", "Minutes of the last meeting", null, null);
        String report = fixture.report("barnet", DemoData.BARNET_PLAN, document -> { });
        fixture.toScheduling("barnet", report);
        fixture.complete("barnet", "barnet.clerk", report, "scheduleToCommittee",
                Map.of("outcome", "schedule", "form", Map.of("meetingId", MEETING)));
        JsonNode scheduled = fixture.api.get("barnet.clerk", API).getBody();
        assertThat(scheduled.at("/agenda/3/kind").asText()).isEqualTo("CYCLE_REPORT");
        assertThat(scheduled.at("/agenda/3/number").asText()).as("the next in the council's style").isEqualTo("4");
        assertThat(fixture.get("/councils/barnet/meetings/" + MEETING).getStatusCode()).as("scheduled, not published")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fixture.get("/councils/barnet/reports/" + report).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fixture.get("/councils/barnet/meetings.json").getBody()).doesNotContain(MEETING);

        String report4 = scheduled.at("/agenda/3/id").asText();
        JsonNode agenda = change(report4, "4.1", "The Strategic Director for Children and Young People will present the report.");
        JsonNode withPaper = link(report4, "Barnet Children’s Services Improvement Action Plan", "BACKGROUND_PAPER",
                "https://barnet.moderngov.co.uk/documents/s40532/Improvement%20Action%20Plan.pdf", false,
                agenda.get("version").asInt());
        byte[] letterPdf = TestPdfs.onePage("Ofsted monitoring visit letter, August 2018");
        JsonNode withFile = file(report4, "OFSTED Monitoring Visit Letter – August 2018", "APPENDIX", false, letterPdf,
                withPaper.get("version").asInt());
        JsonNode withExempt = file(report4, "Qzxsecret legal advice", "APPENDIX", true,
                TestPdfs.onePage("Qzxsecret legal advice"), withFile.get("version").asInt());
        item("EXCLUSION", "5", "Motion to exclude the press and public", "Qzxsecret description of an exempt item", 1);

        fixture.clock(Instant.parse("2018-08-29T10:15:00Z"));
        int version = fixture.api.get("barnet.clerk", API).getBody().get("version").asInt();
        ResponseEntity<JsonNode> published = fixture.api.post("barnet.clerk", API + "/agenda/publication", Map.of("version", version));
        assertThat(published.getStatusCode()).as(String.valueOf(published.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(published.getBody().get("agendaPublishedAt").asText()).as("the cycle's clock, not the wall clock")
                .isEqualTo("2018-08-29T10:15:00Z");
        assertThat(withExempt.at("/agenda/3/documents")).hasSize(3);

        JsonNode open = new ObjectMapper().readTree(fixture.get("/councils/barnet/meetings.json").getBody());
        JsonNode meeting = open.get("meetings").get(0);
        assertThat(meeting.get("id").asText()).isEqualTo(MEETING);
        assertThat(meeting.get("agendaPublishedAt").asText()).isEqualTo("2018-08-29T10:15:00Z");
        JsonNode items = meeting.get("items");
        assertThat(texts(items, "number")).containsExactly("1", "2", "3", "4.1", "5");
        assertThat(texts(items, "kind")).containsExactly("APOLOGIES", "DECLARATIONS", "PREVIOUS_MINUTES",
                "CYCLE_REPORT", "EXCLUSION");
        assertThat(items.get(1).get("title").asText())
                .isEqualTo("Declarations of Members’ Disclosable Pecuniary interests and Non-Pecuniary interests");
        assertThat(items.get(3).get("title").asText()).as("the signed-off version's title")
                .isEqualTo("Update report on progress of Barnet Children's Services Improvement Action Plan");
        assertThat(items.get(3).get("description").asText())
                .isEqualTo("The Strategic Director for Children and Young People will present the report.");
        assertThat(items.get(3).get("documents").findValuesAsText("title")).containsExactly(
                "Barnet Children’s Services Improvement Action Plan", "OFSTED Monitoring Visit Letter – August 2018");
        assertThat(items.get(4).get("exempt").asBoolean()).isTrue();
        assertThat(items.get(4).get("exemptParagraph").asInt()).isEqualTo(1);
        assertThat(items.get(4).get("title").asText()).isEqualTo("Motion to exclude the press and public");
        assertThat(items.get(4).get("description").isNull()).isTrue();
        String letter = items.get(3).get("documents").get(1).get("url").asText();
        assertThat(letter).contains("/councils/barnet/meetings/" + MEETING + "/documents/");
        assertThat(fixture.bytes(letter.substring(letter.indexOf("/councils/"))).getBody()).isEqualTo(letterPdf);
        String exemptDocument = withExempt.at("/agenda/3/documents/2/id").asText();
        assertThat(fixture.bytes("/councils/barnet/meetings/" + MEETING + "/documents/" + exemptDocument).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fixture.get("/councils/barnet/reports/" + report).getStatusCode()).isEqualTo(HttpStatus.OK);

        byte[] csv = fixture.bytes("/councils/barnet/meetings.csv").getBody();
        assertThat(csv).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text.lines().filter(line -> line.startsWith(MEETING)).count()).as("one row per item").isEqualTo(5);
        assertThat(text).contains(",4.1,").contains("OFSTED Monitoring Visit Letter – August 2018 (APPENDIX)");
        String ics = fixture.get("/councils/barnet/meetings.ics").getBody().replace("\r\n ", "");
        assertThat(ics).contains("4.1. Update report on progress of Barnet Children's Services Improvement Action Plan")
                .contains("5. Motion to exclude the press and public (exempt: Schedule 12A\\, paragraph 1)")
                .doesNotContain("Item 1");
        assertThat(fixture.bytes("/councils/barnet/decisions.csv").getBody()).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (String path : List.of("/councils/barnet/meetings.json", "/councils/barnet/meetings.csv",
                "/councils/barnet/meetings.ics", "/councils/barnet/meetings.atom", "/councils/barnet/meetings/" + MEETING)) {
            assertThat(fixture.get(path).getBody()).as(path).doesNotContain("Qzxsecret");
        }

        // an amendment: published again with its note, the new item marked as added
        Map<String, Object> urgent = draft("URGENT_BUSINESS", "6", "Any item(s) the Chairman decides are urgent", null, null);
        urgent.put("version", published.getBody().get("version").asInt());
        urgent.put("amendmentNote", "Supplementary agenda: urgent item added with the Chairman’s agreement");
        assertThat(fixture.api.post("barnet.clerk", API + "/agenda/items", urgent).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode amended = new ObjectMapper().readTree(fixture.get("/councils/barnet/meetings.json").getBody()).get("meetings").get(0);
        assertThat(amended.get("agendaVersion").asInt()).isEqualTo(2);
        assertThat(amended.at("/amendments/0/note").asText())
                .isEqualTo("Supplementary agenda: urgent item added with the Chairman’s agreement");
        assertThat(texts(amended.get("items"), "number")).containsExactly("1", "2", "3", "4.1", "5", "6");
    }

    /** A field of each item (not of its documents). */
    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new java.util.ArrayList<>();
        items.forEach(item -> texts.add(item.get(field).asText()));
        return texts;
    }

    private void item(String kind, String number, String title, String description, Integer paragraph) {
        Map<String, Object> draft = draft(kind, number, title, description, paragraph);
        draft.put("version", fixture.api.get("barnet.clerk", API).getBody().get("version").asInt());
        ResponseEntity<JsonNode> added = fixture.api.post("barnet.clerk", API + "/agenda/items", draft);
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode change(String item, String number, String description) {
        Map<String, Object> draft = draft("CYCLE_REPORT", number, null, description, null);
        draft.put("version", fixture.api.get("barnet.clerk", API).getBody().get("version").asInt());
        ResponseEntity<JsonNode> changed = fixture.api.put("barnet.clerk", API + "/agenda/items/" + item, draft);
        assertThat(changed.getStatusCode()).as(String.valueOf(changed.getBody())).isEqualTo(HttpStatus.OK);
        return changed.getBody();
    }

    private JsonNode link(String item, String title, String kind, String link, boolean exempt, int version) {
        ResponseEntity<JsonNode> added = fixture.api.post("barnet.clerk", API + "/agenda/items/" + item + "/documents",
                Map.of("title", title, "kind", kind, "link", link, "exempt", exempt, "version", version));
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
        return added.getBody();
    }

    private JsonNode file(String item, String title, String kind, boolean exempt, byte[] pdf, int version) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("kind", kind);
        form.add("exempt", String.valueOf(exempt));
        form.add("version", String.valueOf(version));
        form.add("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "paper.pdf";
            }
        });
        ResponseEntity<JsonNode> added = fixture.api.post("barnet.clerk", API + "/agenda/items/" + item + "/documents", form);
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
        return added.getBody();
    }

    private static Map<String, Object> draft(String kind, String number, String title, String description, Integer paragraph) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("kind", kind);
        draft.put("number", number);
        draft.put("title", title);
        draft.put("description", description);
        draft.put("exemptParagraph", paragraph);
        return draft;
    }
}
