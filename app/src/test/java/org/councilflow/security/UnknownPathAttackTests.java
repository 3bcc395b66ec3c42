package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Addresses nobody serves are not the staff UI: an unknown API path is a 404 problem document, {@code /councils}
 * a 404 page, and neither starts a session (which would cost memory per request for anyone). Titles on the public
 * site cannot reorder what is shown around them with Unicode bidirectional overrides.
 */
@IntegrationTest
class UnknownPathAttackTests {

    /** U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates). */
    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    BarnetCycle cycle;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        cycle = new BarnetCycle(new Api(rest), engine);
    }

    @AfterEach
    void resetClock() {
        cycle.resetClock();
    }

    @Test
    void unknownApiPathsAreA404ProblemWithoutASession() throws Exception {
        for (String path : List.of("/api/nothing-here", "/api/t/barnet/nothing-here", "/api/t/barnet/plans/x/y/z",
                "/api/platform/nothing-here", "/api/")) {
            for (String token : new String[] {null, Tokens.of("barnet.tenant-admin"), Tokens.of("platform.admin")}) {
                HttpResponse<String> response = get(path, token, "text/html,application/xhtml+xml");
                String what = path + (token == null ? " anonymously" : " with a token");
                assertThat(response.headers().allValues("Set-Cookie")).as(what + " starts no session").isEmpty();
                assertThat(response.body()).as(what).doesNotContain("<vaadin").doesNotContain("window.Vaadin");
                if (token != null) {
                    assertThat(response.statusCode()).as(what).isIn(403, 404);
                    assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
                    JsonNode problem = new ObjectMapper().readTree(response.body());
                    assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
                } else {
                    assertThat(response.statusCode()).as(what).isIn(401, 404);
                }
            }
        }
        HttpResponse<String> unknown = get("/api/t/barnet/nothing-here", Tokens.of("barnet.author"), "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new ObjectMapper().readTree(unknown.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void councilsAloneIsAPlainNotFoundPageWithoutASession() throws Exception {
        for (String path : List.of("/councils", "/councils/")) {
            HttpResponse<String> response = get(path, null, "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
            assertThat(response.body()).as(path).contains("Page not found").doesNotContain("Vaadin");
            assertThat(response.headers().allValues("Set-Cookie")).as(path + " starts no session").isEmpty();
        }
    }

    @Test
    void bidiOverridesInTitlesAreNeutralisedInListingsAndFeeds() throws Exception {
        String hostile = "Budget \u202Egnp.exe\u202C update \u2067isolated\u2069 and \u202Aembedded\u202C";
        String report = cycle.report(document -> ((com.fasterxml.jackson.databind.node.ObjectNode) document.get("header"))
                .put("title", hostile));
        cycle.scheduled(report);
        cycle.decided(report, "Minutes.");
        cycle.published(report, false);

        for (String path : List.of("/councils/barnet", "/councils/barnet/decisions", "/councils/barnet/meetings/"
                + BarnetCycle.MEETING_2018_09_12, "/councils/barnet/decisions.atom",
                "/councils/barnet/meetings.ics", "/councils/barnet/decisions.csv", "/councils/barnet/decisions.json",
                "/councils/barnet/search?q=budget")) {
            HttpResponse<String> response = get(path, null, "*/*");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("gnp.exe");
            assertThat(BIDI_CONTROLS.matcher(response.body()).find()).as(path + " has no bidi controls").isFalse();
        }
    }

    private HttpResponse<String> get(String path, String token, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
