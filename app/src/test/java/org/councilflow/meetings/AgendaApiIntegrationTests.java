package org.councilflow.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.TestPdfs;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The clerk's agenda through the API, with the items of a real agenda (Barnet's Children, Education &amp;
 * Safeguarding Committee): procedural items numbered as the council numbers them, documents as files and links,
 * reordering until publication and amendments after it; and every way to get it wrong refused.
 */
@IntegrationTest
class AgendaApiIntegrationTests {

    static final String MEETINGS = "/api/t/barnet/meetings";

    @Autowired
    TestRestTemplate rest;

    Api api;
    String meeting;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        Map<String, Object> draft = new HashMap<>();
        draft.put("committeeId", DemoData.BARNET_CES_COMMITTEE);
        draft.put("title", "Children, Education & Safeguarding Committee – budget meeting");
        draft.put("startsAt", Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString());
        draft.put("endsAt", Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plus(3, ChronoUnit.HOURS).toString());
        draft.put("location", "HYBRID");
        draft.put("venue", "Committee Room 1, Hendon Town Hall, The Burroughs, London NW4 4BQ");
        draft.put("onlineLink", "https://teams.microsoft.com/l/meetup-join/19%3ameeting");
        draft.put("webcastLink", "https://barnet.public-i.tv/core/portal/webcast_interactive/1");
        ResponseEntity<JsonNode> arranged = api.post("barnet.clerk", MEETINGS, draft);
        assertThat(arranged.getStatusCode()).as(String.valueOf(arranged.getBody())).isEqualTo(HttpStatus.CREATED);
        meeting = arranged.getBody().get("id").asText();
    }

    @Test
    void theClerkWritesAnAgendaAsTheCouncilNumbersItOrdersItPublishesItAndThenAmendsIt() {
        add("PREVIOUS_MINUTES", "1", "Minutes of the last meeting", null, null);
        add("APOLOGIES", "2", "Absence of Members", null, null);
        add("DECLARATIONS", "3", "Declarations of Members’ Disclosable Pecuniary interests and Non-Pecuniary interests",
                null, null);
        add("REPORT", "4", "Report of the Monitoring Officer (if any)", "Report of the Monitoring Officer", null);
        add("VERBAL_UPDATE", "5a", "Ofsted Annual Conversation – verbal update",
                "The Strategic Director for Children and Young People will update the Committee.", null);
        JsonNode agenda = add("EXCLUSION", "Item 6", "Motion to exclude the press and public", null, 3);
        assertThat(agenda.get("agenda").findValuesAsText("number")).containsExactly("1", "2", "3", "4", "5a", "Item 6");
        assertThat(agenda.at("/agenda/5/exemptParagraph").asInt()).isEqualTo(3);
        assertThat(agenda.get("location").asText()).isEqualTo("HYBRID");
        assertThat(agenda.get("title").asText()).isEqualTo("Children, Education & Safeguarding Committee – budget meeting");

        // apologies come first on this council's agendas
        List<String> ids = new ArrayList<>(agenda.get("agenda").findValuesAsText("id"));
        java.util.Collections.swap(ids, 0, 1);
        ResponseEntity<JsonNode> ordered = api.put("barnet.clerk", MEETINGS + "/" + meeting + "/agenda/order",
                Map.of("itemIds", ids, "version", agenda.get("version").asInt()));
        assertThat(ordered.getStatusCode()).as(String.valueOf(ordered.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(ordered.getBody().get("agenda").findValuesAsText("title").subList(0, 2))
                .containsExactly("Absence of Members", "Minutes of the last meeting");

        // documents under their own titles: a link and a file
        String monitoring = ordered.getBody().at("/agenda/3/id").asText();
        ResponseEntity<JsonNode> linked = api.post("barnet.clerk", documents(monitoring), Map.of("title",
                "Council Constitution, Article 7 – Committees", "kind", "BACKGROUND_PAPER",
                "link", "https://barnet.moderngov.co.uk/ieListMeetings.aspx?CommitteeId=697&amp;x=1", "exempt", false,
                "version", ordered.getBody().get("version").asInt()));
        assertThat(linked.getStatusCode()).as(String.valueOf(linked.getBody())).isEqualTo(HttpStatus.CREATED);
        byte[] pdf = TestPdfs.onePage("Report of the Monitoring Officer");
        ResponseEntity<JsonNode> uploaded = api.post("barnet.clerk", documents(monitoring), file("Monitoring Officer’s report",
                "REPORT", linked.getBody().get("version").asInt(), pdf));
        assertThat(uploaded.getStatusCode()).as(String.valueOf(uploaded.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode docs = uploaded.getBody().at("/agenda/3/documents");
        assertThat(docs.findValuesAsText("title")).containsExactly("Council Constitution, Article 7 – Committees",
                "Monitoring Officer’s report");
        assertThat(docs.findValuesAsText("kind")).containsExactly("BACKGROUND_PAPER", "REPORT");
        ResponseEntity<byte[]> download = rest.exchange(documents(monitoring) + "/" + docs.get(1).get("id").asText(),
                HttpMethod.GET, new org.springframework.http.HttpEntity<>(bearer("barnet.member")), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(pdf);

        int version = uploaded.getBody().get("version").asInt();
        assertThat(api.post("barnet.clerk", MEETINGS + "/" + meeting + "/agenda/publication", Map.of("version", version - 1))
                .getStatusCode()).as("publishing what the clerk did not preview").isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> published = api.post("barnet.clerk", MEETINGS + "/" + meeting + "/agenda/publication",
                Map.of("version", version));
        assertThat(published.getStatusCode()).as(String.valueOf(published.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(published.getBody().get("agendaVersion").asInt()).isEqualTo(1);
        assertThat(published.getBody().get("agendaPublishedAt").isNull()).isFalse();

        // after publication: the order is fixed, changes are amendments with a note
        ResponseEntity<JsonNode> reordered = api.put("barnet.clerk", MEETINGS + "/" + meeting + "/agenda/order",
                Map.of("itemIds", ids, "version", published.getBody().get("version").asInt()));
        assertThat(reordered.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reordered.getBody().get("detail").asText()).contains("published");
        Map<String, Object> urgent = item("URGENT_BUSINESS", "7", "Urgent business: school place planning", null, null,
                published.getBody().get("version").asInt());
        ResponseEntity<JsonNode> noNote = api.post("barnet.clerk", items(), urgent);
        assertThat(noNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noNote.getBody().get("errors").findValuesAsText("field")).containsExactly("amendmentNote");
        urgent.put("amendmentNote", "Urgent item added with the Chairman’s agreement (s.100B(4)(b))");
        ResponseEntity<JsonNode> amended = api.post("barnet.clerk", items(), urgent);
        assertThat(amended.getStatusCode()).as(String.valueOf(amended.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(amended.getBody().get("agendaVersion").asInt()).isEqualTo(2);
        assertThat(amended.getBody().at("/amendments/0/note").asText())
                .isEqualTo("Urgent item added with the Chairman’s agreement (s.100B(4)(b))");
        assertThat(amended.getBody().at("/agenda/6/sinceVersion").asInt()).isEqualTo(2);
        String verbal = amended.getBody().at("/agenda/4/id").asText();
        ResponseEntity<JsonNode> withdrawn = api.delete("barnet.clerk", items() + "/" + verbal + "?version="
                + amended.getBody().get("version").asInt() + "&amendmentNote=Withdrawn: the Director is unwell");
        assertThat(withdrawn.getStatusCode()).as(String.valueOf(withdrawn.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().at("/agenda/4/withdrawnAt").isNull()).as("stays on the agenda, withdrawn").isFalse();
        assertThat(withdrawn.getBody().get("agendaVersion").asInt()).isEqualTo(3);
    }

    @Test
    void badNumbersLinksTextAndUnknownFieldsAreRefusedNamingTheField() {
        for (String number : List.of("", "<b>3</b>", "3.1 ", "-4", "javascript:alert(1)", "12345678901234567890X", "3\n4")) {
            ResponseEntity<JsonNode> refused = api.post("barnet.clerk", items(), item("APOLOGIES", number, "Apologies", null, null, 0));
            assertThat(refused.getStatusCode()).as("number " + number).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("errors").findValuesAsText("field")).as(number).contains("number");
        }
        Map<String, Object> huge = item("REPORT", "4", "Report", null, null, 0);
        huge.put("description", "x".repeat(20_001));
        assertThat(fields(api.post("barnet.clerk", items(), huge))).containsExactly("description");
        assertThat(fields(api.post("barnet.clerk", items(), item("REPORT", "4", "x".repeat(501), null, null, 0))))
                .containsExactly("title");
        assertThat(fields(api.post("barnet.clerk", items(), item("EXCLUSION", "9", "Exclusion", null, 8, 0))))
                .containsExactly("exemptParagraph");
        assertThat(fields(api.post("barnet.clerk", items(), item("CYCLE_REPORT", "9", "A report", null, null, 0))))
                .containsExactly("kind");
        for (String field : List.of("agendaItemNumber", "itemNumber", "position")) {
            Map<String, Object> extra = item("APOLOGIES", "1", "Apologies for absence", null, null, 0);
            extra.put(field, 3);
            ResponseEntity<JsonNode> refused = api.post("barnet.clerk", items(), extra);
            assertThat(refused.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly(field);
            assertThat(refused.getBody().get("detail").asText()).isEqualTo(field + " is not a field of this request.");
        }
        JsonNode added = api.post("barnet.clerk", items(), item("APOLOGIES", "1", "Apologies for absence", null, null, 0)).getBody();
        String item = added.at("/agenda/0/id").asText();
        int version = added.get("version").asInt();
        for (String link : List.of("javascript:alert(document.cookie)", "http://example.org/plain", "https://", "data:text/html,x",
                "https://user:secret@example.org/", "https://exa mple.org/", "JAVASCRIPT:alert(1)", "//example.org/x")) {
            ResponseEntity<JsonNode> refused = api.post("barnet.clerk", documents(item), Map.of("title", "Paper",
                    "kind", "APPENDIX", "link", link, "exempt", false, "version", version));
            assertThat(refused.getStatusCode()).as(link).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("errors").findValuesAsText("field")).as(link).containsExactly("link");
        }
        Map<String, Object> remote = new HashMap<>(Map.of("committeeId", DemoData.BARNET_CES_COMMITTEE,
                "startsAt", "2027-01-12T19:00:00Z", "location", "REMOTE", "onlineLink", "javascript:alert(1)"));
        assertThat(fields(api.post("barnet.clerk", MEETINGS, remote))).containsExactly("onlineLink");
        remote.put("onlineLink", "https://teams.microsoft.com/l/meetup-join/1");
        remote.put("venue", "Hendon Town Hall");
        assertThat(api.post("barnet.clerk", MEETINGS, remote).getStatusCode()).as("remote with a venue").isEqualTo(HttpStatus.BAD_REQUEST);
        remote.remove("venue");
        ResponseEntity<JsonNode> online = api.post("barnet.clerk", MEETINGS, remote);
        assertThat(online.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(online.getBody().get("venue").isNull()).isTrue();
        ResponseEntity<JsonNode> old = api.post("barnet.clerk", MEETINGS, Map.of("committeeId", DemoData.BARNET_CES_COMMITTEE,
                "startsAt", "1998-03-05T19:00:00Z"));
        assertThat(old.getStatusCode()).as("old papers name no venue").isEqualTo(HttpStatus.CREATED);
        assertThat(old.getBody().get("location").asText()).isEqualTo("NONE");
        assertThat(api.get("barnet.clerk", MEETINGS + "/" + meeting).getBody().get("agenda")).hasSize(1);
    }

    @Test
    void membersOfficersAndOtherCouncilsCannotChangeAnAgenda() {
        JsonNode added = api.post("barnet.clerk", items(), item("APOLOGIES", "1", "Apologies for absence", null, null, 0)).getBody();
        String item = added.at("/agenda/0/id").asText();
        int version = added.get("version").asInt();
        for (String user : List.of("barnet.member", "barnet.author", "barnet.manager", "barnet.board-chair")) {
            assertThat(api.post(user, items(), item("APOLOGIES", "2", "Apologies", null, null, version)).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.put(user, items() + "/" + item, item("APOLOGIES", "2", "Apologies", null, null, version))
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.put(user, MEETINGS + "/" + meeting + "/agenda/order", Map.of("itemIds", List.of(item),
                    "version", version)).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.post(user, MEETINGS + "/" + meeting + "/agenda/publication", Map.of("version", version))
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.delete(user, items() + "/" + item + "?version=" + version).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.post(user, MEETINGS + "/" + meeting + "/status", Map.of("status", "CANCELLED", "note", "x",
                    "version", version)).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // Tower Hamlets' meeting, item and document named under Barnet's address, and Barnet's under another meeting
        String thItems = MEETINGS + "/" + DemoData.TOWER_HAMLETS_MEETING + "/agenda/items";
        assertThat(api.post("barnet.clerk", thItems, item("APOLOGIES", "2", "Planted", null, null, 0)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.put("barnet.clerk", thItems + "/" + DemoData.TOWER_HAMLETS_AGENDA_ITEM,
                item("APOLOGIES", "2", "Planted", null, null, 0)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.put("barnet.clerk", items() + "/" + DemoData.TOWER_HAMLETS_AGENDA_ITEM,
                item("APOLOGIES", "2", "Planted", null, null, version)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("barnet.clerk", items() + "/" + item + "/documents/" + DemoData.TOWER_HAMLETS_AGENDA_DOCUMENT)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.put("barnet.clerk", MEETINGS + "/" + meeting + "/agenda/order", Map.of("itemIds",
                List.of(item, DemoData.TOWER_HAMLETS_AGENDA_ITEM), "version", version)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        String other = api.post("barnet.clerk", MEETINGS, Map.of("committeeId", DemoData.BARNET_CES_COMMITTEE,
                "startsAt", "2027-02-02T19:00:00Z", "venue", "Hendon Town Hall")).getBody().get("id").asText();
        assertThat(api.put("barnet.clerk", MEETINGS + "/" + other + "/agenda/items/" + item,
                item("APOLOGIES", "2", "Moved", null, null, 0)).getStatusCode()).as("an item of another meeting").isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode th = api.get("tower-hamlets.clerk", "/api/t/tower-hamlets/meetings/" + DemoData.TOWER_HAMLETS_MEETING).getBody();
        assertThat(th.get("version").asInt()).isZero();
        assertThat(th.at("/agenda/0/title").asText()).isEqualTo("Apologies for absence");
        assertThat(api.get("barnet.clerk", MEETINGS + "/" + meeting).getBody().at("/agenda/0/title").asText())
                .isEqualTo("Apologies for absence");
    }

    @Test
    void twoClerksReorderingFromTheSameVersionOneWinsTheOtherIsToldWhy() throws Exception {
        add("APOLOGIES", "1", "Apologies for absence", null, null);
        add("DECLARATIONS", "2", "Declarations of interest", null, null);
        JsonNode agenda = add("PREVIOUS_MINUTES", "3", "Minutes of the previous meeting", null, null);
        List<String> ids = agenda.get("agenda").findValuesAsText("id");
        int version = agenda.get("version").asInt();
        List<List<String>> orders = List.of(List.of(ids.get(2), ids.get(0), ids.get(1)), List.of(ids.get(1), ids.get(2), ids.get(0)));
        CyclicBarrier together = new CyclicBarrier(2);
        String token = Tokens.of("barnet.clerk");
        List<Callable<ResponseEntity<JsonNode>>> clerks = new ArrayList<>();
        for (List<String> order : orders) {
            clerks.add(() -> {
                together.await();
                return api.call(HttpMethod.PUT, MEETINGS + "/" + meeting + "/agenda/order", token,
                        Map.of("itemIds", order, "version", version));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<ResponseEntity<JsonNode>> results = new ArrayList<>();
        try {
            for (Future<ResponseEntity<JsonNode>> result : pool.invokeAll(clerks)) {
                results.add(result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(results).extracting(r -> r.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
        ResponseEntity<JsonNode> lost = results.stream().filter(r -> r.getStatusCode().value() == 409).findFirst().orElseThrow();
        assertThat(lost.getBody().get("detail").asText()).contains("changed since you loaded it").contains("version " + version);
        ResponseEntity<JsonNode> won = results.stream().filter(r -> r.getStatusCode().value() == 200).findFirst().orElseThrow();
        assertThat(api.get("barnet.clerk", MEETINGS + "/" + meeting).getBody().get("agenda").findValuesAsText("id"))
                .containsExactlyElementsOf(won.getBody().get("agenda").findValuesAsText("id"));
    }

    @Test
    void aMeetingIsCancelledPostponedOrMovedWithANote() {
        int version = api.get("barnet.clerk", MEETINGS + "/" + meeting).getBody().get("version").asInt();
        assertThat(fields(api.post("barnet.clerk", MEETINGS + "/" + meeting + "/status", Map.of("status", "POSTPONED",
                "version", version)))).containsExactly("note");
        ResponseEntity<JsonNode> moved = api.post("barnet.clerk", MEETINGS + "/" + meeting + "/status", Map.of(
                "status", "MOVED", "note", "Moved to the Council Chamber, Hendon Town Hall", "version", version));
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody().get("status").asText()).isEqualTo("MOVED");
        assertThat(moved.getBody().get("statusNote").asText()).isEqualTo("Moved to the Council Chamber, Hendon Town Hall");
        ResponseEntity<JsonNode> cancelled = api.post("barnet.clerk", MEETINGS + "/" + meeting + "/status", Map.of(
                "status", "CANCELLED", "note", "No business", "version", moved.getBody().get("version").asInt()));
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> late = api.post("barnet.clerk", items(), item("APOLOGIES", "1", "Apologies", null, null,
                cancelled.getBody().get("version").asInt()));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).contains("cancelled");
    }

    @Test
    void theCouncilsNumberingStyleNumbersNewItems() {
        assertThat(api.put("barnet.member", "/api/t/barnet/agenda-numbering", Map.of("numbering", "ITEM")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/agenda-numbering", Map.of("numbering", "ITEM"))
                .getBody().get("numbering").asText()).isEqualTo("ITEM");
        add("APOLOGIES", null, "Apologies for absence", null, null);
        JsonNode agenda = add("DECLARATIONS", null, "Declarations of interest", null, null);
        assertThat(agenda.get("agenda").findValuesAsText("number")).containsExactly("Item 1", "Item 2");
        api.put("barnet.clerk", "/api/t/barnet/agenda-numbering", Map.of("numbering", "DECIMAL"));
        assertThat(add("URGENT_BUSINESS", null, "Urgent business", null, null).get("agenda").findValuesAsText("number"))
                .containsExactly("Item 1", "Item 2", "1.3");
        assertThat(api.get("tower-hamlets.clerk", "/api/t/tower-hamlets/agenda-numbering").getBody().get("numbering").asText())
                .as("another council's style is its own").isEqualTo("NUMBERS");
    }

    private JsonNode add(String kind, String number, String title, String description, Integer paragraph) {
        int version = api.get("barnet.clerk", MEETINGS + "/" + meeting).getBody().get("version").asInt();
        ResponseEntity<JsonNode> added = api.post("barnet.clerk", items(), item(kind, number, title, description, paragraph, version));
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
        return added.getBody();
    }

    static Map<String, Object> item(String kind, String number, String title, String description, Integer paragraph, int version) {
        Map<String, Object> item = new HashMap<>();
        item.put("kind", kind);
        item.put("number", number);
        item.put("title", title);
        item.put("description", description);
        item.put("exemptParagraph", paragraph);
        item.put("version", version);
        return item;
    }

    private String items() {
        return MEETINGS + "/" + meeting + "/agenda/items";
    }

    private String documents(String item) {
        return items() + "/" + item + "/documents";
    }

    private static LinkedMultiValueMap<String, Object> file(String title, String kind, int version, byte[] pdf) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("kind", kind);
        form.add("version", String.valueOf(version));
        form.add("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "monitoring-officer.pdf";
            }
        });
        return form;
    }

    private static List<String> fields(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        return response.getBody().get("errors").findValuesAsText("field");
    }

    private static org.springframework.http.HttpHeaders bearer(String user) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return headers;
    }
}
