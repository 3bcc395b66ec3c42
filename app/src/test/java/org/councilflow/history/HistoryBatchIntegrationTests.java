package org.councilflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Several meetings are written in one transaction; one that the database refuses (its committee's name, " Q", passes
 * the request's checks but is one letter once its spaces are stripped, and a committee's name is at least two) rolls
 * it back, and its meetings are tried again one by one: only the refused meeting is left out and listed, the others
 * are published.
 */
@IntegrationTest
class HistoryBatchIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    void aMeetingTheDatabaseRefusesIsListedAndTheOthersOfItsTransactionAreImported() {
        Api api = new Api(rest);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", "JSON");
        request.put("sourceName", "batch-test");
        request.put("records", Map.of("committees", List.of(Map.of("sourceId", "c1", "name", "Audit Committee"),
                Map.of("sourceId", "c2", "name", " Q")),
                "meetings", List.of(meeting("m1", "2017-01-10", "Internal audit plan"),
                        meeting("m2", "2017-02-10", "A meeting of a committee the database refuses"),
                        meeting("m3", "2017-03-10", "Risk register"))));
        request.put("dryRun", false);

        JsonNode run = HistoryRuns.run(api, "barnet.tenant-admin", "barnet", request);

        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("FINISHED");
        assertThat(run.get("counts").get("fail").asInt()).as(run.toString()).isEqualTo(1);
        assertThat(HistoryRuns.outcomes(run)).contains("MEETING m2 FAIL", "MEETING m1 CREATE", "MEETING m3 CREATE",
                "ITEM m1-i CREATE", "ITEM m3-i CREATE").doesNotContain("ITEM m2-i CREATE");
        assertThat(HistoryRuns.reason(run, "MEETING", "m2")).startsWith("could not be imported");
        assertThat(run.get("done").asInt()).isEqualTo(3);
        for (String meeting : List.of("m1", "m3")) {
            assertThat(rest.getForEntity("/councils/barnet/meetings/" + HistoryRuns.id("barnet", "batch-test", "meeting",
                    meeting), String.class).getStatusCode().value()).isEqualTo(200);
        }
        assertThat(rest.getForEntity("/councils/barnet/meetings/" + HistoryRuns.id("barnet", "batch-test", "meeting", "m2"),
                String.class).getStatusCode().value()).isEqualTo(404);

        // the run again: the two imported are unchanged, the refused one fails again, nothing is duplicated
        JsonNode again = HistoryRuns.run(api, "barnet.tenant-admin", "barnet", request);
        assertThat(HistoryRuns.outcomes(again)).contains("MEETING m1 SKIP", "MEETING m3 SKIP", "MEETING m2 FAIL");
    }

    private static Map<String, Object> meeting(String id, String date, String description) {
        String committee = id.equals("m2") ? "c2" : "c1";
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sourceId", id + "-i");
        item.put("number", "1");
        item.put("title", "Item of " + id);
        item.put("description", description);
        item.put("restricted", false);
        item.put("keyDecision", false);
        item.put("documents", List.of());
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("sourceId", id);
        meeting.put("committeeSourceId", committee);
        meeting.put("date", date);
        meeting.put("location", "Town Hall");
        meeting.put("status", "HELD");
        meeting.put("attendees", List.of());
        meeting.put("items", List.of(item));
        return meeting;
    }
}
