package org.councilflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.publication.PublishedMeetings;
import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.PublishedCycle;
import org.councilflow.tenancy.TenantContext;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CouncilFlow's own export as a source: council B imports council A's published committee history from A's
 * ModernGov-shaped answers ({@code /councils/a/mgWebService.asmx}, a plain ModernGov site to the importer) and holds
 * the same meetings, items with their numbers, minutes, resolutions, documents and original dates, compared field for
 * field; a second run finds everything unchanged.
 */
@IntegrationTest
class HistoryRoundTripIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    PublishedMeetings published;

    @Autowired
    ProcessEngine engine;

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void anotherCouncilImportsACouncilsPublishedHistoryAndLosesNothing() {
        Api api = new Api(rest);
        List<String> fixtures = ModernGovServiceIntegrationTests.FIXTURES.stream().map(ModernGovFixtureServer::fixture)
                .toList();
        ModernGovServiceIntegrationTests.JsonRun.finished(HistoryRuns.run(api, "barnet.tenant-admin", "barnet",
                HistoryRuns.xml(ModernGovServiceIntegrationTests.SOURCE, fixtures, false)));
        ModernGovServiceIntegrationTests.JsonRun.finished(HistoryRuns.run(api, "barnet.tenant-admin", "barnet",
                oddCases()));
        List<String> council = meetings("barnet");
        assertThat(council).as("the source council's history").hasSize(4);

        String base = rest.getRootUri() + "/councils/barnet";
        Map<String, Object> request = new LinkedHashMap<>(HistoryRuns.site(base, false));
        request.put("from", "2000-01-01");
        request.put("to", "2030-12-31");
        JsonNode run = HistoryRuns.run(api, "tower-hamlets.tenant-admin", "tower-hamlets", request);
        ModernGovServiceIntegrationTests.JsonRun.finished(run);
        assertThat(meetings("tower-hamlets")).isEqualTo(council);

        JsonNode again = HistoryRuns.run(api, "tower-hamlets.tenant-admin", "tower-hamlets", request);
        assertThat(again.get("counts").get("create").asInt() + again.get("counts").get("update").asInt())
                .as(again.toString()).isZero();
        assertThat(meetings("tower-hamlets")).isEqualTo(council);
    }

    /**
     * ModernGov's dates carry the day only; the instants written beside them keep the time of day of a meeting
     * published live: its agenda (published now), its decision (at 14:37:12 and a fraction) and the call-in end.
     */
    @Test
    void aMeetingPublishedLiveAtAnOddTimeKeepsItsExactInstants() {
        Api api = new Api(rest);
        PublishedCycle cycle = new PublishedCycle(api, engine);
        try {
            cycle.published(true, Duration.ofDays(1).plusHours(14).plusMinutes(37).plusSeconds(12).plusMillis(345));
        } finally {
            cycle.resetClock();
        }
        PublishedMeetings.Meeting live = TenantContext.supplyInTenant("barnet",
                () -> published.meeting(UUID.fromString(cycle.meetingId)).orElseThrow());
        PublishedMeetings.Decision decision = live.items().get(0).decision();
        assertThat(decision.callInEndsAt()).as("published subject to call-in").isNotNull();
        assertThat(decision.publishedAt()).isEqualTo(cycle.meetingAt.plus(Duration.ofDays(1)).plus(Duration.ofHours(14))
                .plusSeconds(37 * 60 + 12).plusMillis(345));

        Map<String, Object> request = new LinkedHashMap<>(HistoryRuns.site(rest.getRootUri() + "/councils/barnet", false));
        request.put("from", "2000-01-01");
        request.put("to", "2030-12-31");
        ModernGovServiceIntegrationTests.JsonRun.finished(HistoryRuns.run(api, "tower-hamlets.tenant-admin",
                "tower-hamlets", request));

        PublishedMeetings.Meeting copy = TenantContext.supplyInTenant("tower-hamlets", () -> published.meetings(null)
                .stream().filter(m -> m.startsAt().equals(live.startsAt()) && !m.committeeName().equals("Cabinet"))
                .map(m -> published.meeting(m.id()).orElseThrow()).findFirst().orElseThrow());
        assertThat(copy.agendaPublishedAt()).as("the agenda's publication, to the microsecond")
                .isEqualTo(live.agendaPublishedAt());
        PublishedMeetings.Decision copied = copy.items().get(0).decision();
        assertThat(copied.publishedAt()).as("the decision's publication").isEqualTo(decision.publishedAt());
        assertThat(copied.callInEndsAt()).as("the call-in period's end").isEqualTo(decision.callInEndsAt());
        assertThat(copied.decidedOn()).isEqualTo(decision.decidedOn());
        assertThat(copy.agendaPublishedAt().atZone(LONDON).toLocalTime()).as("not the 09:00 a date alone gives")
                .isNotEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void aCouncilThatIsNotThereFailsTheRunWithAReasonAndImportsNothing() {
        Api api = new Api(rest);
        JsonNode run = HistoryRuns.run(api, "tower-hamlets.tenant-admin", "tower-hamlets",
                HistoryRuns.site(rest.getRootUri() + "/councils/no-such-council", false));
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("message").asText()).contains("404");
        assertThat(meetings("tower-hamlets")).isEmpty();
    }

    /** Every published meeting of the council, each field of it and its items but the council's own ids. */
    private List<String> meetings(String tenant) {
        return TenantContext.supplyInTenant(tenant, () -> {
            List<String> lines = new ArrayList<>();
            for (PublishedMeetings.Meeting listed : published.meetings(null)) {
                PublishedMeetings.Meeting m = published.meeting(listed.id()).orElseThrow();
                if (m.committeeName().equals("Cabinet")) {
                    continue; // Tower Hamlets' own demo meeting
                }
                StringBuilder line = new StringBuilder(m.committeeName()).append(" | ").append(m.startsAt()).append(" | ")
                        .append(m.venue()).append(" | agenda ").append(m.agendaPublishedAt());
                for (PublishedMeetings.Item i : m.items()) {
                    line.append("\n  ").append(i.position()).append(" [").append(i.number()).append("] ").append(i.title())
                            .append(" exempt=").append(i.exempt()).append(" summary=").append(i.summary())
                            .append(" documents=").append(i.documents()).append(" decision=").append(i.decision());
                }
                lines.add(line.toString());
            }
            return lines;
        });
    }

    /** What the fixtures leave out: line breaks, a deferred and a noted decision, call-in, a key decision. */
    private static Map<String, Object> oddCases() {
        Map<String, Object> item1 = item("r1", "4a", "Budget monitoring: Q2", "The report sets out:\n\n- the forecast\n- the risks",
                "<p>The Committee discussed the forecast.<br>Members asked about reserves.</p><p>Second paragraph.</p>",
                "<ol><li>That the Committee note the forecast.</li><li>That these be appointed:<br>Cllr A Smith<br>Cllr B Jones</li></ol>",
                "Recommendations Approved", true, "2019-02-20");
        Map<String, Object> item2 = item("r2", "5", "Deferred item", null, null, "<p>To defer to the next meeting.</p>",
                "Deferred", false, null);
        Map<String, Object> item3 = item("r3", "6", "Minutes only", null, "<p>The Committee noted the update.</p>", null,
                null, false, null);
        Map<String, Object> item4 = item("r4", "7", "Noted without resolutions", null, null, "", "Noted", false, null);
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("sourceId", "m1");
        meeting.put("committeeSourceId", "c1");
        meeting.put("date", "2019-02-13");
        meeting.put("time", "18:30");
        meeting.put("location", "Hendon Town Hall, Committee Room 1");
        meeting.put("status", "HELD");
        meeting.put("agendaPublishedOn", "2019-02-05");
        meeting.put("attendees", List.of());
        meeting.put("items", List.of(item1, item2, item3, item4));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", "JSON");
        request.put("sourceName", "round-trip-odd-cases");
        request.put("records", Map.of("committees", List.of(Map.of("sourceId", "c1", "name", "Policy & Resources Committee")),
                "meetings", List.of(meeting)));
        request.put("dryRun", false);
        return request;
    }

    private static Map<String, Object> item(String id, String number, String title, String description, String minutes,
            String decision, String status, boolean key, String callInEnds) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sourceId", id);
        item.put("number", number);
        item.put("title", title);
        item.put("description", description);
        item.put("restricted", false);
        item.put("minutesHtml", minutes);
        item.put("decisionHtml", decision);
        item.put("decisionStatus", status);
        item.put("keyDecision", key);
        item.put("decidedOn", "2019-02-13");
        item.put("decisionPublishedOn", "2019-02-15");
        item.put("callInEndsOn", callInEnds);
        item.put("documents", List.of(Map.of("sourceId", id + "-d", "title", "Report (" + number + ")",
                "url", "https://democracy.example.gov.uk/documents/s" + id + "/Report%20" + number + ".pdf",
                "restricted", false, "publishedOn", "2019-02-05")));
        return item;
    }
}
