package org.councilflow.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilflow.support.ReferenceDecision.normalise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.publication.PublishedMeetings;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.ReferenceDecision;
import org.councilflow.tenancy.TenantContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A council's history imported from a ModernGov site (served on loopback from the fixtures): a dry run that changes
 * nothing, then the import with every original date, shown on the public site, in search, feeds and open data as the
 * reference decision page shows it; a re-run that duplicates nothing and updates what changed; failures listed while
 * the run goes on; the council's settings untouched.
 */
@IntegrationTest
class HistoryImportIntegrationTests {

    static final String ADMIN = "barnet.tenant-admin";
    static final String DECISION_TITLE = "UPDATE REPORT ON THE PROGRESS OF BARNET CHILDREN'S SERVICES IMPROVEMENT ACTION"
            + " PLAN AND OTHER CES COMMITTEE PRIORITIES, INCLUDING QUARTERLY PERFORMANCE REPORT UPDATES FOR Q1 2018-19";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    PublishedMeetings published;

    Api api;
    ModernGovFixtureServer site;

    @BeforeEach
    void setUp() throws IOException {
        api = new Api(rest);
        site = new ModernGovFixtureServer();
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    @Test
    void aDryRunChangesNothingThenTheImportKeepsEveryOriginalDate() throws IOException {
        JsonNode settings = api.get(ADMIN, "/api/t/barnet").getBody();
        int committees = api.get(ADMIN, "/api/t/barnet/committees").getBody().size();

        JsonNode dry = HistoryRuns.run(api, ADMIN, "barnet", HistoryRuns.site(site.baseUrl(), true));

        assertThat(dry.get("state").asText()).isEqualTo("FINISHED");
        assertThat(dry.get("percent").asInt()).isEqualTo(100);
        assertThat(HistoryRuns.outcomes(dry)).contains("COMMITTEE 144 CREATE", "MEETING 1001 CREATE", "ITEM 5003 CREATE",
                "ITEM 5004 SKIP", "MEETING 1002 CREATE", "MEETING 1003 SKIP", "MEETING 2001 CREATE")
                .noneMatch(o -> o.startsWith("MEETING 999 "));
        assertThat(HistoryRuns.reason(dry, "MEETING", "1003")).contains("cancelled at the source");
        assertThat(HistoryRuns.reason(dry, "ITEM", "5004")).contains("exempt");
        assertThat(dry.get("counts").get("fail").asInt()).isZero();
        assertThat(api.get(ADMIN, "/api/t/barnet/committees").getBody().size()).isEqualTo(committees);
        assertThat(rest.getForObject("/councils/barnet/search?q=Munday", String.class)).contains("0 results for");

        JsonNode run = HistoryRuns.run(api, ADMIN, "barnet", HistoryRuns.site(site.baseUrl(), false));

        assertThat(run.get("state").asText()).isEqualTo("FINISHED");
        assertThat(run.get("startedBy").asText()).isEqualTo(ADMIN);
        assertThat(run.get("counts").get("fail").asInt()).isZero();
        assertThat(api.get(ADMIN, "/api/t/barnet").getBody()).as("the council's settings").isEqualTo(settings);

        // the decision of 12 September 2018, published 2 October 2018, as the council's own page shows it
        Document list = Jsoup.parse(rest.getForObject("/councils/barnet/decisions", String.class));
        Element link = list.select("main table a").stream().filter(a -> a.text().equals(DECISION_TITLE)).findFirst()
                .orElseThrow();
        Document decision = Jsoup.parse(rest.getForObject(link.attr("href"), String.class));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element dt : decision.select("main dl.fields dt")) {
            fields.put(dt.text(), dt.nextElementSibling().text());
        }
        ReferenceDecision reference = ReferenceDecision.read();
        assertThat(decision.selectFirst("h1").ownText()).isEqualToIgnoringCase(reference.title());
        assertThat(reference.fields()).hasSize(7);
        reference.fields().forEach((label, value) -> assertThat(fields.get(label)).as(label).isEqualTo(value));
        assertThat(normalise(decision.selectFirst("#minutes").text())).isEqualTo(normalise(reference.minutes()));
        assertThat(decision.select("#resolutions > li").stream().map(li -> li.ownText().strip()).toList()).isEqualTo(reference.resolutions());

        // the meeting of 6 June 2018: its agenda published on 29 May 2018, the exempt item listed without its text
        String source = site.baseUrl();
        String june = HistoryRuns.id("barnet", source, "meeting", "1001");
        String meeting = rest.getForObject("/councils/barnet/meetings/" + june, String.class);
        assertThat(meeting).contains("6 June 2018", "29 May 2018", "Update report on progress of Barnet Children's Services").doesNotContain("Award of contract", "Exempt contract report");
        String report = rest.getForObject("/councils/barnet/reports/" + HistoryRuns.id("barnet", source, "item", "5003"),
                String.class);
        assertThat(report).contains("Published <time", "29 May 2018", "https://democracy.example.gov.uk/documents/s7002/Appendix%201.pdf")
                .containsOnlyOnce("https://democracy.example.gov.uk/documents/s7001/Update%20report.pdf\"");

        // search, feeds and open data: the original dates, marked as imported
        String search = rest.getForObject("/councils/barnet/search?q=Munday", String.class);
        assertThat(search).contains("published 2 October 2018");
        String atom = rest.getForObject("/councils/barnet/decisions.atom", String.class);
        assertThat(atom).contains("<published>2018-10-02T08:00:00Z</published>");
        JsonNode data = rest.getForObject("/councils/barnet/decisions.json", JsonNode.class);
        JsonNode imported = null;
        for (JsonNode d : data.get("decisions")) {
            if (d.get("title").asText().equals(DECISION_TITLE)) {
                imported = d;
            }
        }
        assertThat(imported.get("publishedAt").asText()).isEqualTo("2018-10-02T08:00:00Z");
        assertThat(imported.get("dateOfDecision").asText()).isEqualTo("2018-09-12");
        assertThat(imported.get("meetingStartsAt").asText()).isEqualTo("2018-09-12T18:00:00Z");
        assertThat(imported.at("/imported/source").asText()).isEqualTo(source);
        assertThat(imported.at("/imported/sourceId").asText()).isEqualTo("5101");
        assertThat(imported.at("/imported/importedBy").asText()).isEqualTo(ADMIN);

        // in the staff API and the audit trail
        JsonNode meetings = api.get(ADMIN, "/api/t/barnet/meetings").getBody();
        assertThat(meetings.findValuesAsText("id")).contains(june);
        List<String> imports = new ArrayList<>();
        for (JsonNode entry : api.get(ADMIN, "/api/t/barnet/audit?limit=200").getBody()) {
            if (entry.get("action").asText().equals("history.meeting-imported")) {
                JsonNode after = new com.fasterxml.jackson.databind.ObjectMapper().readTree(entry.get("after").asText());
                imports.add(after.get("source").asText() + " " + after.get("sourceId").asText() + " by "
                        + after.get("importedBy").asText() + " items " + after.get("items").size());
            }
        }
        assertThat(imports).contains(source + " 1002 by " + ADMIN + " items 2", source + " 1001 by " + ADMIN + " items 4");
        assertThat(api.get(ADMIN, "/api/t/barnet/committees").getBody().findValuesAsText("name"))
                .contains("Children, Education & Safeguarding Committee",
                        "Pwyllgor Craffu Plant a Phobl Ifanc / Children & Young People Scrutiny");
    }

    @Test
    void aReRunDuplicatesNothingAndUpdatesWhatChangedAtTheSource() {
        HistoryRuns.run(api, ADMIN, "barnet", HistoryRuns.site(site.baseUrl(), false));
        int meetings = api.get(ADMIN, "/api/t/barnet/meetings").getBody().size();
        int committees = api.get(ADMIN, "/api/t/barnet/committees").getBody().size();
        String before = rest.getForObject("/councils/barnet/decisions.json", JsonNode.class).get("decisions").toString();

        JsonNode again = HistoryRuns.run(api, ADMIN, "barnet", HistoryRuns.site(site.baseUrl(), false));

        assertThat(HistoryRuns.outcomes(again)).contains("MEETING 1001 SKIP", "MEETING 1002 SKIP", "MEETING 2001 SKIP")
                .noneMatch(o -> o.endsWith(" CREATE") || o.endsWith(" UPDATE"));
        assertThat(HistoryRuns.reason(again, "MEETING", "1002")).startsWith("unchanged since its import on");
        assertThat(api.get(ADMIN, "/api/t/barnet/meetings").getBody().size()).isEqualTo(meetings);
        assertThat(api.get(ADMIN, "/api/t/barnet/committees").getBody().size()).isEqualTo(committees);
        assertThat(rest.getForObject("/councils/barnet/decisions.json", JsonNode.class).get("decisions").toString())
                .isEqualTo(before);

        site.replace("GetMeeting-1002.xml", ModernGovFixtureServer.fixture("GetMeeting-1002.xml")
                .replace("5. The Committee is asked", "5. The Committee reviewed").replace("The Committee is asked to review",
                        "The Committee reviewed"));
        JsonNode dry = HistoryRuns.run(api, ADMIN, "barnet", HistoryRuns.site(site.baseUrl(), true));
        assertThat(HistoryRuns.outcomes(dry)).contains("MEETING 1002 UPDATE", "ITEM 5101 UPDATE", "ITEM 5102 SKIP",
                "MEETING 1001 SKIP");
        assertThat(rest.getForObject("/councils/barnet/decisions.json", JsonNode.class).get("decisions").toString())
                .as("a dry run publishes nothing").isEqualTo(before);

        JsonNode changed = HistoryRuns.run(api, ADMIN, "barnet", HistoryRuns.site(site.baseUrl(), false));

        assertThat(HistoryRuns.outcomes(changed)).contains("MEETING 1002 UPDATE", "MEETING 1001 SKIP");
        assertThat(api.get(ADMIN, "/api/t/barnet/meetings").getBody().size()).isEqualTo(meetings);
        JsonNode decision = null;
        for (JsonNode d : rest.getForObject("/councils/barnet/decisions.json", JsonNode.class).get("decisions")) {
            if (d.get("title").asText().equals(DECISION_TITLE)) {
                decision = d;
            }
        }
        assertThat(decision.get("resolutions").get(4).asText()).startsWith("The Committee reviewed");
        assertThat(decision.get("publishedAt").asText()).as("first published").isEqualTo("2018-10-02T08:00:00Z");
        assertThat(decision.get("amendments")).hasSize(1);
        assertThat(decision.at("/amendments/0/note").asText()).contains("history import");
    }

    @Test
    void aFailingMeetingOrItemIsListedAndTheRunGoesOn() {
        site.fail("GetMeeting-2001.xml", 500);
        site.replace("GetMeeting-1001.xml", ModernGovFixtureServer.fixture("GetMeeting-1001.xml")
                .replace("https://democracy.example.gov.uk/documents/s7002/Appendix%201.pdf", "javascript:alert(1)"));

        JsonNode run = HistoryRuns.run(api, ADMIN, "barnet", HistoryRuns.site(site.baseUrl(), false));

        assertThat(run.get("state").asText()).isEqualTo("FINISHED");
        assertThat(HistoryRuns.outcomes(run)).contains("MEETING 2001 FAIL", "ITEM 5003 FAIL", "MEETING 1001 CREATE",
                "ITEM 5001 CREATE", "MEETING 1002 CREATE");
        assertThat(run.get("outcomes").get(0).get("action").asText()).as("failures first").isEqualTo("FAIL");
        assertThat(HistoryRuns.reason(run, "MEETING", "2001")).contains("HTTP 500");
        assertThat(HistoryRuns.reason(run, "ITEM", "5003")).contains("documents[1].url", "http or https");
        assertThat(rest.getForObject("/councils/barnet/meetings/" + HistoryRuns.id("barnet", site.baseUrl(), "meeting",
                "1001"), String.class)).contains("Minutes of the last meeting").doesNotContain("javascript:");
    }

    /** The exact instants CouncilFlow writes beside ModernGov's dates: read when sound, else the meeting fails. */
    @Test
    void anExactInstantWinsOverItsDateAndAHostileOneFailsItsMeeting() {
        site.replace("GetMeeting-1002.xml", ModernGovFixtureServer.fixture("GetMeeting-1002.xml").replace(
                "</agendapublisheddate>", "</agendapublisheddate><agendapublishedat>2018-09-04T14:37:12+01:00</agendapublishedat>"));
        site.replace("GetMeeting-1001.xml", ModernGovFixtureServer.fixture("GetMeeting-1001.xml").replace(
                "</meetingdate>", "</meetingdate><agendapublishedat>9999-12-31T23:59:59Z</agendapublishedat>"));

        JsonNode run = HistoryRuns.run(api, ADMIN, "barnet", HistoryRuns.site(site.baseUrl(), false));

        assertThat(run.get("state").asText()).isEqualTo("FINISHED");
        assertThat(HistoryRuns.outcomes(run)).contains("MEETING 1001 FAIL", "MEETING 1002 CREATE");
        assertThat(HistoryRuns.reason(run, "MEETING", "1001")).contains("<agendapublishedat>", "1900 to 2199");
        PublishedMeetings.Meeting imported = TenantContext.supplyInTenant("barnet", () -> published.meeting(UUID.fromString(
                HistoryRuns.id("barnet", site.baseUrl(), "meeting", "1002"))).orElseThrow());
        assertThat(imported.agendaPublishedAt()).isEqualTo(Instant.parse("2018-09-04T13:37:12Z"));

        site.replace("GetMeeting-1001.xml", ModernGovFixtureServer.fixture("GetMeeting-1001.xml").replace(
                "</meetingdate>", "</meetingdate><agendapublishedat>06/06/2018 14:37</agendapublishedat>"));
        JsonNode garbage = HistoryRuns.run(api, ADMIN, "barnet", HistoryRuns.site(site.baseUrl(), false));
        assertThat(HistoryRuns.outcomes(garbage)).contains("MEETING 1001 FAIL", "MEETING 1002 SKIP");
        assertThat(HistoryRuns.reason(garbage, "MEETING", "1001")).contains("<agendapublishedat>", "ISO-8601");
    }

    @Test
    void aSecondRunWhileOneIsUnderWayIsRefused() {
        CountDownLatch held = site.holdCommittees();
        ResponseEntity<JsonNode> first = api.post(ADMIN, "/api/t/barnet/history/imports", HistoryRuns.site(site.baseUrl(), true));
        assertThat(first.getStatusCode().value()).isEqualTo(202);

        ResponseEntity<JsonNode> second = api.post(ADMIN, "/api/t/barnet/history/imports",
                HistoryRuns.site(site.baseUrl(), false));

        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getBody().get("detail").asText()).contains("already under way", first.getBody().get("id").asText());
        held.countDown();
        JsonNode done = HistoryRuns.await(api, ADMIN, "/api/t/barnet/history/imports/" + first.getBody().get("id").asText());
        assertThat(done.get("state").asText()).isEqualTo("FINISHED");
    }

    @Test
    void aPlatformAdminImportsIntoACouncil() {
        ResponseEntity<JsonNode> started = api.post("platform.admin", "/api/platform/tenants/tower-hamlets/history/imports",
                HistoryRuns.site(site.baseUrl(), false));
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        JsonNode run = HistoryRuns.await(api, "platform.admin", "/api/platform/tenants/tower-hamlets/history/imports/"
                + started.getBody().get("id").asText());

        assertThat(run.get("state").asText()).isEqualTo("FINISHED");
        assertThat(run.get("startedBy").asText()).isEqualTo("platform.admin");
        assertThat(rest.getForObject("/councils/tower-hamlets/decisions", String.class)).contains("Q1 2018-19");
        assertThat(rest.getForObject("/councils/barnet/decisions", String.class)).doesNotContain("Q1 2018-19");
        assertThat(api.get(ADMIN, "/api/t/barnet/history/imports/" + run.get("id").asText()).getStatusCode().value())
                .as("another council's run").isEqualTo(404);
        assertThat(api.post("platform.admin", "/api/platform/tenants/nowhere/history/imports",
                HistoryRuns.site(site.baseUrl(), true)).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void onlyTheCouncilsAdministratorsMayImportAndBadRequestsNameTheirField() {
        Map<String, Object> request = HistoryRuns.site(site.baseUrl(), true);
        for (String user : List.of("barnet.clerk", "barnet.author", "barnet.member", "barnet.manager")) {
            assertThat(api.post(user, "/api/t/barnet/history/imports", request).getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(api.get(user, "/api/t/barnet/history/imports").getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(api.post("tower-hamlets.tenant-admin", "/api/t/barnet/history/imports", request).getStatusCode().value())
                .isEqualTo(403);
        assertThat(api.post("barnet.tenant-admin", "/api/platform/tenants/barnet/history/imports", request)
                .getStatusCode().value()).isEqualTo(403);

        Map<String, Object> unknown = new LinkedHashMap<>(request);
        unknown.put("settings", Map.of("agendaNoticeDays", 0));
        ResponseEntity<JsonNode> refused = api.post(ADMIN, "/api/t/barnet/history/imports", unknown);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("settings");

        Map<String, Object> noUrl = new LinkedHashMap<>(request);
        noUrl.remove("baseUrl");
        ResponseEntity<JsonNode> missing = api.post(ADMIN, "/api/t/barnet/history/imports", noUrl);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().toString()).contains("baseUrl");

        Map<String, Object> script = new LinkedHashMap<>(request);
        script.put("committeeIds", List.of("144'; DROP TABLE app.meeting; --"));
        assertThat(api.post(ADMIN, "/api/t/barnet/history/imports", script).getStatusCode().value()).isEqualTo(400);
        assertThat(api.get(ADMIN, "/api/t/barnet/history/imports").getBody()).isEmpty();
    }

    @Test
    void hostileSavedXmlFailsTheRunWithAReasonAndImportsNothing() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE getmeeting [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<getmeeting><meeting><meetingid>1</meetingid><meetingdate>01/01/2018</meetingdate><committeeid>1</committeeid>"
                + "<agendaitems><agendaitem><agendaitemid>1</agendaitemid><agendaitemtitle>&x;</agendaitemtitle></agendaitem>"
                + "</agendaitems></meeting></getmeeting>";

        int committees = api.get(ADMIN, "/api/t/barnet/committees").getBody().size();

        JsonNode run = HistoryRuns.run(api, ADMIN, "barnet", HistoryRuns.xml("saved", List.of(
                ModernGovFixtureServer.fixture("GetCommittees.xml"), xxe), false));

        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("message").asText()).startsWith("xml[1]: ").contains("DOCTYPE").doesNotContain("root:");
        assertThat(api.get(ADMIN, "/api/t/barnet/committees").getBody().size()).isEqualTo(committees);
        assertThat(api.get(ADMIN, "/api/t/barnet/committees").getBody().toString()).doesNotContain("Pwyllgor");
    }
}
