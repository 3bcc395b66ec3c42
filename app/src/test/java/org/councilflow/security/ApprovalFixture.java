package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.DevServicesProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A Barnet report driven through its cycle with the demo users' real tokens, for the approval attack tests. */
final class ApprovalFixture {

    final Api api;
    final TestRestTemplate rest;
    /** As the database's owner: what an attacker with the database would do, past row-level security. */
    final JdbcClient superuser = JdbcClient.create(DevServices.postgres().superuserDataSource(DevServicesProperties.TEST_DATABASE));

    ApprovalFixture(TestRestTemplate rest) {
        this.rest = rest;
        this.api = new Api(rest);
    }

    /** A report made by {@code author} from the Barnet update report of June 2018. */
    String report(String author) {
        try {
            JsonNode document = new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
            ResponseEntity<JsonNode> created = api.post(author, "/api/t/barnet/reports",
                    Map.of("planId", DemoData.BARNET_PLAN, "document", document));
            assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            return created.getBody().get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String path(String reportId) {
        return "/api/t/barnet/reports/" + reportId;
    }

    ResponseEntity<JsonNode> savePart(String user, String reportId, String part, Object content) {
        int revision = api.get(user, path(reportId)).getBody().at("/revisions/" + part).asInt();
        return api.put(user, path(reportId) + "/parts/" + part, Map.of("revision", revision, "content", content));
    }

    ResponseEntity<JsonNode> addAppendix(String user, String reportId, String title, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return title.replace(' ', '-') + ".pdf";
            }
        });
        return api.post(user, path(reportId) + "/appendices", form);
    }

    void start(String user, String reportId) {
        ResponseEntity<JsonNode> started = api.post(user, path(reportId) + "/cycle", null);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    ResponseEntity<JsonNode> complete(String user, String reportId, String stage, Map<String, Object> completion) {
        return api.post(user, "/api/t/barnet/tasks/" + taskAt(user, reportId, stage) + "/completion", completion);
    }

    void completed(String user, String reportId, String stage, Map<String, Object> completion) {
        ResponseEntity<JsonNode> response = complete(user, reportId, stage, completion);
        assertThat(response.getStatusCode()).as(user + " completes " + stage + ": " + response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    String taskAt(String user, String reportId, String stage) {
        JsonNode inbox = api.get(user, "/api/t/barnet/tasks").getBody();
        for (JsonNode task : inbox) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no " + stage + " task for report " + reportId + ": " + inbox);
    }

    /** A meeting of Barnet's committee a month from now: far enough for the agenda's notice. */
    String meeting() {
        ResponseEntity<JsonNode> meeting = api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of(
                "committeeId", DemoData.BARNET_CES_COMMITTEE, "startsAt", Instant.now().plus(30, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.HOURS).toString(), "venue", "Hendon Town Hall"));
        assertThat(meeting.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return meeting.getBody().get("id").asText();
    }

    /** Schedules the report and, when that succeeds, publishes the meeting's agenda. */
    ResponseEntity<JsonNode> schedule(String reportId, String meetingId) {
        ResponseEntity<JsonNode> scheduled = complete("barnet.clerk", reportId, "scheduleToCommittee",
                Map.of("outcome", "schedule", "form", Map.of("meetingId", meetingId)));
        if (scheduled.getStatusCode().is2xxSuccessful()) {
            api.publishAgenda("barnet", meetingId);
        }
        return scheduled;
    }

    /** An anonymous GET of the public site. */
    ResponseEntity<String> publicPage(String path) {
        return rest.exchange(path, HttpMethod.GET, null, String.class);
    }

    ResponseEntity<byte[]> publicBytes(String path) {
        return rest.exchange(path, HttpMethod.GET, null, byte[].class);
    }

    /** A small PDF with one line of text. */
    static byte[] pdf(String line) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
