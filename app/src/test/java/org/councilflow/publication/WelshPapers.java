package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A committee's papers in Welsh and English, entered through the API as a Welsh council's clerk would (ADR 0017): a
 * committee with a Welsh name, a meeting of 25 March 2019 with a Welsh title, items with Welsh headings and
 * descriptions (one in English only, one whose description is in Welsh only), a document with a Welsh title, minutes
 * and resolutions in both languages (one item's in English only), the agenda published and the minutes approved.
 */
record WelshPapers(String committee, String meeting, String next, String bilingualItem, String englishItem,
        String welshDescriptionItem) {

    static final String COMMITTEE = "Children's Services Overview Committee";
    static final String COMMITTEE_CY = "Pwyllgor Trosolwg Gwasanaethau Plant";
    static final String TITLE = "Budget meeting";
    static final String TITLE_CY = "Cyfarfod y gyllideb";
    static final Instant HELD = Instant.parse("2019-03-25T10:00:00Z");
    static final String ITEM = "Youth services and the library’s future";
    static final String ITEM_CY = "Gwasanaethau ieuenctid a dyfodol y llyfrgell: ŵyr, tŷ a châr";
    static final String DESCRIPTION = "The Cabinet Member will present the options.";
    static final String DESCRIPTION_CY = "Bydd yr Aelod Cabinet yn cyflwyno’r opsiynau i’r gwŷr a’r gwragedd.";
    static final String ENGLISH_ONLY_ITEM = "Apologies for absence";
    static final String WELSH_ONLY_DESCRIPTION = "Nodyn yn Gymraeg yn unig am y trefniadau.";
    static final String ENGLISH_ONLY_HEADING = "Work programme";
    static final String DOCUMENT = "Options appraisal";
    static final String DOCUMENT_CY = "Arfarniad o’r opsiynau";
    static final String MINUTES = "Members discussed the options for the library.";
    static final String MINUTES_CY = "Bu’r aelodau’n trafod yr opsiynau ar gyfer y llyfrgell; cytunodd y gwŷr â’r ŵyr yn y tŷ.";
    static final String RESOLUTION = "That the Committee:-";
    static final String RESOLUTION_CY = "Bod y Pwyllgor:-";
    static final List<String> POINTS = List.of("notes the report; and", "asks for an update in June.");
    static final List<String> POINTS_CY = List.of("yn nodi’r adroddiad; a", "yn gofyn am ddiweddariad ym mis Mehefin.");
    static final String ENGLISH_ONLY_MINUTES = "No apologies were received.";

    /** Everything above, in Barnet (whose languages the caller sets). */
    static WelshPapers publish(Api api) {
        ResponseEntity<JsonNode> committee = api.post("barnet.tenant-admin", "/api/t/barnet/committees", Map.of(
                "name", COMMITTEE, "nameCy", COMMITTEE_CY, "scrutiny", false, "members", List.of()));
        assertThat(committee.getStatusCode()).as(String.valueOf(committee.getBody())).isEqualTo(HttpStatus.CREATED);
        String committeeId = committee.getBody().get("id").asText();
        String meeting = meeting(api, committeeId, HELD, TITLE_CY);
        String next = meeting(api, committeeId, HELD.plusSeconds(28L * 24 * 3600), null);

        String english = item(api, meeting, "1", ENGLISH_ONLY_ITEM, null, "Apologies were received from members.", null,
                "APOLOGIES");
        String bilingual = item(api, meeting, "4", ITEM, ITEM_CY, DESCRIPTION, DESCRIPTION_CY, "REPORT");
        String welshDescription = item(api, meeting, "5", ENGLISH_ONLY_HEADING, null, null, WELSH_ONLY_DESCRIPTION, "REPORT");
        ResponseEntity<JsonNode> document = api.post("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/agenda/items/"
                + bilingual + "/documents", Map.of("title", DOCUMENT, "titleCy", DOCUMENT_CY, "kind", "BACKGROUND_PAPER",
                "link", "https://www.barnet.gov.uk/options", "exempt", false, "version", version(api, meeting)));
        assertThat(document.getStatusCode()).as(String.valueOf(document.getBody())).isEqualTo(HttpStatus.CREATED);
        String previous = item(api, next, "2", "Minutes of the previous meeting", "Cofnodion y cyfarfod blaenorol", null,
                null, "PREVIOUS_MINUTES");
        api.publishAgenda("barnet", meeting);

        saveMinutes(api, meeting, bilingual, Map.of("minutes", MINUTES,
                "resolutions", List.of(Map.of("text", RESOLUTION, "points", POINTS)), "declarations", List.of(),
                "welsh", Map.of("minutes", MINUTES_CY, "resolutions", List.of(Map.of("text", RESOLUTION_CY, "points", POINTS_CY)))));
        saveMinutes(api, meeting, english, Map.of("minutes", ENGLISH_ONLY_MINUTES, "resolutions", List.of(),
                "declarations", List.of()));
        ResponseEntity<JsonNode> approved = api.post("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes/approval",
                Map.of("approvedAtItemId", previous, "version", 0));
        assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.CREATED);
        return new WelshPapers(committeeId, meeting, next, bilingual, english, welshDescription);
    }

    static String meeting(Api api, String committeeId, Instant startsAt, String titleCy) {
        Map<String, Object> draft = new HashMap<>(Map.of("committeeId", committeeId, "startsAt", startsAt.toString(),
                "venue", "Hendon Town Hall", "title", TITLE));
        draft.put("titleCy", titleCy);
        ResponseEntity<JsonNode> meeting = api.post("barnet.clerk", "/api/t/barnet/meetings", draft);
        assertThat(meeting.getStatusCode()).as(String.valueOf(meeting.getBody())).isEqualTo(HttpStatus.CREATED);
        return meeting.getBody().get("id").asText();
    }

    static String item(Api api, String meeting, String number, String title, String titleCy, String description,
            String descriptionCy, String kind) {
        ResponseEntity<JsonNode> added = api.post("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/agenda/items",
                itemBody(api, meeting, number, title, titleCy, description, descriptionCy, kind));
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode agenda = added.getBody().get("agenda");
        return agenda.get(agenda.size() - 1).get("id").asText();
    }

    static Map<String, Object> itemBody(Api api, String meeting, String number, String title, String titleCy,
            String description, String descriptionCy, String kind) {
        Map<String, Object> item = new HashMap<>();
        item.put("kind", kind);
        item.put("number", number);
        item.put("title", title);
        item.put("titleCy", titleCy);
        item.put("description", description);
        item.put("descriptionCy", descriptionCy);
        item.put("version", version(api, meeting));
        return item;
    }

    static void saveMinutes(Api api, String meeting, String item, Map<String, Object> minutes) {
        ResponseEntity<JsonNode> saved = api.put("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes/items/" + item,
                Map.of("minutes", minutes, "version", 0));
        assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
    }

    static int version(Api api, String meeting) {
        return api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting).getBody().get("version").asInt();
    }
}
