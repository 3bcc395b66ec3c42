package org.councilflow.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * Minutes through their whole life: written per item (real councils' minutes and resolutions), draft and not public,
 * approved at the next meeting under its item "minutes of the previous meeting", public exactly as approved (open
 * data text for text), corrected by amendments that are versions with notes; and what must be refused.
 */
@IntegrationTest
class MinutesIntegrationTests {

    private static final String SECRET = "Qzxdraftminutes";

    @Autowired
    TestRestTemplate rest;

    Api api;
    MinutesFixture fixture;
    String meeting;
    String next;
    String previousMinutesItem;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        fixture = new MinutesFixture(api);
        Instant held = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        meeting = fixture.barnetMeeting(held);
        next = fixture.barnetMeeting(held.plus(28, ChronoUnit.DAYS));
        previousMinutesItem = MinutesFixture.item("barnet", next, "PREVIOUS_MINUTES", "2", "Minutes of the previous meeting", null);
    }

    @Test
    void realCouncilsMinutesAreDraftUntilApprovedAndThenPublicTextForText() throws IOException {
        JsonNode cases = reference().get("items");
        List<String> items = new ArrayList<>();
        for (JsonNode c : cases) {
            String item = MinutesFixture.item("barnet", meeting, "REPORT", c.get("number").asText(), c.get("title").asText(), null);
            items.add(item);
            ResponseEntity<JsonNode> saved = fixture.saveItem("barnet.clerk", "barnet", meeting, item, Map.of(
                    "minutes", c.get("minutes").asText(), "resolutions", c.get("resolutions"),
                    "declarations", List.of()), 0);
            assertThat(saved.getStatusCode()).as(c.get("source") + ": " + saved.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(saved.getBody().get("minutes").asText()).isEqualTo(c.get("minutes").asText());
            assertThat(saved.getBody().get("resolutions")).isEqualTo(c.get("resolutions"));
        }
        assertThat(publicGet("/councils/barnet/meetings/" + meeting + "/minutes.json").getStatusCode())
                .as("draft minutes are not public").isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> approved = fixture.approve("barnet", meeting, previousMinutesItem, 0);

        assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(approved.getBody().get("kind").asText()).isEqualTo("APPROVED");
        assertThat(approved.getBody().get("approvedAtMeetingId").asText()).isEqualTo(next);
        JsonNode published = new ObjectMapper().readTree(publicGet("/councils/barnet/meetings/" + meeting + "/minutes.json").getBody());
        assertThat(published.get("status").asText()).isEqualTo("APPROVED");
        assertThat(published.get("approvedAtMeetingId").asText()).isEqualTo(next);
        assertThat(published.get("approvedAtItemNumber").asText()).isEqualTo("2");
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            JsonNode item = published.get("items").get(i);
            assertThat(item.get("number").asText()).isEqualTo(c.get("number").asText());
            assertThat(item.get("title").asText()).isEqualTo(c.get("title").asText());
            assertThat(item.get("minutes").asText()).as(c.get("source").asText()).isEqualTo(c.get("minutes").asText());
            assertThat(item.get("resolutions")).hasSameSizeAs(c.get("resolutions"));
            for (int r = 0; r < c.get("resolutions").size(); r++) {
                JsonNode sent = c.get("resolutions").get(r);
                JsonNode shown = item.get("resolutions").get(r);
                assertThat(shown.get("text").asText()).isEqualTo(sent.get("text").asText());
                assertThat(shown.get("points").findValuesAsText("text")).isEqualTo(new ObjectMapper().convertValue(sent.get("points"), List.class));
                assertThat(shown.get("label").asText()).isEqualTo(c.get("resolutions").size() > 1 ? (r + 1) + "." : "");
            }
        }
        assertThat(published.at("/items/0/resolutions/0/points/1/label").asText()).isEqualTo("b)");
        assertThat(published.get("resolvedLabel").asText()).isEqualTo("RESOLVED \u2013");

        ResponseEntity<String> csv = publicGet("/councils/barnet/resolutions.csv");
        assertThat(csv.getBody()).startsWith("\uFEFF");
        List<List<String>> rows = csv(csv.getBody().substring(1));
        List<String> header = rows.get(0);
        int resolutions = 0;
        for (JsonNode c : cases) {
            resolutions += c.get("resolutions").size();
        }
        assertThat(rows).as("one row per resolution").hasSize(1 + resolutions);
        List<String> sheffield = rows.get(1);
        assertThat(sheffield.get(header.indexOf("itemNumber"))).isEqualTo("8");
        assertThat(sheffield.get(header.indexOf("text"))).isEqualTo("That the Committee:-");
        assertThat(sheffield.get(header.indexOf("points"))).isEqualTo("a) notes the information now reported; and\n"
                + "b) requests the Policy and Improvement Officer to investigate the two issues raised, and report back on"
                + " possible outcomes to the next meeting.");
        List<String> leighton = rows.get(rows.size() - 1);
        assertThat(leighton.get(header.indexOf("points"))).contains("a) Planning & Transport Committee\u00a04 October 2021");
        JsonNode json = new ObjectMapper().readTree(publicGet("/councils/barnet/resolutions.json").getBody());
        assertThat(json.get("resolutions")).hasSize(resolutions);
        assertThat(json.at("/resolutions/3/points/1/text").asText())
                .contains("Education and Children\u2019s Services \u2013 Councillor Rhys Thomas");
        assertThat(publicGet("/councils/barnet/search?q=Rutland").getBody()).contains("Minutes:");
    }

    @Test
    void approvedMinutesAreCorrectedByAmendmentsWithNotesAllVersionsKept() {
        String item = MinutesFixture.item("barnet", meeting, "REPORT", "5", "Family Services Performance", null);
        assertThat(fixture.saveItem("barnet.clerk", "barnet", meeting, item, minutes("The Committee noted the report.",
                "That the Committee note the performance."), 0).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fixture.approve("barnet", meeting, previousMinutesItem, 0).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fixture.saveItem("barnet.clerk", "barnet", meeting, item, minutes("The Committee noted the report.",
                "That the Committee note the performance information in Appendix 3."), 1).getStatusCode()).isEqualTo(HttpStatus.OK);
        String before = publicGet("/councils/barnet/meetings/" + meeting + "/minutes.json").getBody();
        assertThat(before).as("a change of the working copy is not public until amended").doesNotContain("Appendix 3");

        ResponseEntity<JsonNode> amended = api.post("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes/amendments",
                Map.of("note", "Resolution of item 5 corrected: the appendix named", "version", 1));

        assertThat(amended.getStatusCode()).as(String.valueOf(amended.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(amended.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(amended.getBody().get("kind").asText()).isEqualTo("AMENDED");
        String after = publicGet("/councils/barnet/meetings/" + meeting + "/minutes.json").getBody();
        assertThat(after).contains("Appendix 3", "Resolution of item 5 corrected: the appendix named", "\"minutesVersion\" : 2");
        JsonNode record = api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes").getBody();
        assertThat(record.get("status").asText()).isEqualTo("APPROVED");
        assertThat(record.get("versions").findValuesAsText("kind")).containsExactly("APPROVED", "AMENDED");
        assertThat(api.get("barnet.manager", "/api/t/barnet/meetings/" + meeting + "/minutes/versions/1").getBody()
                .at("/content/items/0/resolutions/0/text").asText()).isEqualTo("That the Committee note the performance.");

        ResponseEntity<JsonNode> again = fixture.approve("barnet", meeting, previousMinutesItem, 2);
        ResponseEntity<JsonNode> stale = api.post("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes/amendments",
                Map.of("note", "Another", "version", 1));
        ResponseEntity<JsonNode> noNote = api.post("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes/amendments",
                Map.of("note", " ", "version", 2));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("approved already", "amendment");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().get("detail").asText()).contains("version 1, now 2");
        assertThat(noNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes").getBody().get("latestVersion").asInt())
                .isEqualTo(2);
    }

    @Test
    void approvalOnlyUnderALaterMeetingsPreviousMinutesItemOnceThatMeetingHasBegun() {
        String apologies = MinutesFixture.item("barnet", next, "APOLOGIES", "1", "Apologies for absence", null);
        String earlier = fixture.barnetMeeting(Instant.now().minus(90, ChronoUnit.DAYS));
        String earlierItem = MinutesFixture.item("barnet", earlier, "PREVIOUS_MINUTES", "2", "Minutes", null);
        String future = fixture.barnetMeeting(Instant.now().plus(20, ChronoUnit.DAYS));
        String futureItem = MinutesFixture.item("barnet", future, "PREVIOUS_MINUTES", "2", "Minutes", null);
        String otherCommittee = fixture.meeting("barnet", "00000000-0000-4000-8000-000000000102", Instant.now().minus(1, ChronoUnit.DAYS));
        String otherItem = MinutesFixture.item("barnet", otherCommittee, "PREVIOUS_MINUTES", "2", "Minutes", null);
        String towerHamletsItem = MinutesFixture.item("tower-hamlets", DemoData.TOWER_HAMLETS_MEETING, "PREVIOUS_MINUTES", "2",
                "Minutes", null);

        assertThat(fixture.approve("barnet", meeting, apologies, 0).getBody().at("/errors/0/field").asText()).isEqualTo("approvedAtItemId");
        assertThat(fixture.approve("barnet", meeting, earlierItem, 0).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fixture.approve("barnet", meeting, otherItem, 0).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fixture.approve("barnet", meeting, futureItem, 0).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fixture.approve("barnet", meeting, towerHamletsItem, 0).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.post("barnet.manager", "/api/t/barnet/meetings/" + meeting + "/minutes/approval",
                Map.of("approvedAtItemId", previousMinutesItem, "version", 0)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(fixture.approve("barnet", meeting, previousMinutesItem, 3).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes").getBody().get("versions")).isEmpty();
        assertThat(publicGet("/councils/barnet/meetings/" + meeting + "/minutes.json").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void draftMinutesArePublicOnlyWhereTheCouncilChoseItAndMarkedAsDraft() {
        String item = MinutesFixture.item("barnet", meeting, "REPORT", "4", "Draft item", null);
        fixture.saveItem("barnet.clerk", "barnet", meeting, item, minutes(SECRET + " said", "That " + SECRET), 0);
        String publication = "/api/t/barnet/meetings/" + meeting + "/minutes/draft-publication";

        ResponseEntity<JsonNode> refused = api.post("barnet.clerk", publication, Map.of("version", 0));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        for (String path : List.of("/councils/barnet/meetings/" + meeting + "/minutes.json", "/councils/barnet/resolutions.json",
                "/councils/barnet/resolutions.csv", "/councils/barnet/meetings")) {
            assertThat(String.valueOf(publicGet(path).getBody())).as(path).doesNotContain(SECRET);
        }
        JsonNode style = api.get("barnet.tenant-admin", "/api/t/barnet/minutes-style").getBody();
        assertThat(api.put("barnet.clerk", "/api/t/barnet/minutes-style", Map.of("style", style.get("style"), "version", 0))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ObjectNode drafts = style.get("style").deepCopy();
        drafts.put("publishDraftMinutes", true).put("resolvedLabel", "RESOLVED:").put("points", "ROMAN");
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/minutes-style", Map.of("style", drafts, "version", 0))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/minutes-style", Map.of("style", drafts, "version", 0))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> draft = api.post("barnet.clerk", publication, Map.of("version", 0));

        assertThat(draft.getStatusCode()).as(String.valueOf(draft.getBody())).isEqualTo(HttpStatus.CREATED);
        String published = publicGet("/councils/barnet/meetings/" + meeting + "/minutes.json").getBody();
        assertThat(published).contains("\"status\" : \"DRAFT\"", SECRET, "RESOLVED:");
        assertThat(fixture.approve("barnet", meeting, previousMinutesItem, 1).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(publicGet("/councils/barnet/meetings/" + meeting + "/minutes.json").getBody()).contains("\"status\" : \"APPROVED\"");
    }

    @Test
    void exemptItemsKeepTheirHeadingAndDeclarationsButNotTheirMinutes() {
        String exempt = MinutesFixture.item("barnet", meeting, "REPORT", "12", "Property acquisition", 3);
        ResponseEntity<JsonNode> saved = fixture.saveItem("barnet.clerk", "barnet", meeting, exempt, Map.of(
                "minutes", "Qzxexemptminutes were discussed", "resolutions", List.of(Map.of("text", "That Qzxexemptresolution", "points", List.of())),
                "declarations", List.of(Map.of("member", "Cllr Anne Hutton", "kind", "DISCLOSABLE_PECUNIARY",
                        "nature", "Owns land next to the site", "leftRoom", true))), 0);
        assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody().at("/declarations/0/leftRoom").asBoolean()).isTrue();

        assertThat(fixture.approve("barnet", meeting, previousMinutesItem, 0).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String published = publicGet("/councils/barnet/meetings/" + meeting + "/minutes.json").getBody();
        assertThat(published).contains("Property acquisition", "Owns land next to the site", "\"exemptParagraph\" : 3")
                .doesNotContain("Qzxexempt");
        assertThat(publicGet("/councils/barnet/resolutions.csv").getBody()).doesNotContain("Qzxexempt");
        assertThat(publicGet("/councils/barnet/search?q=discussed").getBody()).doesNotContain("Qzxexempt");
    }

    @Test
    void itemMinutesRefuseStaleVersionsUnknownFieldsOtherCouncilsItemsAndRolesThatMayNot() {
        String item = MinutesFixture.item("barnet", meeting, "REPORT", "3", "An item", null);
        String path = "/api/t/barnet/meetings/" + meeting + "/minutes/items/" + item;
        assertThat(fixture.saveItem("barnet.clerk", "barnet", meeting, item, minutes("First", "That one."), 0).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> stale = fixture.saveItem("barnet.clerk", "barnet", meeting, item, minutes("Second", "That two."), 0);
        ResponseEntity<JsonNode> unknown = api.put("barnet.clerk", path, """
                {"minutes": {"minutes": "x", "resolutions": [{"text": "That", "points": [], "number": "1."}], "declarations": []},
                 "version": 1}""");
        ResponseEntity<JsonNode> badKind = api.put("barnet.clerk", path, """
                {"minutes": {"minutes": "x", "resolutions": [], "declarations": [{"member": "A", "kind": "PERSONAL",
                 "nature": "n", "leftRoom": false}]}, "version": 1}""");
        ResponseEntity<JsonNode> oversized = fixture.saveItem("barnet.clerk", "barnet", meeting, item, Map.of(
                "minutes", "x".repeat(200_001), "resolutions", List.of(), "declarations", List.of()), 1);
        ResponseEntity<JsonNode> blankPoint = fixture.saveItem("barnet.clerk", "barnet", meeting, item, Map.of(
                "minutes", "x", "resolutions", List.of(Map.of("text", "That", "points", List.of(" "))), "declarations", List.of()), 1);
        String towerHamletsItem = MinutesFixture.item("tower-hamlets", DemoData.TOWER_HAMLETS_MEETING, "REPORT", "1", "Theirs", null);
        ResponseEntity<JsonNode> foreign = fixture.saveItem("barnet.clerk", "barnet", meeting, towerHamletsItem, minutes("Mine", "That."), 0);
        ResponseEntity<JsonNode> foreignRead = api.get("barnet.clerk", "/api/t/barnet/meetings/" + DemoData.TOWER_HAMLETS_MEETING
                + "/minutes/items/" + towerHamletsItem);
        ResponseEntity<JsonNode> manager = fixture.saveItem("barnet.manager", "barnet", meeting, item, minutes("Manager", "That."), 1);
        ResponseEntity<JsonNode> member = api.get("barnet.member", path);

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().get("detail").asText()).contains("item 3", "barnet.clerk");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().at("/errors/0/field").asText()).isEqualTo("minutes.resolutions[0].number");
        assertThat(badKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKind.getBody().at("/errors/0/field").asText()).isEqualTo("minutes.declarations[0].kind");
        assertThat(oversized.getStatusCode().value()).isIn(400, 413);
        assertThat(blankPoint.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreignRead.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(member.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode current = api.get("barnet.manager", path).getBody();
        assertThat(current.get("minutes").asText()).isEqualTo("First");
        assertThat(current.get("version").asInt()).isEqualTo(1);
        assertThat(api.get("tower-hamlets.clerk", "/api/t/tower-hamlets/meetings/" + DemoData.TOWER_HAMLETS_MEETING
                + "/minutes/items/" + towerHamletsItem).getBody().get("version").asInt()).isZero();
    }

    private static Map<String, Object> minutes(String text, String resolution) {
        return Map.of("minutes", text, "resolutions", List.of(Map.of("text", resolution, "points", List.of())),
                "declarations", List.of());
    }

    private ResponseEntity<String> publicGet(String path) {
        return rest.getForEntity(path, String.class);
    }

    private static List<List<String>> csv(String body) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        List<List<String>> rows = new ArrayList<>();
        try (var it = mapper.readerFor(List.class).<List<String>>readValues(body.getBytes(StandardCharsets.UTF_8))) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    static JsonNode reference() throws IOException {
        try (var in = MinutesIntegrationTests.class.getResourceAsStream("/minutes/council-minutes.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
