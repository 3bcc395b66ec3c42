package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.councilflow.support.ReferenceDecision;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Only what was published is public. Every public URL that exists (found from the application's own request
 * mappings, so a new one cannot escape) is requested anonymously with every id of every state: a draft, an exempt
 * report scheduled to the meeting, a decision recorded but not published, a decision on an exempt report, another
 * council's publications; then again with the council suspended. None of their text reaches any page, search
 * result, feed, open data file, calendar or PDF.
 */
@IntegrationTest
class OnlyPublishedIntegrationTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String DRAFT = "Qzxdraft";
    private static final String EXEMPT = "Qzxexempt";
    private static final String UNPUBLISHED = "Qzxunpublished";
    private static final String EXEMPT_DECISION = "Qzxwithheld";
    private static final String TOWER_HAMLETS = "Qzxtowerhamlets";
    private static final List<String> SECRETS = List.of(DRAFT, EXEMPT, UNPUBLISHED, EXEMPT_DECISION, TOWER_HAMLETS);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    PublicationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new PublicationFixture(rest, engine);
    }

    @AfterEach
    void resetClock() {
        fixture.resetClock();
    }

    @Test
    void draftsExemptReportsUnpublishedDecisionsAndOtherCouncilsNeverReachAPublicUrlNorDoesASuspendedCouncil()
            throws IOException {
        String published = DecisionPageIntegrationTests.publishBarnetDecision(fixture,
                ReferenceDecision.read());
        String draft = fixture.report("barnet", DemoData.BARNET_PLAN, document -> marked(document, DRAFT, false));
        fixture.appendix("barnet", draft, DRAFT + " appendix", PublicationFixture.pdf(DRAFT + " appendix text"), "draft.pdf");
        String exempt = fixture.report("barnet", DemoData.BARNET_PLAN, document -> marked(document, EXEMPT, true));
        fixture.appendix("barnet", exempt, EXEMPT + " appendix", PublicationFixture.pdf(EXEMPT + " appendix text"), "exempt.pdf");
        String unpublished = fixture.report("barnet", DemoData.BARNET_PLAN, document -> { });
        fixture.clock(Instant.parse("2018-08-29T09:00:00Z"));
        for (String report : List.of(exempt, unpublished)) {
            fixture.toScheduling("barnet", report);
            fixture.schedule("barnet", report, PublicationFixture.BARNET_MEETING_2018_09_12);
        }
        List<String> documents = agendaDocuments();
        fixture.clock(Instant.parse("2018-09-13T09:00:00Z"));
        fixture.decide("barnet", unpublished, "NOTED", List.of(UNPUBLISHED + " resolution"), UNPUBLISHED + " minutes");
        fixture.decide("barnet", exempt, "RECOMMENDATIONS_APPROVED", List.of(EXEMPT_DECISION + " resolution"),
                EXEMPT_DECISION + " minutes");
        fixture.publish("barnet", exempt, false);
        String towerHamlets = publishTowerHamletsReport();
        fixture.resetClock();
        assertThat(fixture.api.post("barnet.manager", "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/journey-publication",
                null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String meeting = PublicationFixture.BARNET_MEETING_2018_09_12;
        // the meeting's minutes in draft, never approved: the meeting page, minutes.json and minutes.pdf show none of it
        String firstItem = fixture.api.get("barnet.clerk", "/api/t/barnet/meetings/" + meeting).getBody().at("/agenda/0/id").asText();
        assertThat(fixture.api.put("barnet.clerk", "/api/t/barnet/meetings/" + meeting + "/minutes/items/" + firstItem,
                Map.of("minutes", Map.of("minutes", UNPUBLISHED + " draft minutes", "resolutions", List.of(Map.of("text",
                        "That " + UNPUBLISHED + " draft resolution", "points", List.of(UNPUBLISHED + " point"))),
                        "declarations", List.of()), "version", 0)).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("slug", List.of("barnet"));
        values.put("meetingId", List.of(meeting, DemoData.TOWER_HAMLETS_MEETING, UUID.randomUUID().toString()));
        values.put("position", List.of("1", "2", "3", "4"));
        values.put("reportId", List.of(published, draft, exempt, unpublished, towerHamlets));
        values.put("decisionId", List.of(decisionId(published, meeting), decisionId(exempt, meeting),
                decisionId(unpublished, meeting), decisionId(towerHamlets, DemoData.TOWER_HAMLETS_MEETING)));
        values.put("number", List.of("1", "2", "3"));
        values.put("documentId", List.of(documents.get(0), documents.get(1), DemoData.TOWER_HAMLETS_AGENDA_DOCUMENT,
                UUID.randomUUID().toString()));
        values.put("committeeId", List.of(DemoData.BARNET_CES_COMMITTEE, DemoData.TOWER_HAMLETS_CABINET));
        values.put("planId", List.of(DemoData.BARNET_PLAN, DemoData.TOWER_HAMLETS_PLAN));
        values.put("eventId", List.of("00000000-0000-4000-8000-000000001301", DemoData.TOWER_HAMLETS_INSPECTION));
        // the language switch (ADR 0015): a language the council offers, one it does not, and no language at all
        values.put("tag", List.of("en", "cy", "fr"));
        // the stylesheet's name as the council's home page links it, and one that was never published
        Matcher stylesheet = Pattern.compile("site-([0-9a-zA-Z_-]+)\\.css").matcher(text(fixture.bytes("/councils/barnet")));
        assertThat(stylesheet.find()).as("the home page links its stylesheet").isTrue();
        values.put("hash", List.of(stylesheet.group(1), "0000000000"));

        List<String> urls = publicUrls(values);
        // ModernGov's read shape takes its ids as query parameters: the published meeting, another council's, none
        for (String id : List.of(meeting, DemoData.TOWER_HAMLETS_MEETING)) {
            urls.add("/councils/barnet/mgWebService.asmx/GetMeeting?lMeetingId="
                    + org.councilflow.history.moderngov.ModernGovWriter.id(UUID.fromString(id)));
        }
        urls.add("/councils/barnet/mgWebService.asmx/GetMeetings?lCommitteeId=0&sFromDate=01/01/2018&sToDate=31/12/2018");
        assertThat(urls).as("public URLs found").hasSizeGreaterThan(60);
        int ok = 0;
        for (String url : urls) {
            ResponseEntity<byte[]> response = fixture.bytes(url);
            assertThat(response.getStatusCode().value()).as(url).isIn(200, 404);
            String text = text(response);
            for (String secret : SECRETS) {
                if (url.endsWith("?q=" + secret)) {
                    // the search page repeats the query it was asked; it must find nothing for it
                    assertThat(text).as(url).contains("0 results for").doesNotContain("<mark>");
                    continue;
                }
                assertThat(text).as(url + " shows nothing of " + secret).doesNotContainIgnoringCase(secret);
            }
            if (url.contains(draft) || url.contains(exempt) || url.contains(towerHamlets)
                    || url.contains(decisionId(unpublished, meeting)) || url.contains(decisionId(exempt, meeting))
                    || url.contains(DemoData.TOWER_HAMLETS_MEETING) || url.contains(DemoData.TOWER_HAMLETS_PLAN)) {
                assertThat(response.getStatusCode().value()).as(url + " names something not published here").isEqualTo(404);
            }
            ok += response.getStatusCode().value() == 200 ? 1 : 0;
        }
        assertThat(ok).as("published things are there").isGreaterThan(20);
        for (String secret : SECRETS) {
            String page = fixture.get("/councils/barnet/search?q=" + secret).getBody();
            assertThat(page).contains("0 results").doesNotContain("<mark>");
        }
        assertThat(fixture.get("/councils/barnet/meetings/" + meeting).getBody())
                .contains("<span class=\"number\">2</span> Exempt item", "This item is not for publication");
        assertThat(fixture.get("/councils/tower-hamlets/reports/" + towerHamlets).getBody()).contains(TOWER_HAMLETS);

        ResponseEntity<String> suspended = fixture.api.rest().exchange("/api/platform/tenants/barnet/suspension",
                HttpMethod.PUT, new org.springframework.http.HttpEntity<>(Map.of("reason", "Contract ended"),
                        bearer("platform.admin")), String.class);
        assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String url : urls) {
            ResponseEntity<byte[]> response = fixture.bytes(url);
            assertThat(response.getStatusCode().value()).as(url + " of a suspended council").isEqualTo(404);
            assertThat(text(response)).as(url).doesNotContain("Barnet", "Contract ended", "suspended");
        }
        assertThat(fixture.get("/councils/nowhere").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fixture.get("/councils/nowhere").getBody())
                .isEqualTo(fixture.get("/councils/barnet").getBody()).contains("Page not found");
    }

    @Test
    void thePublicSiteAcceptsOnlyReadingAndIgnoresCredentials() {
        ResponseEntity<String> post = rest.exchange("/councils/barnet/decisions", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>("x", bearer("barnet.clerk")), String.class);
        assertThat(post.getStatusCode().value()).isIn(403, 405);
        ResponseEntity<String> withToken = rest.exchange("/councils/barnet/decisions", HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(bearer("barnet.clerk")), String.class);
        assertThat(withToken.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withToken.getHeaders().get("Set-Cookie")).as("no session").isNull();
        assertThat(fixture.get("/councils/barnet/not-a-page").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fixture.get("/councils/barnet/meetings/not-a-uuid").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** On the published agenda, as amendments: a public presentation and an exempt paper. Their ids. */
    private List<String> agendaDocuments() {
        String meeting = "/api/t/barnet/meetings/" + PublicationFixture.BARNET_MEETING_2018_09_12;
        List<String> ids = new java.util.ArrayList<>();
        for (boolean exempt : List.of(false, true)) {
            JsonNode agenda = fixture.api.get("barnet.clerk", meeting).getBody();
            org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
            form.add("title", exempt ? EXEMPT + " paper" : "Committee presentation");
            form.add("kind", exempt ? "BACKGROUND_PAPER" : "PRESENTATION");
            form.add("exempt", String.valueOf(exempt));
            form.add("version", agenda.get("version").asText());
            form.add("amendmentNote", "Supplementary papers");
            form.add("file", new org.springframework.core.io.ByteArrayResource(PublicationFixture.pdf(exempt ? EXEMPT + " paper text"
                    : "Presentation to the Committee")) {
                @Override
                public String getFilename() {
                    return "paper.pdf";
                }
            });
            ResponseEntity<JsonNode> added = fixture.api.post("barnet.clerk", meeting + "/agenda/items/"
                    + agenda.at("/agenda/0/id").asText() + "/documents", form);
            assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
            JsonNode documents = added.getBody().at("/agenda/0/documents");
            ids.add(documents.get(documents.size() - 1).get("id").asText());
        }
        return ids;
    }

    private String publishTowerHamletsReport() {
        String report = fixture.report("tower-hamlets", DemoData.TOWER_HAMLETS_PLAN, document -> {
            ObjectNode header = (ObjectNode) document.get("header");
            header.put("title", TOWER_HAMLETS + " children's services update");
            document.put("summary", TOWER_HAMLETS + " summary");
        });
        fixture.clock(Instant.parse("2018-09-10T09:00:00Z"));
        fixture.toScheduling("tower-hamlets", report);
        fixture.schedule("tower-hamlets", report, DemoData.TOWER_HAMLETS_MEETING);
        fixture.clock(Instant.parse("2018-09-27T09:00:00Z"));
        fixture.decide("tower-hamlets", report, "NOTED", List.of(TOWER_HAMLETS + " resolution"), TOWER_HAMLETS + " minutes");
        fixture.publish("tower-hamlets", report, false);
        return report;
    }

    private static void marked(ObjectNode document, String marker, boolean exempt) {
        ObjectNode header = (ObjectNode) document.get("header");
        header.put("title", marker + " report title");
        if (exempt) {
            header.put("status", "EXEMPT");
            header.put("exemption", "Paragraph 1 of Schedule 12A: information relating to an individual");
        }
        document.put("summary", marker + " summary of the report");
        ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("recommendations")).insert(0, marker + " recommendation");
    }

    static String decisionId(String reportId, String meetingId) {
        return UUID.nameUUIDFromBytes(("decision:" + reportId + ":" + meetingId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Every GET mapping under the public prefix, with every combination of the given path variable values. */
    private List<String> publicUrls(Map<String, List<String>> values) {
        TreeSet<String> patterns = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/councils/")) {
                    assertThat(info.getMethodsCondition().getMethods()).as(pattern + " only reads").containsOnly(RequestMethod.GET);
                    patterns.add(pattern);
                }
            }
        }
        assertThat(patterns).as("public mappings").hasSizeGreaterThanOrEqualTo(20);
        List<String> urls = new ArrayList<>();
        for (String pattern : patterns) {
            List<String> expanded = List.of(pattern.replace("/**", "/anything/else"));
            Matcher matcher = VARIABLE.matcher(pattern);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!values.containsKey(name)) {
                    fail("Public URL " + pattern + " has a path variable {" + name + "} with no fixture: add its values to"
                            + " this test so the new URL is walked too");
                }
                List<String> next = new ArrayList<>();
                for (String url : expanded) {
                    for (String value : values.get(name)) {
                        next.add(url.replaceFirst(Pattern.quote("{" + name + "}"), Matcher.quoteReplacement(value)));
                    }
                }
                expanded = next;
            }
            for (String url : expanded) {
                urls.add(url);
                if (url.endsWith("/search")) {
                    SECRETS.forEach(secret -> urls.add(url + "?q=" + secret));
                    urls.add(url + "?q=report");
                }
            }
        }
        return urls;
    }

    /** What a response says, PDFs as their text. */
    private static String text(ResponseEntity<byte[]> response) throws IOException {
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody();
        if (response.getHeaders().getContentType() != null
                && response.getHeaders().getContentType().toString().startsWith("application/pdf")) {
            try (PDDocument pdf = Loader.loadPDF(body)) {
                return new PDFTextStripper().getText(pdf);
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static org.springframework.http.HttpHeaders bearer(String user) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(org.councilflow.support.Tokens.of(user));
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return headers;
    }
}
