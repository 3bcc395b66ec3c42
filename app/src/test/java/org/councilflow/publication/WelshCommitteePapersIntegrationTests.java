package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.flowable.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Committee papers in both languages (ADR 0017): the council's Welsh committee name, meeting title, item headings and
 * descriptions, document titles, minutes and resolutions on the Welsh pages, PDFs, feeds, calendar and open data; the
 * other language shown, marked, where a text exists in one only; Welsh search; and the new fields' abuse cases.
 */
@IntegrationTest
class WelshCommitteePapersIntegrationTests {

    private static final String NOT_IN_WELSH = "(Nid yw'r testun Cymraeg ar gael)";
    private static final String NOT_IN_ENGLISH = "(English text not available)";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublicationFixture fixture;
    Api api;

    @BeforeEach
    void setUp() {
        fixture = new PublicationFixture(rest, engine);
        api = fixture.api;
    }

    @AfterEach
    void resetClock() {
        fixture.resetClock();
    }

    @Test
    void welshPagesShowTheCouncilsWelshAndMarkTheEnglishWhereThereIsNoWelsh() {
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "BILINGUAL");
        WelshPapers papers = WelshPapers.publish(api);
        String meetingPath = "/councils/barnet/meetings/" + papers.meeting();

        Document cy = page(meetingPath + "?lang=cy");
        assertThat(cy.selectFirst("h1").text()).contains(WelshPapers.COMMITTEE_CY, "25 Mawrth 2019");
        assertThat(cy.selectFirst("#meeting-committee").text()).isEqualTo(WelshPapers.COMMITTEE_CY);
        assertThat(cy.selectFirst("#meeting-title").text()).isEqualTo(WelshPapers.TITLE_CY);
        // dates as WELSH-TERMS.md has them: "Dydd Llun", "25 Mawrth 2019", a 24-hour clock
        assertThat(cy.selectFirst("#meeting-fields").text()).contains("Dydd Llun 25 Mawrth 2019", "10:00");
        Element bilingual = cy.selectFirst("#agenda-item-2");
        assertThat(bilingual.selectFirst("h3").text()).isEqualTo("4 " + WelshPapers.ITEM_CY);
        assertThat(bilingual.selectFirst(".description[lang=cy]").text()).isEqualTo(WelshPapers.DESCRIPTION_CY);
        assertThat(bilingual.select(".item-documents a").eachText()).containsExactly(WelshPapers.DOCUMENT_CY);
        assertThat(bilingual.select(".missing")).isEmpty();
        Element english = cy.selectFirst("#agenda-item-1");
        assertThat(english.selectFirst("h3 span[lang=en]").text()).isEqualTo(WelshPapers.ENGLISH_ONLY_ITEM);
        assertThat(english.selectFirst(".description[lang=en]").text()).isEqualTo("Apologies were received from members.");
        assertThat(english.select(".missing").eachText()).contains(NOT_IN_WELSH, "Nid yw'r testun Cymraeg ar gael");

        Element minutes = cy.getElementById("minutes-" + papers.bilingualItem());
        assertThat(minutes.selectFirst("h3").text()).isEqualTo("4 " + WelshPapers.ITEM_CY);
        assertThat(minutes.selectFirst(".minutes-text[lang=cy]").text()).isEqualTo(WelshPapers.MINUTES_CY);
        assertThat(minutes.selectFirst(".resolved[lang=cy] ol.resolutions > li").ownText()).isEqualTo(WelshPapers.RESOLUTION_CY);
        assertThat(minutes.select(".resolved ol.points > li").stream().map(Element::ownText).toList())
                .isEqualTo(WelshPapers.POINTS_CY);
        assertThat(minutes.select(".missing")).isEmpty();
        Element englishMinutes = cy.getElementById("minutes-" + papers.englishItem());
        assertThat(englishMinutes.selectFirst(".minutes-text[lang=en]").text()).isEqualTo(WelshPapers.ENGLISH_ONLY_MINUTES);
        assertThat(englishMinutes.select(".missing").eachText()).contains("Nid yw'r testun Cymraeg ar gael");

        Document en = page(meetingPath + "?lang=en");
        assertThat(en.selectFirst("#meeting-committee").text()).isEqualTo(WelshPapers.COMMITTEE);
        assertThat(en.selectFirst("#meeting-title").text()).isEqualTo(WelshPapers.TITLE);
        assertThat(en.selectFirst("#agenda-item-2 h3").text()).isEqualTo("4 " + WelshPapers.ITEM);
        assertThat(en.select("#agenda-item-2 .item-documents a").eachText()).containsExactly(WelshPapers.DOCUMENT);
        assertThat(en.getElementById("minutes-" + papers.bilingualItem()).selectFirst(".minutes-text").text())
                .isEqualTo(WelshPapers.MINUTES);
        assertThat(en.text()).doesNotContain(WelshPapers.ITEM_CY, WelshPapers.MINUTES_CY, WelshPapers.DESCRIPTION_CY);
        Element welshOnly = en.selectFirst("#agenda-item-3");
        assertThat(welshOnly.selectFirst(".description[lang=cy]").text()).isEqualTo(WelshPapers.WELSH_ONLY_DESCRIPTION);
        assertThat(welshOnly.select(".missing").eachText()).contains("English text not available");
        assertThat(en.select(".missing").eachText()).doesNotContain(NOT_IN_ENGLISH);

        Document item = page(meetingPath + "/items/2?lang=cy");
        assertThat(item.selectFirst("h1").ownText()).isEqualTo(WelshPapers.ITEM_CY);
        assertThat(item.selectFirst("title").text()).contains(WelshPapers.ITEM_CY);
        assertThat(item.selectFirst(".minutes-text[lang=cy]").text()).isEqualTo(WelshPapers.MINUTES_CY);
        Document englishItem = page(meetingPath + "/items/1?lang=cy");
        assertThat(englishItem.selectFirst("h1 span[lang=en]").text()).isEqualTo(WelshPapers.ENGLISH_ONLY_ITEM);
        assertThat(page("/councils/barnet/meetings?lang=cy").select("td[dir=auto]").eachText()).contains(WelshPapers.COMMITTEE_CY);
    }

    @Test
    void theCommitteePaperPagesInWelshHaveNoEnglishWordsOfTheSiteAndInEnglishNoneOfTheWelsh() throws IOException {
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "BILINGUAL");
        WelshPapers papers = WelshPapers.publish(api);
        Properties english = WelshPublicSiteIntegrationTests.bundle("messages");
        Properties welsh = WelshPublicSiteIntegrationTests.bundle("messages_cy");
        // the council's own names: content in whatever language it gave them
        List<String> content = List.of("London Borough of Barnet", "Hendon Town Hall", WelshPapers.COMMITTEE,
                WelshPapers.COMMITTEE_CY, "RESOLVED \u2013");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("meeting with minutes", "/councils/barnet/meetings/" + papers.meeting());
        pages.put("item in both languages", "/councils/barnet/meetings/" + papers.meeting() + "/items/2");
        pages.put("item in English only", "/councils/barnet/meetings/" + papers.meeting() + "/items/1");
        pages.put("meetings", "/councils/barnet/meetings");
        Map<String, List<String>> englishOnWelsh = new LinkedHashMap<>();
        Map<String, List<String>> welshOnEnglish = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : pages.entrySet()) {
            Document cy = page(entry.getValue() + "?lang=cy");
            Document en = page(entry.getValue() + "?lang=en");
            assertThat(cy.selectFirst("html").attr("lang")).isEqualTo("cy");
            englishOnWelsh.put(entry.getKey(), WelshPublicSiteIntegrationTests.found(cy, english, welsh, content));
            welshOnEnglish.put(entry.getKey(), WelshPublicSiteIntegrationTests.found(en, welsh, english, content));
        }
        assertThat(englishOnWelsh).allSatisfy((page, words) -> assertThat(words).as("English on the Welsh " + page).isEmpty());
        assertThat(welshOnEnglish).allSatisfy((page, words) -> assertThat(words).as("Welsh on the English " + page).isEmpty());
    }

    @Test
    void theAgendaPackAndMinutesPdfsInWelshAreTaggedCyAndTheirGlyphsExtractAsTyped() throws IOException {
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "WELSH");
        WelshPapers papers = WelshPapers.publish(api);
        String meetingPath = "/councils/barnet/meetings/" + papers.meeting();

        try (PDDocument pack = Loader.loadPDF(fixture.bytes(meetingPath + "/agenda-pack.pdf").getBody())) {
            assertThat(pack.getDocumentCatalog().getLanguage()).isEqualTo("cy");
            String text = normalise(new PDFTextStripper().getText(pack));
            assertThat(text).contains(WelshPapers.COMMITTEE_CY, WelshPapers.TITLE_CY, WelshPapers.ITEM_CY,
                    WelshPapers.DESCRIPTION_CY, "Dydd Llun 25 Mawrth 2019", "ŵyr", "tŷ", "châr");
            assertThat(pack.getDocumentInformation().getTitle()).contains(WelshPapers.COMMITTEE_CY, "25 Mawrth 2019");
        }
        try (PDDocument minutes = Loader.loadPDF(fixture.bytes(meetingPath + "/minutes.pdf").getBody())) {
            assertThat(minutes.getDocumentCatalog().getLanguage()).isEqualTo("cy");
            String text = normalise(new PDFTextStripper().getText(minutes));
            assertThat(text).contains(WelshPapers.COMMITTEE_CY, "25 Mawrth 2019", WelshPapers.MINUTES_CY,
                    WelshPapers.RESOLUTION_CY, "a) " + WelshPapers.POINTS_CY.get(0), "b) " + WelshPapers.POINTS_CY.get(1),
                    "ŵyr", "gwŷr", "â’r", WelshPapers.ENGLISH_ONLY_MINUTES);
            assertThat(text).doesNotContain(WelshPapers.MINUTES);
        }
    }

    @Test
    void feedsCalendarsOpenDataAndSearchCarryBothLanguages() throws IOException {
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "BILINGUAL");
        WelshPapers papers = WelshPapers.publish(api);
        ObjectMapper json = new ObjectMapper();

        JsonNode meetings = json.readTree(fixture.get("/councils/barnet/meetings.json").getBody());
        JsonNode meeting = null;
        for (JsonNode m : meetings.get("meetings")) {
            if (m.get("id").asText().equals(papers.meeting())) {
                meeting = m;
            }
        }
        assertThat(meeting).isNotNull();
        assertThat(meeting.get("committee").asText()).isEqualTo(WelshPapers.COMMITTEE);
        assertThat(meeting.get("committeeCy").asText()).isEqualTo(WelshPapers.COMMITTEE_CY);
        assertThat(meeting.get("titleCy").asText()).isEqualTo(WelshPapers.TITLE_CY);
        assertThat(meeting.at("/items/1/title").asText()).isEqualTo(WelshPapers.ITEM);
        assertThat(meeting.at("/items/1/titleCy").asText()).isEqualTo(WelshPapers.ITEM_CY);
        assertThat(meeting.at("/items/1/descriptionCy").asText()).isEqualTo(WelshPapers.DESCRIPTION_CY);
        assertThat(meeting.at("/items/1/documents/0/titleCy").asText()).isEqualTo(WelshPapers.DOCUMENT_CY);
        assertThat(meeting.at("/items/0/titleCy").isNull()).isTrue();
        String meetingsCsv = fixture.get("/councils/barnet/meetings.csv").getBody();
        assertThat(meetingsCsv.lines().findFirst().orElseThrow()).endsWith("committeeCy,meetingTitleCy,titleCy,descriptionCy,venueCy");
        assertThat(meetingsCsv).contains(WelshPapers.COMMITTEE_CY, WelshPapers.ITEM_CY, WelshPapers.DESCRIPTION_CY);

        JsonNode minutes = json.readTree(fixture.get("/councils/barnet/meetings/" + papers.meeting() + "/minutes.json").getBody());
        assertThat(minutes.get("committeeNameCy").asText()).isEqualTo(WelshPapers.COMMITTEE_CY);
        assertThat(minutes.at("/items/1/minutes").asText()).isEqualTo(WelshPapers.MINUTES);
        assertThat(minutes.at("/items/1/minutesCy").asText()).isEqualTo(WelshPapers.MINUTES_CY);
        assertThat(minutes.at("/items/1/resolutionsCy/0/text").asText()).isEqualTo(WelshPapers.RESOLUTION_CY);
        String resolutions = fixture.get("/councils/barnet/resolutions.csv").getBody();
        assertThat(resolutions.lines().findFirst().orElseThrow()).endsWith("committeeCy,itemTitleCy,textCy,pointsCy,resolvedCy");
        assertThat(resolutions).contains(WelshPapers.RESOLUTION, WelshPapers.RESOLUTION_CY, "a) " + WelshPapers.POINTS_CY.get(0));

        String calendar = fixture.get("/councils/barnet/meetings.ics").getBody().replace("\r\n ", "");
        assertThat(calendar).contains("SUMMARY:" + WelshPapers.COMMITTEE + " / " + WelshPapers.COMMITTEE_CY);
        String feed = fixture.get("/councils/barnet/meetings.atom?lang=cy").getBody();
        assertThat(feed).contains(WelshPapers.COMMITTEE_CY + ", 25 Mawrth 2019");
        assertThat(fixture.get("/councils/barnet/meetings.atom?lang=en").getBody())
                .contains(WelshPapers.COMMITTEE + ", 25 March 2019").doesNotContain(WelshPapers.COMMITTEE_CY + ",");
        String committee = "/councils/barnet/committees/" + papers.committee();
        assertThat(fixture.get(committee + "/meetings.ics").getBody().replace("\r\n ", "").replace("\\,", ","))
                .contains("SUMMARY:" + WelshPapers.COMMITTEE + " / " + WelshPapers.COMMITTEE_CY,
                        "4. " + WelshPapers.ITEM + " / " + WelshPapers.ITEM_CY);
        assertThat(fixture.get(committee + "/meetings.atom?lang=cy").getBody()).contains(WelshPapers.COMMITTEE_CY);

        // Welsh search: simple words, accents folded ("gwyr" finds "gwŷr"); English search does not find Welsh words
        assertThat(hits("gwyr")).contains("/meetings/" + papers.meeting());
        assertThat(hits("gwŷr")).contains("/meetings/" + papers.meeting());
        assertThat(hits("llyfrgell")).contains("/meetings/" + papers.meeting());
        Document results = page("/councils/barnet/search?q=llyfrgell&lang=cy");
        assertThat(results.select("ol.results a[lang=cy]").eachText()).anyMatch(t -> t.contains(WelshPapers.COMMITTEE_CY));
    }

    @Test
    void welshFieldsAreValidatedLikeTheEnglishAndBelongToTheirCouncil() {
        WelshPapers papers = WelshPapers.publish(api);
        String meeting = "/api/t/barnet/meetings/" + papers.meeting();

        // too long, NUL, unknown fields: 400 naming the field, nothing saved
        Map<String, Object> tooLong = WelshPapers.itemBody(api, papers.next(), "7", "Any other business", "ŵ".repeat(501),
                null, null, "REPORT");
        assertProblem(api.post("barnet.clerk", "/api/t/barnet/meetings/" + papers.next() + "/agenda/items", tooLong), "titleCy");
        Map<String, Object> nul = WelshPapers.itemBody(api, papers.next(), "7", "Any other business", "Unrhyw fater\u0000",
                null, null, "REPORT");
        assertProblem(api.post("barnet.clerk", "/api/t/barnet/meetings/" + papers.next() + "/agenda/items", nul), "titleCy");
        Map<String, Object> unknown = WelshPapers.itemBody(api, papers.next(), "7", "Any other business", null, null, null,
                "REPORT");
        unknown.put("teitlCy", "Unrhyw fater arall");
        assertProblem(api.post("barnet.clerk", "/api/t/barnet/meetings/" + papers.next() + "/agenda/items", unknown), "teitlCy");
        assertProblem(api.post("barnet.tenant-admin", "/api/t/barnet/committees", Map.of("name", "Licensing Committee",
                "nameCy", "P".repeat(201), "scrutiny", false, "members", List.of())), "nameCy");
        Map<String, Object> oversizedMinutes = new HashMap<>(Map.of("minutes", "x", "resolutions", List.of(), "declarations",
                List.of(), "welsh", Map.of("minutes", "ŵ".repeat(200_001))));
        assertProblem(api.put("barnet.clerk", meeting + "/minutes/items/" + papers.englishItem(), Map.of("minutes",
                oversizedMinutes, "version", 1)), "welsh");
        assertProblem(api.put("barnet.clerk", meeting + "/minutes/items/" + papers.englishItem(), Map.of("minutes",
                Map.of("minutes", "x", "resolutions", List.of(), "declarations", List.of(), "welsh", Map.of("cofnodion", "x")),
                "version", 1)), "cofnodion");
        assertThat(api.get("barnet.clerk", meeting + "/minutes/items/" + papers.englishItem()).getBody().at("/minutes").asText())
                .isEqualTo(WelshPapers.ENGLISH_ONLY_MINUTES);

        // another council's ids: its clerk cannot read or write Barnet's Welsh text through its own council's address
        ResponseEntity<JsonNode> foreignItem = api.put("tower-hamlets.clerk", "/api/t/tower-hamlets/meetings/" + papers.meeting()
                + "/agenda/items/" + papers.bilingualItem(), WelshPapers.itemBody(api, papers.meeting(), "4", "Hijacked",
                "Wedi'i herwgipio", null, null, "REPORT"));
        assertThat(foreignItem.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> foreignMinutes = api.put("tower-hamlets.clerk", "/api/t/tower-hamlets/meetings/"
                + papers.meeting() + "/minutes/items/" + papers.bilingualItem(), Map.of("minutes", Map.of("minutes", "x",
                "resolutions", List.of(), "declarations", List.of(), "welsh", Map.of("minutes", "Wedi'i herwgipio")), "version", 1));
        assertThat(foreignMinutes.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> foreignCommittee = api.put("tower-hamlets.tenant-admin", "/api/t/tower-hamlets/committees/"
                + papers.committee(), Map.of("committee", Map.of("name", "Hijacked", "nameCy", "Wedi'i herwgipio",
                "scrutiny", false, "members", List.of()), "version", 0));
        assertThat(foreignCommittee.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("barnet.clerk", "/api/t/barnet/committees/" + papers.committee()).getBody().get("nameCy").asText())
                .isEqualTo(WelshPapers.COMMITTEE_CY);
        assertThat(api.get("barnet.clerk", meeting).getBody().at("/agenda/1/titleCy").asText()).isEqualTo(WelshPapers.ITEM_CY);

        // a title with bidirectional overrides is stored as typed and published without them
        Map<String, Object> bidi = WelshPapers.itemBody(api, papers.next(), "8", "Any other business",
                "Unrhyw fater \u202Earall\u202C", null, null, "REPORT");
        assertThat(api.post("barnet.clerk", "/api/t/barnet/meetings/" + papers.next() + "/agenda/items", bidi).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "WELSH");
        api.publishAgenda("barnet", papers.next());
        String published = fixture.get("/councils/barnet/meetings/" + papers.next()).getBody();
        assertThat(published).contains("Unrhyw fater arall").doesNotContain("\u202E", "\u202C");
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().toString()).contains(field);
    }

    private Document page(String path) {
        ResponseEntity<String> response = fixture.get(path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return Jsoup.parse(response.getBody());
    }

    private List<String> hits(String query) {
        List<String> hits = new ArrayList<>();
        page("/councils/barnet/search?q=" + query).select("ol.results a").eachAttr("href").forEach(h ->
                hits.add(h.replaceFirst("^/councils/barnet", "").replaceFirst("\\?.*", "")));
        return hits;
    }

    private static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
