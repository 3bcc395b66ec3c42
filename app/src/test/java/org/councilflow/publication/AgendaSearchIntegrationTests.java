package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A published agenda's own items (other reports, verbal updates, procedural items) are found by the public search
 * before any minutes exist: by title, description and document titles, from the moment the agenda is published, not
 * before; an exempt item never, a withdrawn one no longer; and only on its own council's site.
 */
@IntegrationTest
class AgendaSearchIntegrationTests {

    private static final String MEETINGS = "/api/t/barnet/meetings/";

    @Autowired
    TestRestTemplate rest;

    Api api;
    String meeting;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        ResponseEntity<JsonNode> arranged = api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of("committeeId",
                DemoData.BARNET_CES_COMMITTEE, "startsAt", Instant.now().plus(10, ChronoUnit.DAYS).toString(),
                "venue", "Hendon Town Hall", "title", "Budget scrutiny"));
        assertThat(arranged.getStatusCode()).as(String.valueOf(arranged.getBody())).isEqualTo(HttpStatus.CREATED);
        meeting = arranged.getBody().get("id").asText();
    }

    @Test
    void anAgendasItemsAreFoundOnceItIsPublishedAndNotWhenExemptOrWithdrawn() {
        String report = add("REPORT", "4a", "Home to school transport: Qzxminibus contract",
                "The committee is asked to comment on the retendering of the Qzxfleet service.");
        add("VERBAL_UPDATE", "5", "Verbal update from the Qzxcabinet member", null);
        Map<String, Object> exempt = item("REPORT", "12", "Qzxsecret property acquisition", null);
        exempt.put("exemptParagraph", 3);
        assertThat(api.post("barnet.clerk", MEETINGS + meeting + "/agenda/items", exempt).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(hrefs("Qzxminibus")).as("not before the agenda is published").isEmpty();

        api.publishAgenda("barnet", meeting);

        Document found = search("Qzxminibus");
        assertThat(found.select("ol.results a").eachText()).containsExactly("4a Home to school transport: Qzxminibus contract");
        assertThat(found.select("ol.results .caption").text()).startsWith("Agenda item");
        String href = found.selectFirst("ol.results a").attr("href");
        assertThat(href).contains("/councils/barnet/meetings/" + meeting + "/items/");
        assertThat(rest.getForEntity(href, String.class).getStatusCode()).as("the hit's page").isEqualTo(HttpStatus.OK);
        assertThat(hrefs("Qzxfleet")).as("by its description").containsExactly(href);
        assertThat(hrefs("Qzxcabinet")).hasSize(1);
        assertThat(hrefs("Qzxsecret")).as("an exempt item is never found").isEmpty();
        assertThat(Jsoup.parse(rest.getForObject("/councils/tower-hamlets/search?q=Qzxminibus", String.class))
                .select("ol.results a")).as("another council's site").isEmpty();

        int version = api.get("barnet.clerk", MEETINGS + meeting).getBody().get("version").asInt();
        ResponseEntity<JsonNode> withdrawn = api.delete("barnet.clerk", MEETINGS + meeting + "/agenda/items/" + report
                + "?version=" + version + "&amendmentNote=Deferred to the next meeting");
        assertThat(withdrawn.getStatusCode()).as(String.valueOf(withdrawn.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(hrefs("Qzxminibus")).as("a withdrawn item leaves the search").isEmpty();
        assertThat(hrefs("Qzxcabinet")).hasSize(1);
    }

    private String add(String kind, String number, String title, String description) {
        ResponseEntity<JsonNode> added = api.post("barnet.clerk", MEETINGS + meeting + "/agenda/items",
                item(kind, number, title, description));
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode agenda = added.getBody().get("agenda");
        return agenda.get(agenda.size() - 1).get("id").asText();
    }

    private Map<String, Object> item(String kind, String number, String title, String description) {
        Map<String, Object> item = new HashMap<>();
        item.put("kind", kind);
        item.put("number", number);
        item.put("title", title);
        item.put("description", description);
        item.put("version", api.get("barnet.clerk", MEETINGS + meeting).getBody().get("version").asInt());
        return item;
    }

    private Document search(String query) {
        ResponseEntity<String> page = rest.getForEntity("/councils/barnet/search?q=" + query, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return Jsoup.parse(page.getBody(), "");
    }

    private List<String> hrefs(String query) {
        return search(query).select("ol.results a").eachAttr("href");
    }
}
