package org.councilflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each council answers ModernGov's read shape: a client written the way ModernGov's consumers are (element names,
 * dd/mm/yyyy dates, by tag name wherever it is) reads our answers back to the data that was imported, only what is
 * published, with ETag, Last-Modified and 304s; and our answers imported into another council give the same data.
 */
@IntegrationTest
class ModernGovServiceIntegrationTests {

    static final String SOURCE = "https://democracy.example.gov.uk";
    static final List<String> FIXTURES = List.of("GetCommittees.xml", "GetMeetings-144.xml", "GetMeetings-301.xml",
            "GetMeeting-1001.xml", "GetMeeting-1002.xml", "GetMeeting-1003.xml", "GetMeeting-2001.xml");
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    TestRestTemplate rest;

    @Test
    void aModernGovReaderGetsBackWhatWasImportedAndOnlyWhatIsPublished() throws Exception {
        Api api = new Api(rest);
        List<String> fixtures = FIXTURES.stream().map(ModernGovFixtureServer::fixture).toList();
        JsonRun.finished(HistoryRuns.run(api, "barnet.tenant-admin", "barnet", HistoryRuns.xml(SOURCE, fixtures, false)));
        String base = "/councils/barnet/mgWebService.asmx/";

        Map<String, String> committees = new LinkedHashMap<>();
        for (Element c : elements(get(base + "GetCommittees").getBody(), "committee")) {
            committees.put(text(c, "committeetitle"), text(c, "committeeid"));
        }
        assertThat(committees).containsKeys("Children, Education & Safeguarding Committee",
                "Pwyllgor Craffu Plant a Phobl Ifanc / Children & Young People Scrutiny");
        String ces = committees.get("Children, Education & Safeguarding Committee");
        assertThat(ces).matches("\\d+");

        String meetingsXml = get(base + "GetMeetings?lCommitteeId=" + ces + "&sFromDate=01/01/2018&sToDate=31/12/2018")
                .getBody();
        Document meetings = parse(meetingsXml);
        Map<String, String> dates = new LinkedHashMap<>();
        for (Element m : elements(meetings, "meeting")) {
            dates.put(text(m, "meetingdate"), text(m, "meetingid"));
            assertThat(text(m, "meetingid")).matches("\\d+");
        }
        assertThat(dates).as("held meetings; the cancelled one was never published: " + meetingsXml).containsOnlyKeys("06/06/2018", "12/09/2018");
        assertThat(parse(get(base + "GetMeetings?lCommitteeId=" + ces + "&sFromDate=01/07/2018&sToDate=31/12/2018").getBody())
                .getElementsByTagName("meeting").getLength()).isEqualTo(1);

        // the served meeting against the source's, read the same way: the exact instants CouncilFlow writes beside
        // the dates are elements a consumer reading by name passes over
        ResponseEntity<String> answer = get(base + "GetMeeting?lMeetingId=" + dates.get("12/09/2018"));
        Document served = parse(answer.getBody());
        Document source = parse(ModernGovFixtureServer.fixture("GetMeeting-1002.xml"));
        assertThat(readMeeting(served)).isEqualTo(readMeeting(source));
        assertThat(text(served.getDocumentElement(), "agendapublisheddate")).isEqualTo("04/09/2018");
        assertThat(text(served.getDocumentElement(), "agendapublishedat")).as("09:00 in London, summer time")
                .isEqualTo("2018-09-04T08:00:00Z");
        HttpHeaders unchanged = new HttpHeaders();
        unchanged.setIfNoneMatch(answer.getHeaders().getETag());
        assertThat(rest.exchange(base + "GetMeeting?lMeetingId=" + dates.get("12/09/2018"), HttpMethod.GET,
                new HttpEntity<>(unchanged), String.class).getStatusCode().value()).isEqualTo(304);
        Element item = elements(served, "agendaitem").get(0);
        assertThat(Jsoup.parse(text(item, "minutesnonemptyhtmlbody")).text()).contains("Chris Munday",
                "It was unanimously RESOLVED:");
        assertThat(LocalDate.parse(text(item, "decisiondate"), DMY)).isEqualTo(LocalDate.of(2018, 9, 12));
        assertThat(text(item, "decisionpublicationdate")).isEqualTo("02/10/2018");

        Document june = parse(get(base + "GetMeeting?lMeetingId=" + dates.get("06/06/2018")).getBody());
        assertThat(readMeeting(june)).isEqualTo(readMeeting(parse(ModernGovFixtureServer.fixture("GetMeeting-1001.xml"))));
        Element exempt = elements(june, "agendaitem").get(3);
        assertThat(text(exempt, "isrestricted")).isEqualTo("True");
        assertThat(june.getDocumentElement().getTextContent()).doesNotContain("Award of contract", "s7009");

        // another council: nothing of Barnet's
        assertThat(get("/councils/tower-hamlets/mgWebService.asmx/GetCommittees").getBody())
                .doesNotContain("Safeguarding", "Pwyllgor");
        assertThat(get("/councils/tower-hamlets/mgWebService.asmx/GetMeeting?lMeetingId=" + dates.get("06/06/2018"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(get(base + "GetMeeting?lMeetingId=abc").getStatusCode().value()).isEqualTo(404);
        assertThat(get(base + "GetMeetings?sFromDate=2018-01-01").getStatusCode().value()).isEqualTo(400);

        // our answers, saved and imported into another council, give the same data back (a round trip)
        List<String> answers = new ArrayList<>(List.of(get(base + "GetCommittees").getBody()));
        for (String id : committees.values()) {
            answers.add(get(base + "GetMeetings?lCommitteeId=" + id).getBody());
        }
        answers.add(get(base + "GetMeeting?lMeetingId=" + dates.get("12/09/2018")).getBody());
        JsonRun.finished(HistoryRuns.run(api, "tower-hamlets.tenant-admin", "tower-hamlets",
                HistoryRuns.xml("https://councilflow.example/councils/barnet", answers, false)));
        Map<String, String> theirs = new LinkedHashMap<>();
        for (Element c : elements(get("/councils/tower-hamlets/mgWebService.asmx/GetCommittees").getBody(), "committee")) {
            theirs.put(text(c, "committeetitle"), text(c, "committeeid"));
        }
        String theirMeeting = text(elements(get("/councils/tower-hamlets/mgWebService.asmx/GetMeetings?lCommitteeId="
                + theirs.get("Children, Education & Safeguarding Committee")).getBody(), "meeting").get(0), "meetingid");
        assertThat(readMeeting(parse(get("/councils/tower-hamlets/mgWebService.asmx/GetMeeting?lMeetingId=" + theirMeeting)
                .getBody()))).isEqualTo(readMeeting(source));
    }

    @Test
    void answersCarryValidatorsAndAConditionalRequestGets304() {
        Api api = new Api(rest);
        JsonRun.finished(HistoryRuns.run(api, "barnet.tenant-admin", "barnet", HistoryRuns.xml(SOURCE,
                FIXTURES.stream().map(ModernGovFixtureServer::fixture).toList(), false)));
        for (String path : List.of("GetCommittees", "GetMeetings?lCommitteeId=0")) {
            ResponseEntity<String> first = get("/councils/barnet/mgWebService.asmx/" + path);
            assertThat(first.getHeaders().getContentType().toString()).startsWith("text/xml");
            String etag = first.getHeaders().getETag();
            assertThat(etag).isNotBlank();
            assertThat(first.getHeaders().getLastModified()).isPositive();
            assertThat(first.getHeaders().getCacheControl()).contains("public");

            HttpHeaders ifNoneMatch = new HttpHeaders();
            ifNoneMatch.setIfNoneMatch(etag);
            assertThat(rest.exchange("/councils/barnet/mgWebService.asmx/" + path, HttpMethod.GET,
                    new HttpEntity<>(ifNoneMatch), String.class).getStatusCode().value()).isEqualTo(304);
            HttpHeaders ifModified = new HttpHeaders();
            ifModified.setIfModifiedSince(first.getHeaders().getLastModified());
            assertThat(rest.exchange("/councils/barnet/mgWebService.asmx/" + path, HttpMethod.GET,
                    new HttpEntity<>(ifModified), String.class).getStatusCode().value()).isEqualTo(304);
        }
        assertThat(rest.exchange("/councils/barnet/mgWebService.asmx/GetCommittees", HttpMethod.POST, null, String.class)
                .getStatusCode().value()).as("read only").isIn(403, 405);
    }

    /** What a ModernGov reader takes from a GetMeeting answer, by element name, dates as dd/mm/yyyy. */
    static List<String> readMeeting(Document meeting) {
        Element m = elements(meeting, "meeting").get(0);
        List<String> data = new ArrayList<>();
        data.add(LocalDate.parse(text(m, "meetingdate"), DMY) + " " + text(m, "meetingtime").replace("7.00 pm", "19:00")
                + " " + text(m, "meetinglocation"));
        for (Element item : elements(meeting, "agendaitem")) {
            if (text(item, "isrestricted").equals("True")) {
                // an exempt item is listed, and nothing of it is read (its number included)
                data.add("restricted");
                continue;
            }
            StringBuilder line = new StringBuilder(text(item, "agendaitemnumber"));
            line.append(" | ").append(Jsoup.parse(text(item, "agendaitemtitle")).text());
            line.append(" | minutes=").append(!Jsoup.parse(text(item, "minutesnonemptyhtmlbody")).text()
                    .replace('\u00a0', ' ').isBlank());
            line.append(" | resolutions=").append(Jsoup.parse(text(item, "decisionnonemptyhtmlbody")).select("li").eachText());
            if (!text(item, "decisiondate").isEmpty()) {
                line.append(" | decided=").append(LocalDate.parse(text(item, "decisiondate"), DMY));
            }
            java.util.Set<String> urls = new java.util.LinkedHashSet<>();
            for (Element doc : elements(item, "linkeddoc")) {
                if (!text(doc, "isrestricted").equals("True") && urls.add(text(doc, "url"))) {
                    line.append(" | ").append(text(doc, "title")).append(" <").append(text(doc, "url")).append(">");
                }
            }
            data.add(line.toString());
        }
        return data;
    }

    private ResponseEntity<String> get(String path) {
        return rest.getForEntity(path, String.class);
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Element> elements(String xml, String name) {
        return elements(parse(xml), name);
    }

    static List<Element> elements(Object node, String name) {
        NodeList list = node instanceof Document d ? d.getElementsByTagName(name) : ((Element) node).getElementsByTagName(name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    static String text(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().strip();
    }

    /** A run that must have finished without failures. */
    static final class JsonRun {
        static void finished(com.fasterxml.jackson.databind.JsonNode run) {
            assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("FINISHED");
            assertThat(run.get("counts").get("fail").asInt()).as(run.toString()).isZero();
        }
    }
}
