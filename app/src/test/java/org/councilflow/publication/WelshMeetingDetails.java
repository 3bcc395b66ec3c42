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
 * A Welsh council's meeting details entered through the API as its clerk would (ADR 0017): a hybrid meeting at a venue
 * with its Welsh name, attendance with every presence and committee role, an officer and a witness with their posts
 * in Welsh and an officer with a post in English only, a declaration of interest with its nature in Welsh and one in
 * English only (the member left the room); the agenda published and the minutes approved at the next meeting, whose
 * venue has no Welsh name.
 */
record WelshMeetingDetails(String committee, String meeting, String next, String item) {

    static final Instant HELD = Instant.parse("2019-04-29T17:30:00Z");
    static final String VENUE = "Hendon Town Hall";
    static final String VENUE_CY = "Neuadd y Dref Hendon";
    static final String NEXT_VENUE = "Committee Room 2, Barnet House";
    static final String OFFICER_ROLE = "Strategic Director for Children and Young People";
    static final String OFFICER_ROLE_CY = "Cyfarwyddwr Strategol Plant a Phobl Ifanc";
    static final String ENGLISH_ONLY_ROLE = "Head of Governance";
    static final String WITNESS_ROLE = "Executive Director \u2013 People";
    static final String WITNESS_ROLE_CY = "Cyfarwyddwr Gweithredol \u2013 Pobl";
    static final String NATURE = "Governor of a school named in the report";
    static final String NATURE_CY = "Llywodraethwr ysgol a enwir yn yr adroddiad, yn y dŵr â’r ŵyr";
    static final String ENGLISH_ONLY_NATURE = "Employed by the library service";

    static WelshMeetingDetails publish(Api api) {
        ResponseEntity<JsonNode> committee = api.post("barnet.tenant-admin", "/api/t/barnet/committees", Map.of(
                "name", "Children, Education and Safeguarding Committee", "nameCy", "Pwyllgor Plant, Addysg a Diogelu",
                "scrutiny", false, "members", List.of()));
        assertThat(committee.getStatusCode()).as(String.valueOf(committee.getBody())).isEqualTo(HttpStatus.CREATED);
        String committeeId = committee.getBody().get("id").asText();
        String meeting = meeting(api, committeeId, HELD, "HYBRID", VENUE, VENUE_CY);
        String next = meeting(api, committeeId, HELD.plusSeconds(42L * 24 * 3600), "VENUE", NEXT_VENUE, null);
        String item = WelshPapers.item(api, meeting, "5", "Family Services Performance", "Perfformiad Gwasanaethau Teulu",
                null, null, "REPORT");
        String previous = WelshPapers.item(api, next, "2", "Minutes of the previous meeting",
                "Cofnodion y cyfarfod blaenorol", null, null, "PREVIOUS_MINUTES");
        api.publishAgenda("barnet", meeting);
        api.publishAgenda("barnet", next);

        ResponseEntity<JsonNode> attendance = api.put("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/attendance",
                Map.of("version", 0, "attendance", attendance()));
        assertThat(attendance.getStatusCode()).as(String.valueOf(attendance.getBody())).isEqualTo(HttpStatus.OK);
        WelshPapers.saveMinutes(api, meeting, item, Map.of("minutes", "Members discussed the figures.",
                "resolutions", List.of(), "declarations", List.of(
                        Map.of("member", "Cllr D Stocker", "kind", "OTHER_REGISTRABLE", "nature", NATURE,
                                "natureCy", NATURE_CY, "leftRoom", false),
                        Map.of("member", "Cllr I Hadley", "kind", "DISCLOSABLE_PECUNIARY", "nature", ENGLISH_ONLY_NATURE,
                                "leftRoom", true)),
                "welsh", Map.of("minutes", "Bu’r aelodau’n trafod y ffigurau.")));
        ResponseEntity<JsonNode> approved = api.post("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes/approval",
                Map.of("approvedAtItemId", previous, "version", 0));
        assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.CREATED);
        return new WelshMeetingDetails(committeeId, meeting, next, item);
    }

    static Map<String, Object> attendance() {
        return Map.of("members", List.of(
                member("Cllr David Longstaff", "CHAIR", "PRESENT", null),
                member("Cllr Anne Hutton", "VICE_CHAIR", "APOLOGIES", null),
                member("Cllr D Stocker", "MEMBER", "SUBSTITUTE", "Cllr Anne Hutton"),
                member("Cllr I Hadley", "MEMBER", "PRESENT", null),
                member("Mrs R Patel", "CO_OPTED", "ABSENT", null)),
                "officers", List.of(
                        Map.of("name", "Chris Munday", "role", OFFICER_ROLE, "roleCy", OFFICER_ROLE_CY),
                        Map.of("name", "Salar Rida", "role", ENGLISH_ONLY_ROLE)),
                "others", List.of(Map.of("name", "Dawn O\u2019Neill", "role", WITNESS_ROLE, "roleCy", WITNESS_ROLE_CY,
                        "kind", "WITNESS")));
    }

    private static Map<String, Object> member(String name, String role, String presence, String substituteFor) {
        Map<String, Object> member = new HashMap<>(Map.of("name", name, "role", role, "presence", presence));
        member.put("substituteFor", substituteFor);
        return member;
    }

    static Map<String, Object> draft(String committeeId, Instant startsAt, String location, String venue, String venueCy) {
        Map<String, Object> draft = new HashMap<>(Map.of("committeeId", committeeId, "startsAt", startsAt.toString(),
                "location", location, "title", "Performance meeting"));
        draft.put("venue", venue);
        draft.put("venueCy", venueCy);
        if (!"VENUE".equals(location)) {
            draft.put("onlineLink", "https://teams.microsoft.com/l/meetup-join/ces");
        }
        return draft;
    }

    static String meeting(Api api, String committeeId, Instant startsAt, String location, String venue, String venueCy) {
        ResponseEntity<JsonNode> meeting = api.post("barnet.clerk", "/api/t/barnet/meetings",
                draft(committeeId, startsAt, location, venue, venueCy));
        assertThat(meeting.getStatusCode()).as(String.valueOf(meeting.getBody())).isEqualTo(HttpStatus.CREATED);
        return meeting.getBody().get("id").asText();
    }
}
