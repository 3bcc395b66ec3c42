package org.councilflow.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.DevServicesProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Meetings and agenda items for the minutes tests, and the calls the clerk makes. */
class MinutesFixture {

    final Api api;

    MinutesFixture(Api api) {
        this.api = api;
    }

    String meeting(String council, String committeeId, Instant startsAt) {
        ResponseEntity<JsonNode> meeting = api.post(council + ".clerk", "/api/t/" + council + "/meetings", Map.of(
                "committeeId", committeeId, "startsAt", startsAt.toString(), "venue", "Hendon Town Hall"));
        assertThat(meeting.getStatusCode()).as(String.valueOf(meeting.getBody())).isEqualTo(HttpStatus.CREATED);
        return meeting.getBody().get("id").asText();
    }

    String barnetMeeting(Instant startsAt) {
        return meeting("barnet", DemoData.BARNET_CES_COMMITTEE, startsAt);
    }

    /**
     * An agenda item of a kind outside the cycle (apologies, minutes of the previous meeting, another report), put
     * straight into the table as the agenda's API for such items is not part of this branch: the minutes only read it.
     */
    static String item(String council, String meetingId, String kind, String number, String title, Integer exemptParagraph) {
        UUID id = UUID.randomUUID();
        try (Connection c = DevServices.postgres().superuserConnection(DevServicesProperties.TEST_DATABASE);
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO app.agenda_item (id, meeting_id, tenant_id, kind, position, number, title, exempt_paragraph)
                        SELECT ?, ?::uuid, ?, ?, coalesce(max(position), 0) + 1, ?, ?, ? FROM app.agenda_item WHERE meeting_id = ?::uuid""")) {
            s.setObject(1, id);
            s.setString(2, meetingId);
            s.setString(3, council);
            s.setString(4, kind);
            s.setString(5, number);
            s.setString(6, title);
            s.setObject(7, exemptParagraph);
            s.setString(8, meetingId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id.toString();
    }

    ResponseEntity<JsonNode> saveItem(String user, String council, String meetingId, String itemId, Object minutes, int version) {
        return api.put(user, "/api/t/" + council + "/meetings/" + meetingId + "/minutes/items/" + itemId,
                Map.of("minutes", minutes, "version", version));
    }

    ResponseEntity<JsonNode> approve(String council, String meetingId, String atItemId, int version) {
        return api.post(council + ".clerk", "/api/t/" + council + "/meetings/" + meetingId + "/minutes/approval",
                Map.of("approvedAtItemId", atItemId, "version", version));
    }
}
