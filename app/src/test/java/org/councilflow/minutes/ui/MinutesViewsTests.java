package org.councilflow.minutes.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.devservices.DevServices;
import org.councilflow.minutes.Attendance.Presence;
import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.DevServicesProperties;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

/**
 * The clerk records attendance (with a substitute and a witness) and writes an item's minutes with a resolution and
 * its sub-points in the staff UI, approves them at the next meeting and amends them; what the API then reads is what
 * was typed.
 */
@IntegrationTest
class MinutesViewsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Test
    void theClerkRecordsAttendanceWritesMinutesApprovesAndAmendsThem() {
        Api api = new Api(rest);
        Instant held = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String meeting = meeting(api, held);
        String next = meeting(api, held.plus(14, ChronoUnit.DAYS));
        String item = item(meeting, "REPORT", "5", "Family Services Performance");
        item(next, "PREVIOUS_MINUTES", "2", "Minutes of the previous meeting");

        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate("meetings/" + meeting + "/attendance");
            AttendanceView attendance = _get(AttendanceView.class);
            assertThat(attendance.members).extracting(r -> r.name().getValue()).containsExactly("Cllr David Longstaff", "Cllr Anne Hutton");
            attendance.members.get(1).presence().setValue(Presence.APOLOGIES);
            _click(_get(Button.class, spec -> spec.withId("add-attendance-member")));
            attendance.members.get(2).name().setValue("Cllr D Stocker");
            attendance.members.get(2).presence().setValue(Presence.SUBSTITUTE);
            assertThat(attendance.members.get(2).substituteFor().isVisible()).isTrue();
            attendance.members.get(2).substituteFor().setValue("Cllr Anne Hutton");
            _click(_get(Button.class, spec -> spec.withId("add-guest")));
            attendance.others.get(0).name().setValue("Dawn O\u2019Neill");
            attendance.others.get(0).role().setValue("Executive Director \u2013 People");
            _click(_get(Button.class, spec -> spec.withId("save-attendance")));
            assertThat(texts()).contains("Attendance saved.");

            UI.getCurrent().navigate("meetings/" + meeting + "/minutes");
            MinutesView view = _get(MinutesView.class);
            ItemMinutesEditor editor = view.editors.get(0);
            editor.minutes.setValue("Members asked about:\n\n\u00b7 caseloads\no in the front door\n\u00b7 agency staff");
            editor.preview();
            editor.resolutions.get(0).text().setValue("That the Committee:-");
            editor.resolutions.get(0).points().setValue("notes the report; and\nrequests an update in March.");
            _click(_get(Button.class, spec -> spec.withId("save-5")));
            assertThat(texts()).contains("Minutes saved.");

            view.approvedAt.setValue(view.approvedAt.getListDataView().getItem(0));
            _click(_get(Button.class, spec -> spec.withId("approve")));
            assertThat(texts()).contains("Minutes approved: they are now public.");

            ItemMinutesEditor approved = _get(MinutesView.class).editors.get(0);
            approved.resolutions.get(0).points().setValue("notes the report; and\nrequests an update in April.");
            approved.save();
            _get(MinutesView.class).note.setValue("Month of the update corrected");
            _click(_get(Button.class, spec -> spec.withId("amend")));
            assertThat(texts()).contains("Amendment published.");
        });

        JsonNode attendance = api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/attendance").getBody();
        assertThat(attendance.at("/members/1/presence").asText()).isEqualTo("APOLOGIES");
        assertThat(attendance.at("/members/2/substituteFor").asText()).isEqualTo("Cllr Anne Hutton");
        assertThat(attendance.at("/others/0/role").asText()).isEqualTo("Executive Director \u2013 People");
        JsonNode minutes = api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes").getBody();
        assertThat(minutes.get("status").asText()).isEqualTo("APPROVED");
        assertThat(minutes.get("versions").findValuesAsText("kind")).containsExactly("APPROVED", "AMENDED");
        assertThat(minutes.at("/items/0/resolutions/0/points").toString())
                .isEqualTo("[\"notes the report; and\",\"requests an update in April.\"]");
        assertThat(minutes.at("/items/0/minutes").asText()).contains("\u00b7 caseloads\no in the front door");
        assertThat(rest.getForEntity("/councils/barnet/meetings/" + meeting + "/minutes.json", String.class).getBody())
                .contains("Month of the update corrected", "Dawn O\u2019Neill");
    }

    @Test
    void aStaleSaveIsExplainedAndWhatWasTypedStays() {
        Api api = new Api(rest);
        String meeting = meeting(api, Instant.now().minus(3, ChronoUnit.DAYS));
        String item = item(meeting, "REPORT", "3", "An item");
        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate("meetings/" + meeting + "/minutes");
            ItemMinutesEditor editor = _get(MinutesView.class).editors.get(0);
            assertThat(api.put("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes/items/" + item, Map.of(
                    "minutes", Map.of("minutes", "Someone else's", "resolutions", List.of(), "declarations", List.of()),
                    "version", 0)).getStatusCode().value()).isEqualTo(200);
            editor.minutes.setValue("Mine");
            editor.save();
            assertThat(texts()).anySatisfy(t -> assertThat(t).contains("Someone else saved the minutes of item 3", "barnet.clerk"));
            assertThat(editor.minutes.getValue()).isEqualTo("Mine");
        });
    }

    private static String meeting(Api api, Instant startsAt) {
        return api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of("committeeId", DemoData.BARNET_CES_COMMITTEE,
                "startsAt", startsAt.toString(), "venue", "Hendon Town Hall")).getBody().get("id").asText();
    }

    /** An agenda item outside the cycle, straight into the table (the agenda's API for them is not in this branch). */
    private static String item(String meetingId, String kind, String number, String title) {
        UUID id = UUID.randomUUID();
        try (Connection c = DevServices.postgres().superuserConnection(DevServicesProperties.TEST_DATABASE);
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO app.agenda_item (id, meeting_id, tenant_id, kind, position, number, title)
                        SELECT ?, ?::uuid, 'barnet', ?, coalesce(max(position), 0) + 1, ?, ? FROM app.agenda_item WHERE meeting_id = ?::uuid""")) {
            s.setObject(1, id);
            s.setString(2, meetingId);
            s.setString(3, kind);
            s.setString(4, number);
            s.setString(5, title);
            s.setString(6, meetingId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id.toString();
    }

    private static List<String> texts() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
    }
}
