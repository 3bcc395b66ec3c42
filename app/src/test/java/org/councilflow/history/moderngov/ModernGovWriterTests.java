package org.councilflow.history.moderngov;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.councilflow.history.History;
import org.councilflow.publication.PublishedMeetings;
import org.junit.jupiter.api.Test;

/** What CouncilFlow writes in ModernGov's shape reads back to the same history (a council read by another). */
class ModernGovWriterTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aDecisionWithoutResolutionsLineBreaksAndADeferralSurviveTheRoundTrip() {
        Instant nine = LocalDate.of(2019, 2, 15).atTime(9, 0).atZone(LONDON).toInstant();
        PublishedMeetings.Decision noted = new PublishedMeetings.Decision("NOTED", false, List.of(), null,
                LocalDate.of(2019, 2, 13), nine, null);
        PublishedMeetings.Decision deferred = new PublishedMeetings.Decision("DEFERRED", true,
                List.of("That these be appointed:\nCllr A Smith\nCllr B Jones"), "First line\nsecond line\n\n- a point",
                LocalDate.of(2019, 2, 13), nine, LocalDate.of(2019, 2, 22).atTime(LocalTime.MAX).atZone(LONDON).toInstant());
        PublishedMeetings.Meeting meeting = new PublishedMeetings.Meeting(UUID.randomUUID(), UUID.randomUUID(),
                "Policy & Resources Committee", LocalDate.of(2019, 2, 13).atTime(18, 30).atZone(LONDON).toInstant(),
                "Hendon Town Hall", LocalDate.of(2019, 2, 5).atTime(9, 0).atZone(LONDON).toInstant(), nine, List.of(
                        new PublishedMeetings.Item(UUID.randomUUID(), 1, "4a", "Noted item", "The report:\n\n- one\n- two",
                                false, noted, List.of()),
                        new PublishedMeetings.Item(UUID.randomUUID(), 2, "5", "Deferred item", null, false, deferred,
                                List.of(new PublishedMeetings.Document("Report", "https://example.org/r%20(1).pdf")))));

        String xml = ModernGovWriter.meeting(meeting, LONDON);
        History.Meeting read = ModernGovXml.meeting(XmlTree.parse(xml.getBytes(StandardCharsets.UTF_8), 1 << 20), null);

        assertThat(read.date()).isEqualTo(LocalDate.of(2019, 2, 13));
        assertThat(read.time()).isEqualTo(LocalTime.of(18, 30));
        assertThat(read.agendaPublishedOn()).isEqualTo(LocalDate.of(2019, 2, 5));
        History.Item first = read.items().get(0);
        assertThat(first.number()).isEqualTo("4a");
        assertThat(first.description()).isEqualTo("The report:\n\n- one\n- two");
        assertThat(first.decisionHtml()).as("a decision without resolutions is still a decision").isEmpty();
        assertThat(first.decisionStatus()).isEqualTo("Noted");
        assertThat(first.decisionPublishedOn()).isEqualTo(LocalDate.of(2019, 2, 15));
        History.Item second = read.items().get(1);
        assertThat(second.decisionStatus()).isEqualTo("Deferred");
        assertThat(second.keyDecision()).isTrue();
        assertThat(second.callInEndsOn()).isEqualTo(LocalDate.of(2019, 2, 22));
        assertThat(second.decisionHtml()).contains("<br>");
        assertThat(second.minutesHtml()).contains("<br>");
        assertThat(second.documents()).extracting(History.Document::url).containsExactly("https://example.org/r%20(1).pdf");
    }

    @Test
    void theExactInstantsAreWrittenBesideTheDatesAndReadBackToTheMicrosecond() {
        Instant agenda = Instant.parse("2026-11-20T14:37:12.345678Z");
        Instant published = Instant.parse("2026-12-02T16:05:41.5Z");
        Instant callIn = Instant.parse("2026-12-09T17:00:00Z");
        PublishedMeetings.Decision decided = new PublishedMeetings.Decision("RECOMMENDATIONS_APPROVED", true,
                List.of("That the report be approved."), null, LocalDate.of(2026, 12, 1), published, callIn);
        PublishedMeetings.Decision noted = new PublishedMeetings.Decision("NOTED", false, List.of(), "Noted.",
                LocalDate.of(2026, 12, 1), published.plusSeconds(7), null);
        PublishedMeetings.Meeting meeting = new PublishedMeetings.Meeting(UUID.randomUUID(), UUID.randomUUID(), "Cabinet",
                Instant.parse("2026-12-01T19:00:00Z"), "Town Hall", agenda, published, List.of(
                        new PublishedMeetings.Item(UUID.randomUUID(), 1, "1", "Budget", null, false, decided, List.of()),
                        new PublishedMeetings.Item(UUID.randomUUID(), 2, "2", "Update", null, false, noted, List.of())));

        String xml = ModernGovWriter.meeting(meeting, LONDON);
        History.Meeting read = ModernGovXml.meeting(XmlTree.parse(xml.getBytes(StandardCharsets.UTF_8), 1 << 20), null);

        assertThat(xml).contains("<agendapublisheddate>20/11/2026</agendapublisheddate>"
                + "<agendapublishedat>2026-11-20T14:37:12.345678Z</agendapublishedat>");
        assertThat(xml).contains("<callinenddate>09/12/2026</callinenddate>"
                + "<decisionpublishedat>2026-12-02T16:05:41.500Z</decisionpublishedat>"
                + "<callinendsat>2026-12-09T17:00:00Z</callinendsat>");
        assertThat(read.agendaPublishedOn()).as("ModernGov's date is still there").isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(read.agendaPublishedAt()).isEqualTo(agenda);
        assertThat(read.items().get(0).decisionPublishedAt()).isEqualTo(published);
        assertThat(read.items().get(0).callInEndsAt()).isEqualTo(callIn);
        assertThat(read.items().get(1).decisionPublishedAt()).as("minutes noted keep their instant too")
                .isEqualTo(published.plusSeconds(7));
        assertThat(read.items().get(1).callInEndsAt()).isNull();
    }

    @Test
    void anItemWithoutDecisionOrMinutesHasNone() {
        PublishedMeetings.Meeting meeting = new PublishedMeetings.Meeting(UUID.randomUUID(), UUID.randomUUID(), "Cabinet",
                Instant.parse("2019-02-13T18:30:00Z"), "Town Hall", Instant.parse("2019-02-05T09:00:00Z"),
                Instant.parse("2019-02-05T09:00:00Z"), List.of(new PublishedMeetings.Item(UUID.randomUUID(), 1, "1",
                        "Apologies for absence", null, false, null, List.of())));

        History.Item item = ModernGovXml.meeting(XmlTree.parse(ModernGovWriter.meeting(meeting, LONDON)
                .getBytes(StandardCharsets.UTF_8), 1 << 20), null).items().get(0);

        assertThat(item.decisionHtml()).isNull();
        assertThat(item.minutesHtml()).isNull();
        assertThat(item.description()).isNull();
    }
}
