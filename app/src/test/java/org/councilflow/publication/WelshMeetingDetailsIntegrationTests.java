package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
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
 * A meeting's venue, attendance and declarations of interest in Welsh (ADR 0017): the Welsh venue, the committee roles,
 * presences and kinds of interest in the Welsh Government's words, and the clerk's Welsh posts and natures on the
 * Welsh pages, PDFs, calendar, feeds and open data; the English where there is no Welsh, marked; the English pages as
 * they were; and the new fields' abuse cases.
 */
@IntegrationTest
class WelshMeetingDetailsIntegrationTests {

    private static final String NOT_IN_WELSH = "(Nid yw'r testun Cymraeg ar gael)";

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
    void welshPagesGiveTheVenueRolesPresencesAndDeclarationsInWelshAndMarkTheEnglish() {
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "BILINGUAL");
        WelshMeetingDetails details = WelshMeetingDetails.publish(api);
        String path = "/councils/barnet/meetings/" + details.meeting();

        Document cy = page(path + "?lang=cy");
        Element where = cy.getElementById("meeting-where");
        assertThat(where.text()).startsWith("Cyfarfod hybrid (wyneb yn wyneb ac ar-lein): " + WelshMeetingDetails.VENUE_CY);
        assertThat(where.selectFirst("#meeting-venue").text()).isEqualTo(WelshMeetingDetails.VENUE_CY);
        assertThat(where.select(".missing, [lang=en]")).isEmpty();
        assertThat(cy.selectFirst("#attendance-present").text()).isEqualTo("Aelodau yn bresennol");
        assertThat(cy.select("#attendance-present + ul li").eachText())
                .containsExactly("Cllr David Longstaff (Cadeirydd)", "Cllr I Hadley");
        assertThat(cy.selectFirst("#attendance-apologies").text()).isEqualTo("Ymddiheuriadau am absenoldeb");
        assertThat(cy.select("#attendance-apologies + ul li").eachText()).containsExactly("Cllr Anne Hutton (Is-gadeirydd)");
        assertThat(cy.selectFirst("#attendance-substitute").text()).isEqualTo("Dirprwyon");
        assertThat(cy.select("#attendance-substitute + ul li").eachText())
                .containsExactly("Cllr D Stocker (yn dirprwyo ar ran Cllr Anne Hutton)");
        assertThat(cy.select("#attendance-absent + ul li").eachText()).containsExactly("Mrs R Patel (Aelod cyfetholedig)");
        assertThat(cy.selectFirst("#attendance-officers").text()).isEqualTo("Swyddogion yn bresennol");
        List<Element> officers = cy.select("#attendance-officers + ul li");
        assertThat(officers.get(0).text()).isEqualTo("Chris Munday \u2013 " + WelshMeetingDetails.OFFICER_ROLE_CY);
        assertThat(officers.get(0).select(".missing")).isEmpty();
        assertThat(officers.get(1).text()).isEqualTo("Salar Rida \u2013 " + WelshMeetingDetails.ENGLISH_ONLY_ROLE + " " + NOT_IN_WELSH);
        assertThat(officers.get(1).selectFirst("span[lang=en]").text()).isEqualTo(WelshMeetingDetails.ENGLISH_ONLY_ROLE);
        assertThat(cy.selectFirst("#attendance-witness").text()).isEqualTo("Tystion");
        assertThat(cy.select("#attendance-witness + ul li").eachText())
                .containsExactly("Dawn O\u2019Neill \u2013 " + WelshMeetingDetails.WITNESS_ROLE_CY);
        assertWelshDeclarations(cy.getElementById("minutes-" + details.item()));
        assertWelshDeclarations(page(path + "/items/1?lang=cy").selectFirst(".minutes-item"));
        assertThat(cy.text()).doesNotContain(WelshMeetingDetails.VENUE + " ", WelshMeetingDetails.OFFICER_ROLE,
                WelshMeetingDetails.WITNESS_ROLE, WelshMeetingDetails.NATURE, "Chair", "Apologies", "interest", "left the room");

        // the next meeting's venue has no Welsh: the English, marked
        Element nextVenue = page("/councils/barnet/meetings/" + details.next() + "?lang=cy").getElementById("meeting-where");
        assertThat(nextVenue.selectFirst("#meeting-venue span[lang=en]").text()).isEqualTo(WelshMeetingDetails.NEXT_VENUE);
        assertThat(nextVenue.select(".missing").eachText()).containsExactly(NOT_IN_WELSH);
        assertThat(page("/councils/barnet/meetings?lang=cy").select("td[dir=auto]").eachText())
                .contains(WelshMeetingDetails.VENUE_CY, WelshMeetingDetails.NEXT_VENUE + " " + NOT_IN_WELSH);

        Document en = page(path + "?lang=en");
        assertThat(en.getElementById("meeting-where").text())
                .startsWith("Hybrid meeting (in person and online): " + WelshMeetingDetails.VENUE);
        assertThat(en.select("#attendance-present + ul li").eachText())
                .containsExactly("Cllr David Longstaff (Chair)", "Cllr I Hadley");
        assertThat(en.select("#attendance-apologies + ul li").eachText()).containsExactly("Cllr Anne Hutton (Vice-Chair)");
        assertThat(en.select("#attendance-officers + ul li").eachText()).containsExactly(
                "Chris Munday \u2013 " + WelshMeetingDetails.OFFICER_ROLE,
                "Salar Rida \u2013 " + WelshMeetingDetails.ENGLISH_ONLY_ROLE);
        assertThat(en.select("#attendance-witness + ul li").eachText())
                .containsExactly("Dawn O\u2019Neill \u2013 " + WelshMeetingDetails.WITNESS_ROLE);
        assertThat(en.select(".declarations li").eachText()).containsExactly(
                "Cllr D Stocker: Other registrable interest \u2013 " + WelshMeetingDetails.NATURE,
                "Cllr I Hadley: Disclosable pecuniary interest \u2013 " + WelshMeetingDetails.ENGLISH_ONLY_NATURE
                        + " (left the room for this item)");
        assertThat(en.select(".missing")).isEmpty();
        assertThat(en.text()).doesNotContain(WelshMeetingDetails.VENUE_CY, WelshMeetingDetails.OFFICER_ROLE_CY,
                WelshMeetingDetails.WITNESS_ROLE_CY, WelshMeetingDetails.NATURE_CY);
    }

    private static void assertWelshDeclarations(Element minutes) {
        List<Element> declarations = minutes.select(".declarations li");
        assertThat(declarations).hasSize(2);
        assertThat(declarations.get(0).text()).isEqualTo("Cllr D Stocker: Buddiant cofrestradwy arall \u2013 "
                + WelshMeetingDetails.NATURE_CY);
        assertThat(declarations.get(0).select(".missing")).isEmpty();
        assertThat(declarations.get(1).text()).isEqualTo("Cllr I Hadley: Buddiant ariannol datgeladwy \u2013 "
                + WelshMeetingDetails.ENGLISH_ONLY_NATURE + " " + NOT_IN_WELSH + " (gadawodd yr ystafell ar gyfer yr eitem hon)");
        assertThat(declarations.get(1).selectFirst("span[lang=en]").text()).isEqualTo(WelshMeetingDetails.ENGLISH_ONLY_NATURE);
    }

    @Test
    void thePdfsInWelshCarryTheWelshVenueRolesAndDeclarationsAndInEnglishTheEnglish() throws IOException {
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "BILINGUAL");
        WelshMeetingDetails details = WelshMeetingDetails.publish(api);
        String path = "/councils/barnet/meetings/" + details.meeting();

        String pack = pdfText(path + "/agenda-pack.pdf?lang=cy");
        assertThat(pack).contains("Cyfarfod hybrid (wyneb yn wyneb ac ar-lein): " + WelshMeetingDetails.VENUE_CY)
                .doesNotContain(WelshMeetingDetails.VENUE + " ");
        String minutes = pdfText(path + "/minutes.pdf?lang=cy");
        assertThat(minutes).contains("Cllr David Longstaff (Cadeirydd)", "Cllr Anne Hutton (Is-gadeirydd)",
                "Ymddiheuriadau am absenoldeb", "Dirprwyon", "(yn dirprwyo ar ran Cllr Anne Hutton)",
                "Mrs R Patel (Aelod cyfetholedig)", "Swyddogion yn bresennol", "Tystion",
                "Chris Munday \u2013 " + WelshMeetingDetails.OFFICER_ROLE_CY,
                "Salar Rida \u2013 " + WelshMeetingDetails.ENGLISH_ONLY_ROLE + " " + NOT_IN_WELSH,
                "Dawn O\u2019Neill \u2013 " + WelshMeetingDetails.WITNESS_ROLE_CY,
                "Buddiant cofrestradwy arall \u2013 " + WelshMeetingDetails.NATURE_CY, "dŵr", "â’r", "ŵyr",
                "Buddiant ariannol datgeladwy \u2013 " + WelshMeetingDetails.ENGLISH_ONLY_NATURE,
                "(gadawodd yr ystafell ar gyfer yr eitem hon)")
                .doesNotContain(WelshMeetingDetails.OFFICER_ROLE, WelshMeetingDetails.WITNESS_ROLE, WelshMeetingDetails.NATURE,
                        "(Chair)", "Apologies", "left the room");

        assertThat(pdfText(path + "/agenda-pack.pdf?lang=en"))
                .contains("Hybrid meeting (in person and online): " + WelshMeetingDetails.VENUE)
                .doesNotContain(WelshMeetingDetails.VENUE_CY);
        assertThat(pdfText(path + "/minutes.pdf?lang=en")).contains("Cllr David Longstaff (Chair)",
                "Chris Munday \u2013 " + WelshMeetingDetails.OFFICER_ROLE, "Dawn O\u2019Neill \u2013 " + WelshMeetingDetails.WITNESS_ROLE,
                "Other registrable interest \u2013 " + WelshMeetingDetails.NATURE, "(left the room for this item)")
                .doesNotContain(WelshMeetingDetails.OFFICER_ROLE_CY, WelshMeetingDetails.WITNESS_ROLE_CY,
                        WelshMeetingDetails.NATURE_CY, "Cadeirydd", "(English text not available)");
    }

    @Test
    void openDataCalendarAndFeedsCarryTheWelshVenueRolesAndNatures() throws IOException {
        WelshPublicSiteIntegrationTests.languages(fixture, "barnet", "BILINGUAL");
        WelshMeetingDetails details = WelshMeetingDetails.publish(api);
        ObjectMapper json = new ObjectMapper();

        JsonNode meeting = null;
        for (JsonNode m : json.readTree(fixture.get("/councils/barnet/meetings.json").getBody()).get("meetings")) {
            if (m.get("id").asText().equals(details.meeting())) {
                meeting = m;
            }
        }
        assertThat(meeting).isNotNull();
        assertThat(meeting.get("venue").asText()).isEqualTo(WelshMeetingDetails.VENUE);
        assertThat(meeting.get("venueCy").asText()).isEqualTo(WelshMeetingDetails.VENUE_CY);
        assertThat(meeting.get("location").asText()).isEqualTo("HYBRID");
        String csv = fixture.get("/councils/barnet/meetings.csv").getBody();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",descriptionCy,venueCy");
        assertThat(csv.lines().filter(l -> l.startsWith(details.meeting()))).isNotEmpty()
                .allSatisfy(row -> assertThat(row).contains(WelshMeetingDetails.VENUE, WelshMeetingDetails.VENUE_CY));

        JsonNode minutes = json.readTree(fixture.get("/councils/barnet/meetings/" + details.meeting() + "/minutes.json").getBody());
        assertThat(minutes.at("/attendance/officers/0/role").asText()).isEqualTo(WelshMeetingDetails.OFFICER_ROLE);
        assertThat(minutes.at("/attendance/officers/0/roleCy").asText()).isEqualTo(WelshMeetingDetails.OFFICER_ROLE_CY);
        assertThat(minutes.at("/attendance/officers/1/roleCy").isNull()).isTrue();
        assertThat(minutes.at("/attendance/others/0/roleCy").asText()).isEqualTo(WelshMeetingDetails.WITNESS_ROLE_CY);
        assertThat(minutes.at("/attendance/members/1/role").asText()).isEqualTo("VICE_CHAIR");
        assertThat(minutes.at("/items/0/declarations/0/nature").asText()).isEqualTo(WelshMeetingDetails.NATURE);
        assertThat(minutes.at("/items/0/declarations/0/natureCy").asText()).isEqualTo(WelshMeetingDetails.NATURE_CY);
        assertThat(minutes.at("/items/0/declarations/1/natureCy").isNull()).isTrue();

        // the calendar is read in either language: the venue in both, "online" in the request's language
        String committee = "/councils/barnet/committees/" + details.committee();
        String calendar = fixture.get(committee + "/meetings.ics?lang=en").getBody().replace("\r\n ", "").replace("\\,", ",");
        assertThat(calendar).contains("LOCATION:" + WelshMeetingDetails.VENUE + " / " + WelshMeetingDetails.VENUE_CY
                + " and online", "LOCATION:" + WelshMeetingDetails.NEXT_VENUE + "\r\n");
        assertThat(fixture.get(committee + "/meetings.ics?lang=cy").getBody().replace("\r\n ", "").replace("\\,", ","))
                .contains("LOCATION:" + WelshMeetingDetails.VENUE + " / " + WelshMeetingDetails.VENUE_CY + " ac ar-lein");
        assertThat(fixture.get(committee + "/meetings.atom?lang=cy").getBody())
                .contains(WelshMeetingDetails.VENUE_CY + " ac ar-lein").doesNotContain(WelshMeetingDetails.VENUE + " ");
        assertThat(fixture.get(committee + "/meetings.atom?lang=en").getBody())
                .contains(WelshMeetingDetails.VENUE + " and online").doesNotContain(WelshMeetingDetails.VENUE_CY);
    }

    @Test
    void theWelshFieldsAreRefusedWhenOversizedUnknownMisplacedForeignOrNotTheCallersToChange() {
        WelshMeetingDetails details = WelshMeetingDetails.publish(api);
        String meeting = "/api/t/barnet/meetings/" + details.meeting();
        String next = "/api/t/barnet/meetings/" + details.next();

        // the venue in Welsh: too long, without a venue, an unknown field; nothing changed
        Map<String, Object> tooLong = WelshMeetingDetails.draft(details.committee(), WelshMeetingDetails.HELD, "VENUE",
                WelshMeetingDetails.NEXT_VENUE, "ŵ".repeat(301));
        assertProblem(api.put("barnet.clerk", next, Map.of("details", tooLong, "version", WelshPapers.version(api, details.next()),
                "amendmentNote", "Venue in Welsh")), "venueCy");
        Map<String, Object> remote = WelshMeetingDetails.draft(details.committee(), WelshMeetingDetails.HELD, "REMOTE", null,
                WelshMeetingDetails.VENUE_CY);
        assertProblem(api.post("barnet.clerk", "/api/t/barnet/meetings", remote), "venueCy");
        Map<String, Object> unknown = WelshMeetingDetails.draft(details.committee(), WelshMeetingDetails.HELD, "VENUE",
                WelshMeetingDetails.VENUE, null);
        unknown.put("lleoliad", WelshMeetingDetails.VENUE_CY);
        assertProblem(api.post("barnet.clerk", "/api/t/barnet/meetings", unknown), "lleoliad");
        assertThat(api.get("barnet.clerk", next).getBody().get("venueCy").isNull()).isTrue();

        // another council's clerk reaches none of Barnet's meetings; an author may not arrange one
        Map<String, Object> hijack = WelshMeetingDetails.draft(details.committee(), WelshMeetingDetails.HELD, "VENUE",
                WelshMeetingDetails.VENUE, "Wedi'i herwgipio");
        assertThat(api.put("tower-hamlets.clerk", "/api/t/tower-hamlets/meetings/" + details.meeting(), Map.of("details",
                hijack, "version", 1, "amendmentNote", "x")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("barnet.author", "/api/t/barnet/meetings", hijack).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("barnet.clerk", meeting).getBody().get("venueCy").asText()).isEqualTo(WelshMeetingDetails.VENUE_CY);

        // a post and a nature in Welsh: too long, unknown fields, another council, a role that may not
        String attendance = meeting + "/attendance";
        int version = api.get("barnet.clerk", attendance).getBody().get("version").asInt();
        Map<String, Object> longRole = Map.of("members", List.of(), "others", List.of(), "officers",
                List.of(Map.of("name", "Chris Munday", "role", "Director", "roleCy", "C".repeat(301))));
        assertProblem(api.put("barnet.clerk", attendance, Map.of("attendance", longRole, "version", version)), "roleCy");
        Map<String, Object> unknownRole = Map.of("members", List.of(), "others", List.of(), "officers",
                List.of(Map.of("name", "Chris Munday", "role", "Director", "swyddCy", "Cyfarwyddwr")));
        assertProblem(api.put("barnet.clerk", attendance, Map.of("attendance", unknownRole, "version", version)), "swyddCy");
        assertThat(api.put("tower-hamlets.clerk", "/api/t/tower-hamlets/meetings/" + details.meeting() + "/attendance",
                Map.of("attendance", WelshMeetingDetails.attendance(), "version", version)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.put("barnet.member", attendance, Map.of("attendance", WelshMeetingDetails.attendance(), "version", version))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("barnet.clerk", attendance).getBody().at("/officers/0/roleCy").asText())
                .isEqualTo(WelshMeetingDetails.OFFICER_ROLE_CY);

        String item = meeting + "/minutes/items/" + details.item();
        int itemVersion = api.get("barnet.clerk", item).getBody().get("version").asInt();
        Map<String, Object> longNature = Map.of("minutes", "x", "resolutions", List.of(), "declarations", List.of(Map.of(
                "member", "Cllr D Stocker", "kind", "OTHER_REGISTRABLE", "nature", "x", "natureCy", "ŵ".repeat(4001),
                "leftRoom", false)));
        assertProblem(api.put("barnet.clerk", item, Map.of("minutes", longNature, "version", itemVersion)), "natureCy");
        Map<String, Object> unknownNature = Map.of("minutes", "x", "resolutions", List.of(), "declarations", List.of(Map.of(
                "member", "Cllr D Stocker", "kind", "OTHER_REGISTRABLE", "nature", "x", "naturCy", "y", "leftRoom", false)));
        assertProblem(api.put("barnet.clerk", item, Map.of("minutes", unknownNature, "version", itemVersion)), "naturCy");
        Map<String, Object> foreign = Map.of("minutes", "x", "resolutions", List.of(), "declarations", List.of(Map.of(
                "member", "Cllr D Stocker", "kind", "OTHER_REGISTRABLE", "nature", "x", "natureCy", "Wedi'i herwgipio",
                "leftRoom", false)));
        assertThat(api.put("tower-hamlets.clerk", "/api/t/tower-hamlets/meetings/" + details.meeting() + "/minutes/items/"
                + details.item(), Map.of("minutes", foreign, "version", itemVersion)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("barnet.clerk", item).getBody().at("/declarations/0/natureCy").asText())
                .isEqualTo(WelshMeetingDetails.NATURE_CY);
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

    private String pdfText(String path) throws IOException {
        ResponseEntity<byte[]> response = fixture.bytes(path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        }
    }
}
