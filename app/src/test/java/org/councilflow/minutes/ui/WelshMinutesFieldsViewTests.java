package org.councilflow.minutes.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.councilflow.minutes.Declaration;
import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

/**
 * The clerk gives an officer's post, a witness's role and a declaration's nature in Welsh beside the English in the
 * staff UI (ADR 0017); the API reads them back as typed, and a Welsh field left empty is no Welsh at all.
 */
@IntegrationTest
class WelshMinutesFieldsViewTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Test
    void theClerkGivesPostsRolesAndTheNatureOfADeclarationInWelsh() {
        Api api = new Api(rest);
        String meeting = api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of("committeeId", DemoData.BARNET_CES_COMMITTEE,
                "startsAt", Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(),
                "venue", "Hendon Town Hall")).getBody().get("id").asText();
        Map<String, Object> item = new HashMap<>(Map.of("kind", "REPORT", "number", "5", "title", "Family Services Performance",
                "version", api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting).getBody().get("version").asInt()));
        String itemId = api.post("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/agenda/items", item).getBody()
                .at("/agenda/0/id").asText();

        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate("meetings/" + meeting + "/attendance");
            AttendanceView attendance = _get(AttendanceView.class);
            _click(_get(Button.class, spec -> spec.withId("add-officer")));
            attendance.officers.get(0).name().setValue("Chris Munday");
            attendance.officers.get(0).role().setValue("Strategic Director for Children and Young People");
            attendance.officers.get(0).roleCy().setValue("Cyfarwyddwr Strategol Plant a Phobl Ifanc");
            _click(_get(Button.class, spec -> spec.withId("add-guest")));
            attendance.others.get(0).name().setValue("Dawn O\u2019Neill");
            attendance.others.get(0).role().setValue("Executive Director \u2013 People");
            attendance.others.get(0).roleCy().setValue("   ");
            _click(_get(Button.class, spec -> spec.withId("save-attendance")));

            UI.getCurrent().navigate("meetings/" + meeting + "/minutes");
            ItemMinutesEditor editor = _get(MinutesView.class).editors.get(0);
            _click(_find(Button.class).stream().filter(b -> b.getId().orElse("").startsWith("add-declaration-"))
                    .findFirst().orElseThrow());
            editor.declarations.get(0).member().setValue("Cllr D Stocker");
            editor.declarations.get(0).kind().setValue(Declaration.Kind.OTHER_REGISTRABLE);
            editor.declarations.get(0).nature().setValue("Governor of a school named in the report");
            editor.declarations.get(0).natureCy().setValue("Llywodraethwr ysgol a enwir yn yr adroddiad");
            editor.save();
        });

        JsonNode recorded = api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/attendance").getBody();
        assertThat(recorded.at("/officers/0/roleCy").asText()).isEqualTo("Cyfarwyddwr Strategol Plant a Phobl Ifanc");
        assertThat(recorded.at("/others/0/role").asText()).isEqualTo("Executive Director \u2013 People");
        assertThat(recorded.at("/others/0/roleCy").isMissingNode()).as("no Welsh: none sent back").isTrue();
        JsonNode minutes = api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes/items/" + itemId).getBody();
        assertThat(minutes.at("/declarations/0/nature").asText()).isEqualTo("Governor of a school named in the report");
        assertThat(minutes.at("/declarations/0/natureCy").asText()).isEqualTo("Llywodraethwr ysgol a enwir yn yr adroddiad");
    }
}
