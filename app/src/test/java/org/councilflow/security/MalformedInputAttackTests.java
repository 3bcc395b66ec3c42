package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Text and dates that the database cannot hold, or that are not what the field expects: a JSON object where a
 * text is expected, a lone UTF-16 surrogate, a NUL character, the year 0 or 99999. Each is refused with a 400
 * problem naming the field, and nothing already saved changes. The JSON bodies are written by hand so that the
 * escapes reach the server as a hostile client sends them.
 */
@IntegrationTest
class MalformedInputAttackTests {

    @Autowired
    TestRestTemplate rest;

    Api api;
    String report;
    String summary;

    @BeforeEach
    void report() throws IOException {
        api = new Api(rest);
        report = "/api/t/barnet/reports/" + api.draftReferenceReport("barnet.author");
        summary = api.get("barnet.author", report).getBody().at("/document/summary").asText();
        assertThat(summary).isNotBlank();
    }

    @Test
    void aJsonObjectSentAsTheSummaryIsRefusedInsteadOfBlankingIt() {
        ResponseEntity<JsonNode> object = json("PUT", report + "/parts/summary", "{\"revision\":0,\"content\":{\"text\":\"x\"}}");
        ResponseEntity<JsonNode> number = json("PUT", report + "/parts/summary", "{\"revision\":0,\"content\":42}");
        ResponseEntity<JsonNode> list = json("PUT", report + "/parts/recommendations", "{\"revision\":0,\"content\":[{\"a\":1}]}");

        assertProblemNaming(object, "content");
        assertProblemNaming(number, "content");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get("barnet.author", report).getBody().at("/document/summary").asText()).isEqualTo(summary);
    }

    @Test
    void aNumberWhereATextIsExpectedIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> meeting = json("POST", "/api/t/barnet/meetings", "{\"committeeId\":\"" + DemoData.BARNET_CES_COMMITTEE
                + "\",\"startsAt\":\"2027-01-12T18:00:00Z\",\"venue\":12345}");

        assertProblemNaming(meeting, "venue");
    }

    @Test
    void aLoneSurrogateIsRefusedInsteadOfBeingStoredAsAQuestionMark() {
        ResponseEntity<JsonNode> part = json("PUT", report + "/parts/summary", "{\"revision\":0,\"content\":\"Progress \\ud800 made\"}");
        ResponseEntity<JsonNode> meeting = json("POST", "/api/t/barnet/meetings", "{\"committeeId\":\"" + DemoData.BARNET_CES_COMMITTEE
                + "\",\"startsAt\":\"2027-01-12T18:00:00Z\",\"venue\":\"Hendon \\udfff Town Hall\"}");

        assertProblemNaming(part, "content");
        assertProblemNaming(meeting, "venue");
        assertThat(api.get("barnet.author", report).getBody().at("/document/summary").asText()).isEqualTo(summary);
        assertThat(api.get("barnet.clerk", "/api/t/barnet/meetings").getBody().findValuesAsText("venue")).noneMatch(v -> v.contains("?"));
    }

    @Test
    void aNulCharacterIsABadRequestEverywhereNotAConflictOrAServerError() {
        ResponseEntity<JsonNode> part = json("PUT", report + "/parts/summary", "{\"revision\":0,\"content\":\"Progress \\u0000 made\"}");
        ResponseEntity<JsonNode> meeting = json("POST", "/api/t/barnet/meetings", "{\"committeeId\":\"" + DemoData.BARNET_CES_COMMITTEE
                + "\",\"startsAt\":\"2027-01-12T18:00:00Z\",\"venue\":\"Hendon\\u0000Town Hall\"}");
        ResponseEntity<JsonNode> settings = json("PUT", "/api/t/barnet/settings", "{\"displayName\":\"Barnet\\u0000\",\"version\":0,"
                + "\"settings\":{\"brandingColour\":\"#00703c\",\"boardReviewEnabled\":true,\"agendaNoticeDays\":5,\"callInDays\":5,"
                + "\"slaDays\":{},\"bankHolidays\":[]}}", "barnet.tenant-admin");
        ResponseEntity<JsonNode> key = json("PUT", "/api/t/barnet/settings", "{\"displayName\":\"Barnet\",\"version\":0,"
                + "\"settings\":{\"brandingColour\":\"#00703c\",\"boardReviewEnabled\":true,\"agendaNoticeDays\":5,\"callInDays\":5,"
                + "\"slaDays\":{\"draft\\u0000Update\":3},\"bankHolidays\":[]}}", "barnet.tenant-admin");
        ResponseEntity<JsonNode> appendixTitle = appendix("Appendix\u0000 one");

        assertProblemNaming(part, "content");
        assertProblemNaming(meeting, "venue");
        assertProblemNaming(settings, "displayName");
        assertProblemNaming(key, "settings.slaDays");
        assertProblemNaming(appendixTitle, "title");
        assertThat(api.get("barnet.author", report + "/appendices").getBody()).isEmpty();
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet").getBody().get("version").asInt()).isZero();
    }

    @Test
    void datesOutsideASaneRangeAreABadRequestNamingTheField() {
        for (String startsAt : new String[] {"0000-01-12T18:00:00Z", "+99999-01-12T18:00:00Z", "1066-10-14T09:00:00Z"}) {
            ResponseEntity<JsonNode> meeting = json("POST", "/api/t/barnet/meetings", "{\"committeeId\":\""
                    + DemoData.BARNET_CES_COMMITTEE + "\",\"startsAt\":\"" + startsAt + "\",\"venue\":\"Hendon Town Hall\"}");
            assertProblemNaming(meeting, "startsAt");
        }
        ResponseEntity<JsonNode> holiday = json("PUT", "/api/t/barnet/settings", "{\"displayName\":\"Barnet\",\"version\":0,"
                + "\"settings\":{\"brandingColour\":\"#00703c\",\"boardReviewEnabled\":true,\"agendaNoticeDays\":5,\"callInDays\":5,"
                + "\"slaDays\":{},\"bankHolidays\":[{\"day\":\"+99999-12-25\",\"name\":\"Christmas Day\"}]}}", "barnet.tenant-admin");
        ResponseEntity<JsonNode> inspection = json("POST", "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/inspections",
                "{\"type\":\"STATUTORY_DIRECTION\",\"title\":\"Statutory direction\",\"startDate\":\"0000-12-20\",\"summary\":\"x\"}");

        assertProblemNaming(holiday, "settings.bankHolidays[0].day");
        assertProblemNaming(inspection, "startDate");
        assertThat(api.get("barnet.clerk", "/api/t/barnet/meetings").getBody().findValuesAsText("startsAt"))
                .noneMatch(s -> s.startsWith("0") || s.startsWith("+") || s.startsWith("1066"));
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFoundNotAServerError() {
        for (String user : new String[] {null, "barnet.clerk"}) {
            HttpHeaders headers = new HttpHeaders();
            if (user != null) {
                headers.setBearerAuth(Tokens.of(user));
            }
            headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
            ResponseEntity<String> error = rest.exchange("/error", HttpMethod.GET, new HttpEntity<>(headers), String.class);
            assertThat(error.getStatusCode()).as(String.valueOf(user)).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(error.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
    }

    private void assertProblemNaming(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody().get("errors").findValuesAsText("field")).as(String.valueOf(response.getBody()))
                .contains(field);
    }

    private ResponseEntity<JsonNode> json(String method, String path, String body) {
        return json(method, path, body, path.contains("/meetings") ? "barnet.clerk" : "barnet.author");
    }

    private ResponseEntity<JsonNode> json(String method, String path, String body, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> appendix(String title) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("file", new ByteArrayResource(HostileUploadAttackTests.pdf("An appendix")) {
            @Override
            public String getFilename() {
                return "appendix.pdf";
            }
        });
        return api.post("barnet.author", report + "/appendices", form);
    }
}
