package org.councilflow.history.moderngov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.councilflow.history.History;
import org.junit.jupiter.api.Test;

/** The ModernGov fixtures read as the service's public clients read them, and hostile XML refused. */
class ModernGovXmlTests {

    private static final long MAX = 16 * 1024 * 1024;

    static byte[] fixture(String name) {
        try (InputStream in = ModernGovXmlTests.class.getResourceAsStream("/moderngov/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static XmlTree tree(String name) {
        return XmlTree.parse(fixture(name), MAX);
    }

    @Test
    void committeesWithTheirTitlesEntitiesDecoded() {
        List<History.Committee> committees = ModernGovXml.committees(tree("GetCommittees.xml"));

        assertThat(committees).extracting(History.Committee::sourceId).containsExactly("144", "301");
        assertThat(committees.get(0).name()).isEqualTo("Children, Education & Safeguarding Committee");
        assertThat(committees.get(1).name()).isEqualTo("Pwyllgor Craffu Plant a Phobl Ifanc / Children & Young People Scrutiny");
    }

    @Test
    void meetingListsGiveIdsDatesAndTheirCommittee() {
        List<ModernGovXml.MeetingStub> stubs = ModernGovXml.meetings(tree("GetMeetings-144.xml"));

        assertThat(stubs).extracting(ModernGovXml.MeetingStub::meetingId).containsExactly("1001", "1002", "1003", "999");
        assertThat(stubs.get(0).date()).isEqualTo(LocalDate.of(2018, 6, 6));
        assertThat(stubs.get(2).status()).isEqualTo("Cancelled");
        assertThat(stubs).extracting(ModernGovXml.MeetingStub::committeeId).containsOnly("144");
    }

    @Test
    void aMeetingWithItemsMinutesDecisionsAndDocuments() {
        History.Meeting meeting = ModernGovXml.meeting(tree("GetMeeting-1001.xml"), null);

        assertThat(meeting.sourceId()).isEqualTo("1001");
        assertThat(meeting.committeeSourceId()).isEqualTo("144");
        assertThat(meeting.date()).isEqualTo(LocalDate.of(2018, 6, 6));
        assertThat(meeting.time()).isEqualTo(LocalTime.of(19, 0));
        assertThat(meeting.status()).isEqualTo(History.Status.HELD);
        assertThat(meeting.location()).startsWith("Hendon Town Hall");
        assertThat(meeting.attendees()).extracting(History.Attendee::name, History.Attendee::attendance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Councillor David Longstaff", "Present"),
                        org.assertj.core.groups.Tuple.tuple("Councillor Anne Hutton", "Apologies"));
        assertThat(meeting.items()).extracting(History.Item::number).containsExactly("1", "2", "7", "12");

        History.Item minutesOnly = meeting.items().get(0);
        assertThat(minutesOnly.minutesHtml()).isEqualTo("<p>RESOLVED that the minutes of the meeting held on 7 March 2018"
                + " be agreed as a correct record.</p>");
        assertThat(minutesOnly.decisionHtml()).isNull();

        History.Item withoutMinutes = meeting.items().get(1);
        assertThat(withoutMinutes.title()).isEqualTo("Declarations of Members' Disclosable Pecuniary Interests and"
                + " Non-Pecuniary Interests");
        assertThat(withoutMinutes.minutesHtml()).isNull();
        assertThat(withoutMinutes.documents()).isEmpty();

        History.Item report = meeting.items().get(2);
        assertThat(report.description()).contains("progress & the third monitoring visit");
        // the report is linked twice at the source: kept once
        assertThat(report.documents()).extracting(History.Document::title).containsExactly(
                "Update report on progress of Barnet Children's Services Improvement Action Plan",
                "Appendix 1: Ofsted Monitoring visit letter", "Appendix 2: Family Services Performance Report");
        assertThat(report.documents().get(0).publishedOn()).isEqualTo(LocalDate.of(2018, 5, 29));

        History.Item exempt = meeting.items().get(3);
        assertThat(exempt.restricted()).isTrue();
        assertThat(exempt.documents().get(0).restricted()).isTrue();
    }

    @Test
    void aDecisionWithItsDatesAMeetingAtATwelveHourClock() {
        History.Meeting meeting = ModernGovXml.meeting(tree("GetMeeting-1002.xml"), null);

        assertThat(meeting.time()).isEqualTo(LocalTime.of(19, 0));
        assertThat(meeting.agendaPublishedOn()).isEqualTo(LocalDate.of(2018, 9, 4));
        History.Item item = meeting.items().get(0);
        assertThat(item.decisionStatus()).isEqualTo("Recommendations Approved");
        assertThat(item.decidedOn()).isEqualTo(LocalDate.of(2018, 9, 12));
        assertThat(item.decisionPublishedOn()).isEqualTo(LocalDate.of(2018, 10, 2));
        assertThat(item.callInEndsOn()).isNull();
        assertThat(item.decisionHtml()).startsWith("<p>RESOLVED:</p><ol><li>That the Committee note the progress");
        assertThat(item.minutesHtml()).contains("<p>&nbsp;</p>", "Chris Munday");
    }

    @Test
    void aCancelledMeetingAndAMeetingWithoutATimeInWelsh() {
        assertThat(ModernGovXml.meeting(tree("GetMeeting-1003.xml"), null).status()).isEqualTo(History.Status.CANCELLED);

        History.Meeting welsh = ModernGovXml.meeting(tree("GetMeeting-2001.xml"), null);
        assertThat(welsh.time()).isNull();
        assertThat(welsh.location()).isEqualTo("Siambr y Cyngor / Council Chamber");
        History.Item item = welsh.items().get(0);
        assertThat(item.title()).isEqualTo("Adroddiad Blynyddol: Gwasanaethau Plant – Annual report: Children's services");
        assertThat(item.description()).isEqualTo("Mae’r adroddiad yn disgrifio’r cynnydd. Ŵyr ac ŷd; “dyfynodau” & acenion: é, â, ô.");
    }

    @Test
    void aSoapEnvelopeIsReadLikeThePlainAnswer() {
        String plain = new String(fixture("GetCommittees.xml"), StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*>", "");
        String soap = "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><GetCommitteesResponse xmlns=\"http://moderngov.co.uk/namespaces\"><GetCommitteesResult>"
                + plain + "</GetCommitteesResult></GetCommitteesResponse></soap:Body></soap:Envelope>";

        assertThat(ModernGovXml.committees(XmlTree.parse(soap.getBytes(StandardCharsets.UTF_8), MAX)))
                .extracting(History.Committee::sourceId).containsExactly("144", "301");
    }

    @Test
    void externalEntitiesAreNeverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE committees [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<committees><committee><committeeid>1</committeeid><committeetitle>&secret;</committeetitle></committee></committees>";

        assertThatThrownBy(() -> XmlTree.parse(xxe.getBytes(StandardCharsets.UTF_8), MAX))
                .isInstanceOf(ModernGovFormatException.class).hasMessageNotContaining("root:");
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]><committees><committee><committeetitle>&lol9;</committeetitle></committee></committees>");

        assertThatThrownBy(() -> XmlTree.parse(laughs.toString().getBytes(StandardCharsets.UTF_8), MAX))
                .isInstanceOf(ModernGovFormatException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void anUndeclaredEntityIsRefused() {
        assertThatThrownBy(() -> XmlTree.parse("<a>&nbsp;</a>".getBytes(StandardCharsets.UTF_8), MAX))
                .isInstanceOf(ModernGovFormatException.class);
    }

    @Test
    void oversizedDeepOrMalformedInputIsRefused() {
        byte[] big = ("<committees>" + "<committee/>".repeat(1000) + "</committees>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> XmlTree.parse(big, 1000)).isInstanceOf(ModernGovFormatException.class)
                .hasMessageContaining("at most 1000");
        byte[] deep = ("<a>".repeat(100) + "</a>".repeat(100)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> XmlTree.parse(deep, MAX)).hasMessageContaining("nests deeper");
        assertThatThrownBy(() -> XmlTree.parse("<a><b></a>".getBytes(StandardCharsets.UTF_8), MAX))
                .isInstanceOf(ModernGovFormatException.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> XmlTree.parse(new byte[0], MAX)).isInstanceOf(ModernGovFormatException.class);
    }

    @Test
    void aBadDateNamesItsElementAndAMissingIdIsRefused() {
        String bad = new String(fixture("GetMeeting-1001.xml"), StandardCharsets.UTF_8).replace("06/06/2018", "2018-06-06");
        assertThatThrownBy(() -> ModernGovXml.meeting(XmlTree.parse(bad.getBytes(StandardCharsets.UTF_8), MAX), null))
                .hasMessageContaining("<meetingdate>").hasMessageContaining("dd/mm/yyyy");
        String impossible = bad.replace("2018-06-06", "31/02/2018");
        assertThatThrownBy(() -> ModernGovXml.meeting(XmlTree.parse(impossible.getBytes(StandardCharsets.UTF_8), MAX), null))
                .hasMessageContaining("not a real date");
        String noId = new String(fixture("GetMeeting-1001.xml"), StandardCharsets.UTF_8)
                .replace("<meetingid>1001</meetingid>", "");
        assertThatThrownBy(() -> ModernGovXml.meeting(XmlTree.parse(noId.getBytes(StandardCharsets.UTF_8), MAX), null))
                .hasMessageContaining("<meetingid>");
    }

    @Test
    void aModernGovAnswerWithoutInstantsHasNoneAndTheirDatesAreRead() {
        History.Meeting meeting = ModernGovXml.meeting(tree("GetMeeting-1001.xml"), null);
        assertThat(meeting.agendaPublishedAt()).isNull();
        assertThat(meeting.items()).allSatisfy(item -> {
            assertThat(item.decisionPublishedAt()).isNull();
            assertThat(item.callInEndsAt()).isNull();
        });
    }

    @Test
    void anInstantWithAnOffsetIsReadExactly() {
        assertThat(ModernGovDates.instant("2026-11-20T14:37:12Z", "agendapublishedat"))
                .isEqualTo(java.time.Instant.parse("2026-11-20T14:37:12Z"));
        assertThat(ModernGovDates.instant(" 2026-07-20T14:37:12.25+01:00 ", "agendapublishedat"))
                .isEqualTo(java.time.Instant.parse("2026-07-20T13:37:12.25Z"));
        assertThat(ModernGovDates.instant(null, "agendapublishedat")).isNull();
    }

    @Test
    void aMalformedOrFarAwayInstantIsRefusedNamingItsElement() {
        for (String garbage : List.of("yesterday", "20/11/2026", "2026-11-20T14:37:12", "2026-02-30T10:00:00Z",
                "2026-11-20T24:00:00Z", "2026-11-20T14:37:12Z<b>", "1e9", "2026-11-20T14:37:12+25:00")) {
            assertThatThrownBy(() -> ModernGovDates.instant(garbage, "callinendsat")).as(garbage)
                    .isInstanceOf(ModernGovFormatException.class).hasMessageContaining("<callinendsat>")
                    .hasMessageContaining("ISO-8601");
        }
        for (String far : List.of("1899-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "0000-01-01T00:00:00Z")) {
            assertThatThrownBy(() -> ModernGovDates.instant(far, "decisionpublishedat")).as(far)
                    .isInstanceOf(ModernGovFormatException.class).hasMessageContaining("<decisionpublishedat>");
        }
        assertThat(ModernGovDates.instant("1900-01-01T00:00:00Z", "x")).isNotNull();
        assertThat(ModernGovDates.instant("2199-12-31T22:59:59Z", "x")).isNotNull();

        String hostile = new String(fixture("GetMeeting-1001.xml"), StandardCharsets.UTF_8).replace("</meetingdate>",
                "</meetingdate><agendapublishedat>9999-01-01T00:00:00Z</agendapublishedat>");
        assertThatThrownBy(() -> ModernGovXml.meeting(XmlTree.parse(hostile.getBytes(StandardCharsets.UTF_8), MAX), null))
                .isInstanceOf(ModernGovFormatException.class).hasMessageContaining("<agendapublishedat>")
                .hasMessageContaining("1900 to 2199");
    }

    @Test
    void timesAsCouncilsWriteThem() {
        assertThat(ModernGovDates.time("10:00")).isEqualTo(LocalTime.of(10, 0));
        assertThat(ModernGovDates.time("7.30 pm")).isEqualTo(LocalTime.of(19, 30));
        assertThat(ModernGovDates.time("12.00 am")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(ModernGovDates.time("TBC")).isNull();
        assertThat(ModernGovDates.time("Rising of Cabinet")).isNull();
        assertThat(ModernGovDates.time("25:00")).isNull();
    }

    @Test
    void aSiteOnThisMachinesOwnNetworkIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> new ModernGovClient("http://127.0.0.1:8081", Duration.ofSeconds(1), Duration.ofSeconds(1),
                MAX, 10, false)).hasMessageContaining("private network");
        assertThatThrownBy(() -> new ModernGovClient("http://169.254.169.254/latest", Duration.ofSeconds(1),
                Duration.ofSeconds(1), MAX, 10, false)).hasMessageContaining("private network");
        assertThatThrownBy(() -> new ModernGovClient("file:///etc/passwd", Duration.ofSeconds(1), Duration.ofSeconds(1),
                MAX, 10, true)).hasMessageContaining("http or https");
        assertThatThrownBy(() -> new ModernGovClient("https://user:pw@example.org", Duration.ofSeconds(1),
                Duration.ofSeconds(1), MAX, 10, true)).hasMessageContaining("http or https");
    }
}
