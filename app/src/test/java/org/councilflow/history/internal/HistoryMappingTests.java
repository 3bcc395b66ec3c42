package org.councilflow.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.councilflow.history.History;
import org.junit.jupiter.api.Test;

/** Resolutions and minutes read from HTML as the public pages show them, line breaks kept. */
class HistoryMappingTests {

    @Test
    void aLineBreakInAResolutionOrMinutesIsKeptAndLayoutWhitespaceIsNot() {
        assertThat(HistoryMapping.resolutions("<ol><li>That these be appointed:<br>Cllr A Smith<br/>\n  Cllr B Jones</li>"
                + "<li>That the\n      report be   noted.</li></ol>"))
                .containsExactly("That these be appointed:\nCllr A Smith\nCllr B Jones", "That the report be noted.");
        assertThat(HistoryMapping.minutes("<div><p>First line<br>second line</p><p>- a point</p></div>"))
                .isEqualTo("First line\nsecond line\n\n- a point");
        assertThat(HistoryMapping.resolutions("<p><br>To note the report.<br></p>")).containsExactly("To note the report.");
    }

    @Test
    void anExactInstantWinsOverItsDayAndADayAloneIsTakenAtNine() {
        ZoneId london = ZoneId.of("Europe/London");
        Instant exact = Instant.parse("2019-02-05T14:37:12.345678Z");
        History.Meeting dated = new History.Meeting("m", "c", LocalDate.of(2019, 2, 13), null, null,
                History.Status.HELD, LocalDate.of(2019, 2, 5), List.of(), List.of(), null);
        History.Meeting exactly = new History.Meeting("m", "c", LocalDate.of(2019, 2, 13), null, null,
                History.Status.HELD, LocalDate.of(2019, 2, 5), List.of(), List.of(), exact);
        assertThat(HistoryMapping.agendaPublishedAt(dated, london)).isEqualTo(Instant.parse("2019-02-05T09:00:00Z"));
        assertThat(HistoryMapping.agendaPublishedAt(exactly, london)).isEqualTo(exact);
    }

    @Test
    void statusesAsModernGovWritesThem() {
        assertThat(HistoryMapping.status("Deferred")).isEqualTo("DEFERRED");
        assertThat(HistoryMapping.status("Recommendations Approved")).isEqualTo("RECOMMENDATIONS_APPROVED");
        assertThat(HistoryMapping.status("Approved as amended")).isEqualTo("APPROVED_AS_AMENDED");
        assertThat(HistoryMapping.status("Not approved")).isEqualTo("NOT_APPROVED");
        assertThat(HistoryMapping.status("Noted")).isEqualTo("NOTED");
    }
}
