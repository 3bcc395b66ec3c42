package org.councilflow.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
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

/**
 * Attendance through the API: members with their presence and whom a substitute sat in for, officers, witnesses
 * with their roles, text for text as sent; and what must be refused.
 */
@IntegrationTest
class AttendanceIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    Api api;
    MinutesFixture fixture;
    String meeting;
    String path;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        fixture = new MinutesFixture(api);
        meeting = fixture.barnetMeeting(Instant.parse("2020-01-28T19:30:00Z"));
        path = "/api/t/barnet/meetings/" + meeting + "/attendance";
    }

    @Test
    void theClerkRecordsMembersSubstitutesOfficersAndWitnessesAndReadsThemBackUnchanged() throws IOException {
        JsonNode proposed = api.get("barnet.clerk", path).getBody();
        assertThat(proposed.get("version").asInt()).isZero();
        assertThat(proposed.get("members").findValuesAsText("name")).containsExactly("Cllr David Longstaff", "Cllr Anne Hutton");
        assertThat(proposed.get("members").findValuesAsText("presence")).containsOnly("PRESENT");

        JsonNode attendance = reference();
        ResponseEntity<JsonNode> saved = api.put("barnet.clerk", path, Map.of("attendance", attendance, "version", 0));

        assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode read = api.get("barnet.manager", path).getBody();
        assertThat(read.get("version").asInt()).isEqualTo(1);
        assertThat(read.get("updatedBy").asText()).isEqualTo("barnet.clerk");
        assertThat(read.get("members")).isEqualTo(attendance.get("members"));
        assertThat(read.get("officers")).isEqualTo(attendance.get("officers"));
        assertThat(read.get("others")).isEqualTo(attendance.get("others"));
        assertThat(read.at("/others/0/role").asText()).isEqualTo("Executive Director \u2013 People");
        assertThat(read.at("/members/0/substituteFor").asText()).isEqualTo("Cllr I Hadley");
    }

    @Test
    void aStaleVersionIsRefusedWith409AndNothingIsSaved() throws IOException {
        JsonNode attendance = reference();
        assertThat(api.put("barnet.clerk", path, Map.of("attendance", attendance, "version", 0)).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> stale = api.put("barnet.clerk", path, Map.of("attendance", Map.of("members", List.of(),
                "officers", List.of(), "others", List.of()), "version", 0));

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().get("detail").asText()).contains("version 0, now 1", "barnet.clerk", "nothing was saved");
        assertThat(api.get("barnet.clerk", path).getBody().get("members")).hasSize(4);
    }

    @Test
    void aSubstituteMustNameWhomTheySatInForAndOnlyASubstituteMay() {
        ResponseEntity<JsonNode> missing = api.put("barnet.clerk", path, Map.of("attendance", Map.of(
                "members", List.of(Map.of("name", "Cllr D Stocker", "role", "MEMBER", "presence", "SUBSTITUTE")),
                "officers", List.of(), "others", List.of()), "version", 0));
        ResponseEntity<JsonNode> needless = api.put("barnet.clerk", path, Map.of("attendance", Map.of(
                "members", List.of(Map.of("name", "Cllr D Stocker", "role", "MEMBER", "presence", "PRESENT",
                        "substituteFor", "Cllr I Hadley")),
                "officers", List.of(), "others", List.of()), "version", 0));

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().at("/errors/0/field").asText()).isEqualTo("attendance.members[0].substituteFor");
        assertThat(needless.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(needless.getBody().at("/errors/0/field").asText()).isEqualTo("attendance.members[0].substituteFor");
        assertThat(api.get("barnet.clerk", path).getBody().get("version").asInt()).isZero();
    }

    @Test
    void unknownFieldsMalformedAndOversizedBodiesAre400NamingTheField() {
        ResponseEntity<JsonNode> unknown = api.put("barnet.clerk", path, """
                {"attendance": {"members": [], "officers": [], "others": [], "guests": []}, "version": 0}""");
        ResponseEntity<JsonNode> unknownInMember = api.put("barnet.clerk", path, """
                {"attendance": {"members": [{"name": "Cllr A", "role": "MEMBER", "presence": "PRESENT", "party": "X"}],
                 "officers": [], "others": []}, "version": 0}""");
        ResponseEntity<JsonNode> badPresence = api.put("barnet.clerk", path, """
                {"attendance": {"members": [{"name": "Cllr A", "role": "MEMBER", "presence": "LATE"}],
                 "officers": [], "others": []}, "version": 0}""");
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(Map.of("name", "Officer " + i, "role", "Officer"));
        }
        ResponseEntity<JsonNode> oversized = api.put("barnet.clerk", path, Map.of("attendance", Map.of("members", List.of(),
                "officers", many, "others", List.of()), "version", 0));
        ResponseEntity<JsonNode> longName = api.put("barnet.clerk", path, Map.of("attendance", Map.of("members", List.of(),
                "officers", List.of(Map.of("name", "x".repeat(201))), "others", List.of()), "version", 0));

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().at("/errors/0/field").asText()).isEqualTo("attendance.guests");
        assertThat(unknownInMember.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownInMember.getBody().at("/errors/0/field").asText()).isEqualTo("attendance.members[0].party");
        assertThat(badPresence.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPresence.getBody().at("/errors/0/field").asText()).isEqualTo("attendance.members[0].presence");
        assertThat(oversized.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(oversized.getBody().toString()).contains("officers");
        assertThat(longName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(longName.getBody().toString()).contains("officers[0].name");
        assertThat(api.get("barnet.clerk", path).getBody().get("version").asInt()).isZero();
    }

    @Test
    void rolesThatMayNotAndOtherCouncilsAreRefused() throws IOException {
        Map<String, Object> body = Map.of("attendance", reference(), "version", 0);

        assertThat(api.put("barnet.manager", path, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.put("barnet.tenant-admin", path, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("barnet.member", path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // Tower Hamlets' meeting named under Barnet's path, and Barnet's under Tower Hamlets'
        assertThat(api.put("barnet.clerk", "/api/t/barnet/meetings/" + DemoData.TOWER_HAMLETS_MEETING + "/attendance", body)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.put("tower-hamlets.clerk", "/api/t/tower-hamlets/meetings/" + meeting + "/attendance", body)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.put("barnet.clerk", "/api/t/tower-hamlets/meetings/" + meeting + "/attendance", body)
                .getStatusCode().value()).isIn(403, 404);
        assertThat(api.get("tower-hamlets.clerk", "/api/t/tower-hamlets/meetings/" + DemoData.TOWER_HAMLETS_MEETING
                + "/attendance").getBody().get("version").asInt()).isZero();
        assertThat(api.get("barnet.clerk", path).getBody().get("version").asInt()).isZero();
    }

    static JsonNode reference() throws IOException {
        try (var in = AttendanceIntegrationTests.class.getResourceAsStream("/minutes/council-minutes.json")) {
            JsonNode attendance = new ObjectMapper().readTree(in).get("attendance").deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) attendance).remove("sources");
            return attendance;
        }
    }
}
