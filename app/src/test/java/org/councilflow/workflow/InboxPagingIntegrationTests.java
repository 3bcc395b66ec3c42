package org.councilflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The API's inbox a page at a time (page, size, a Link to the next and previous page), narrowed to one report, with
 * the variables each row shows read by name; and the abuses: parameters out of range or of the wrong type (400
 * naming the parameter), another council's report as the filter, a person with roles in two councils.
 */
@IntegrationTest
class InboxPagingIntegrationTests {

    private static final String INBOX = "/api/t/barnet/tasks";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService tasks;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    /** A draft of the reference report with its cycle started by barnet.author; the report's id. */
    private String started(String urgency) {
        String report = api.draftReferenceReport("barnet.author");
        ResponseEntity<JsonNode> start = api.post("barnet.author", "/api/t/barnet/reports/" + report + "/cycle",
                urgency == null ? null : Map.of("urgency", urgency));
        assertThat(start.getStatusCode().value()).as(String.valueOf(start.getBody())).isEqualTo(201);
        return report;
    }

    @Test
    void theInboxComesInPagesThatTogetherAreTheWholeInboxNewestFirst() {
        for (int i = 0; i < 5; i++) {
            started(null);
        }
        ResponseEntity<JsonNode> whole = api.get("barnet.author", INBOX + "?size=500");
        assertThat(whole.getStatusCode().value()).isEqualTo(200);
        assertThat(whole.getHeaders().get(HttpHeaders.LINK)).as("one page holds it all: no next page").isNull();
        List<String> all = whole.getBody().findValuesAsText("id");
        assertThat(all).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();

        List<String> paged = new ArrayList<>();
        String next = INBOX + "?size=2";
        int pages = 0;
        while (next != null) {
            ResponseEntity<JsonNode> page = api.get("barnet.author", next);
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            assertThat(page.getBody().size()).isBetween(1, 2);
            paged.addAll(page.getBody().findValuesAsText("id"));
            String link = page.getHeaders().getFirst(HttpHeaders.LINK);
            if (pages > 0) {
                assertThat(link).contains("<" + INBOX + "?page=" + (pages - 1) + "&size=2>; rel=\"prev\"");
            }
            next = link == null || !link.contains("rel=\"next\"") ? null
                    : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            if (next != null) {
                assertThat(next).isEqualTo(INBOX + "?page=" + (pages + 1) + "&size=2");
            }
            pages++;
        }
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo((all.size() + 1) / 2);

        List<String> created = whole.getBody().findValuesAsText("created");
        assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(api.get("barnet.author", INBOX + "?page=" + pages + "&size=2").getBody()).as("past the end").isEmpty();
    }

    @Test
    void withoutParametersThePageIsTheStaffUisGridPage() {
        for (int i = 0; i < 3; i++) {
            started(null);
        }
        ResponseEntity<JsonNode> first = api.get("barnet.author", INBOX);
        assertThat(first.getBody().size()).isLessThanOrEqualTo(50);
        assertThat(first.getBody().findValuesAsText("id"))
                .containsExactlyElementsOf(api.get("barnet.author", INBOX + "?page=0&size=50").getBody().findValuesAsText("id"));
    }

    @Test
    void eachRowCarriesItsReportTitleUrgencyAndEscalationFromItsOwnCycle() {
        String normal = started(null);
        String urgent = started("urgent");
        String title = api.get("barnet.author", "/api/t/barnet/reports/" + urgent).getBody().at("/document/header/title").asText();
        assertThat(title).isNotBlank();

        JsonNode urgentRow = api.get("barnet.author", INBOX + "?report=" + urgent).getBody();
        assertThat(urgentRow).hasSize(1);
        assertThat(urgentRow.get(0).get("reportId").asText()).isEqualTo(urgent);
        assertThat(urgentRow.get(0).get("reportTitle").asText()).isEqualTo(title);
        assertThat(urgentRow.get(0).get("urgency").asText()).isEqualTo("urgent");
        assertThat(urgentRow.get(0).get("stage").asText()).isEqualTo("draftUpdate");
        assertThat(urgentRow.get(0).get("role").asText()).isEqualTo("author");
        assertThat(urgentRow.get(0).get("escalated").asBoolean()).isFalse();

        JsonNode normalRow = api.get("barnet.author", INBOX + "?report=" + normal).getBody();
        assertThat(normalRow).hasSize(1);
        assertThat(normalRow.get(0).get("reportId").asText()).isEqualTo(normal);
        assertThat(normalRow.get(0).get("urgency").asText()).isEqualTo("normal");

        // the service level marks a task it escalated with a variable of the task's own
        tasks.setVariableLocal(normalRow.get(0).get("id").asText(), "escalated", true);
        JsonNode rows = api.get("barnet.author", INBOX + "?size=500").getBody();
        for (JsonNode row : rows) {
            assertThat(row.get("escalated").asBoolean()).as(row.toString()).isEqualTo(row.get("reportId").asText().equals(normal));
            assertThat(row.get("reportTitle").isNull()).as("every cycle's row has its title").isFalse();
        }
    }

    @Test
    void parametersOutOfRangeOrNotNumbersAre400NamingTheParameter() {
        assertField(INBOX + "?page=-1", "page");
        assertField(INBOX + "?size=0", "size");
        assertField(INBOX + "?size=501", "size");
        assertField(INBOX + "?size=ten", "size");
        assertField(INBOX + "?page=1.5", "page");
        assertField(INBOX + "?page=2147483647&size=500", "page");
        assertField(INBOX + "?report=not-a-report", "report");
        assertThat(api.get("barnet.author", INBOX + "?size=500").getStatusCode().value()).isEqualTo(200);
        assertThat(api.get("barnet.author", INBOX + "?size=1").getStatusCode().value()).isEqualTo(200);
    }

    private void assertField(String path, String field) {
        ResponseEntity<JsonNode> response = api.get("barnet.author", path);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
        assertThat(response.getBody().at("/errors/0/field").asText()).as(path).isEqualTo(field);
    }

    @Test
    void anotherCouncilsReportFindsNothingAndTwoCouncilsRolesNeverMix() {
        String barnetReport = started(null);
        String barnetTask = api.get("barnet.author", INBOX + "?report=" + barnetReport).getBody().get(0).get("id").asText();

        // Tower Hamlets' author naming Barnet's report in their own council's inbox: nothing, not Barnet's task
        ResponseEntity<JsonNode> hostile = api.get("tower-hamlets.author", "/api/t/tower-hamlets/tasks?report=" + barnetReport);
        assertThat(hostile.getStatusCode().value()).isEqualTo(200);
        assertThat(hostile.getBody()).isEmpty();
        // nor through Barnet's path, where they have no role
        assertThat(api.get("tower-hamlets.author", INBOX + "?report=" + barnetReport).getStatusCode().value()).isEqualTo(403);
        // paging through every page of their own inbox never reaches it
        for (int page = 0; page < 5; page++) {
            JsonNode rows = api.get("tower-hamlets.author", "/api/t/tower-hamlets/tasks?size=1&page=" + page).getBody();
            assertThat(rows.findValuesAsText("id")).doesNotContain(barnetTask);
            assertThat(rows.findValuesAsText("reportId")).doesNotContain(barnetReport);
        }

        // partner.director is Barnet's board chair and Tower Hamlets' manager: each inbox holds only its own council's
        JsonNode inTowerHamlets = api.get("partner.director", "/api/t/tower-hamlets/tasks?size=500").getBody();
        assertThat(inTowerHamlets.findValuesAsText("id")).doesNotContain(barnetTask);
        assertThat(inTowerHamlets.findValuesAsText("stage")).doesNotContain("boardReview");
    }
}
