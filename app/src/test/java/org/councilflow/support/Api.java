package org.councilflow.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Calls to the running application's API as a demo user (or with a given token). */
public record Api(TestRestTemplate rest) {

    public ResponseEntity<JsonNode> get(String user, String path) {
        return call(HttpMethod.GET, path, Tokens.of(user), null);
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return call(HttpMethod.POST, path, Tokens.of(user), body);
    }

    public ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return call(HttpMethod.PUT, path, Tokens.of(user), body);
    }

    public ResponseEntity<JsonNode> delete(String user, String path) {
        return call(HttpMethod.DELETE, path, Tokens.of(user), null);
    }

    /** A new draft of the reference update report (6 June 2018) in Barnet's plan, created by {@code user}: its id. */
    public String draftReferenceReport(String user) {
        try (var reference = Api.class.getResourceAsStream("/reference/barnet-update-report-2018-06-06.json")) {
            JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reference);
            ResponseEntity<JsonNode> created = post(user, "/api/t/barnet/reports",
                    java.util.Map.of("planId", DemoData.BARNET_PLAN, "document", document));
            if (created.getStatusCode().value() != 201) {
                throw new IllegalStateException("The reference report was not created: " + created.getBody());
            }
            return created.getBody().get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The clerk of {@code tenant} publishes the meeting's agenda unless it already is: the one moment from which a
     * meeting's agenda and its reports are public (scheduling a report no longer publishes anything).
     */
    public void publishAgenda(String tenant, String meetingId) {
        String path = "/api/t/" + tenant + "/meetings/" + meetingId;
        JsonNode meeting = get(tenant + ".clerk", path).getBody();
        if (meeting.path("agendaPublishedAt").isNull()) {
            ResponseEntity<JsonNode> published = post(tenant + ".clerk", path + "/agenda/publication",
                    java.util.Map.of("version", meeting.get("version").asInt()));
            if (published.getStatusCode().value() != 200) {
                throw new IllegalStateException("The agenda was not published: " + published.getBody());
            }
        }
    }

    public ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (body instanceof org.springframework.util.MultiValueMap<?, ?>) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        } else if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
