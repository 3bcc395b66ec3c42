package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.councilflow.support.ReferenceDecision;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** The machine-readable and printable forms of what Barnet published, the search, caching and call-in. */
@IntegrationTest
class PublicSiteIntegrationTests {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String RFC3339 = "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)$";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublicationFixture fixture;
    ReferenceDecision reference;
    String reportId;
    String decisionId;

    @BeforeEach
    void publish() throws IOException {
        fixture = new PublicationFixture(rest, engine);
        reference = ReferenceDecision.read();
        reportId = DecisionPageIntegrationTests.publishBarnetDecision(fixture, reference);
        decisionId = OnlyPublishedIntegrationTests.decisionId(reportId, PublicationFixture.BARNET_MEETING_2018_09_12);
    }

    @AfterEach
    void resetClock() {
        fixture.resetClock();
    }

    @Test
    void everyFeedIsValidAtom() throws Exception {
        for (String path : List.of("/councils/barnet/decisions.atom", "/councils/barnet/meetings.atom",
                "/councils/barnet/committees/" + DemoData.BARNET_CES_COMMITTEE + "/decisions.atom",
                "/councils/barnet/committees/" + DemoData.BARNET_CES_COMMITTEE + "/meetings.atom")) {
            ResponseEntity<String> response = fixture.get(path);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
            assertValidAtom(path, response.getBody());
            SyndFeed feed = new SyndFeedInput().build(new StringReader(response.getBody()));
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getEntries()).as(path).hasSize(1);
            assertThat(feed.getEntries().get(0).getTitle()).contains(path.contains("decisions")
                    ? DecisionPageIntegrationTests.TITLE : "Children, Education & Safeguarding Committee, 12 September 2018");
            assertThat(feed.getEntries().get(0).getLink()).startsWith("http://").contains("/councils/barnet/");
        }
    }

    /** The requirements of RFC 4287 a parser would not insist on. */
    private static void assertValidAtom(String path, String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(children(feed, "id")).as(path + " atom:id").hasSize(1);
        assertThat(java.net.URI.create(children(feed, "id").get(0).getTextContent()).isAbsolute()).isTrue();
        assertThat(children(feed, "title")).hasSize(1);
        assertThat(children(feed, "updated")).hasSize(1);
        assertThat(children(feed, "updated").get(0).getTextContent()).matches(RFC3339);
        assertThat(children(feed, "author")).as("a feed without authors needs them on every entry").isNotEmpty();
        assertThat(children(children(feed, "author").get(0), "name")).hasSize(1);
        assertThat(children(feed, "link").stream().filter(l -> "self".equals(l.getAttribute("rel"))).count()).isEqualTo(1);
        for (Element entry : children(feed, "entry")) {
            assertThat(children(entry, "id")).hasSize(1);
            assertThat(java.net.URI.create(children(entry, "id").get(0).getTextContent()).isAbsolute()).isTrue();
            assertThat(children(entry, "title")).hasSize(1);
            assertThat(children(entry, "updated")).hasSize(1);
            assertThat(children(entry, "updated").get(0).getTextContent()).matches(RFC3339);
            assertThat(children(entry, "link").stream().filter(l -> l.getAttribute("rel").isEmpty()
                    || "alternate".equals(l.getAttribute("rel"))).count()).as("an entry without content needs an alternate link").isEqualTo(1);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    @Test
    void theOpenDataJsonMatchesItsPublishedSchemaAndTheCsvHasTheSameDecision() throws Exception {
        ResponseEntity<String> response = fixture.get("/councils/barnet/decisions.json");
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/json");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode data = mapper.readTree(response.getBody());
        String schemaUrl = data.get("$schema").asText();
        assertThat(schemaUrl).endsWith("/councils/barnet/open-data/decisions.schema.json");
        String schemaText = fixture.get(schemaUrl.substring(schemaUrl.indexOf("/councils/"))).getBody();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schemaText, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

        Set<ValidationMessage> errors = schema.validate(data);

        assertThat(errors).isEmpty();
        JsonNode decision = data.get("decisions").get(0);
        assertThat(data.get("decisions")).hasSize(1);
        assertThat(decision.get("id").asText()).isEqualTo(decisionId);
        assertThat(decision.get("decisionMaker").asText()).isEqualTo("Children, Education & Safeguarding Committee");
        assertThat(decision.get("status").asText()).isEqualTo("Recommendations Approved");
        assertThat(decision.get("dateOfDecision").asText()).isEqualTo("2018-09-12");
        assertThat(decision.get("callInState").asText()).isEqualTo("effective");
        assertThat(decision.get("resolutions")).hasSize(5);
        assertThat(decision.get("resolutions").get(3).asText()).isEqualTo(reference.resolutions().get(3));
        ObjectNode broken = (ObjectNode) data.deepCopy();
        ((ObjectNode) broken.get("decisions").get(0)).put("status", "Approved by nobody");
        ((ObjectNode) broken.get("decisions").get(0)).remove("resolutions");
        assertThat(schema.validate(broken)).as("the schema does reject what is wrong").hasSize(2);

        ResponseEntity<String> csv = fixture.get("/councils/barnet/decisions.csv");
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).as("a byte-order mark first").startsWith("\uFEFF");
        List<List<String>> rows = parseCsv(csv.getBody().substring(1));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("id", "url", "title", "decisionMaker");
        assertThat(rows.get(1).get(0)).isEqualTo(decisionId);
        assertThat(rows.get(1).get(2)).isEqualTo(DecisionPageIntegrationTests.TITLE);
        assertThat(rows.get(1).get(rows.get(0).indexOf("resolutions")).split("\n")).hasSize(5);
        assertThat(rows.get(1).get(rows.get(0).indexOf("minutes"))).isEqualTo(reference.minutes());
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void theMeetingsCalendarParsesAsICalendar() throws Exception {
        for (String path : List.of("/councils/barnet/meetings.ics",
                "/councils/barnet/committees/" + DemoData.BARNET_CES_COMMITTEE + "/meetings.ics")) {
            ResponseEntity<String> response = fixture.get(path);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("text/calendar");
            assertThat(response.getBody()).contains("\r\n").doesNotContain("\n\n");

            Calendar calendar = new CalendarBuilder().build(new StringReader(response.getBody()));

            calendar.validate();
            List<VEvent> events = calendar.getComponents("VEVENT");
            assertThat(events).hasSize(1);
            VEvent meeting = events.get(0);
            assertThat(meeting.getSummary().get().getValue()).isEqualTo("Children, Education & Safeguarding Committee");
            assertThat(meeting.getLocation().get().getValue()).isEqualTo("Hendon Town Hall, The Burroughs, London NW4 4BQ");
            assertThat(Instant.from(meeting.getDateTimeStart().get().getDate())).isEqualTo(Instant.parse("2018-09-12T18:00:00Z"));
            assertThat(meeting.getDescription().get().getValue()).contains("1. " + DecisionPageIntegrationTests.TITLE);
        }
    }

    @Test
    void theReportAndTheAgendaPackAreTaggedPdfsWithTheRecommendationsAndBookmarks() throws IOException {
        List<String> recommendations = new ArrayList<>();
        new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"))
                .get("recommendations").forEach(r -> recommendations.add(r.asText()));
        for (String path : List.of("/councils/barnet/reports/" + reportId + "/report.pdf",
                "/councils/barnet/meetings/" + PublicationFixture.BARNET_MEETING_2018_09_12 + "/agenda-pack.pdf")) {
            ResponseEntity<byte[]> response = fixture.bytes(path);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
            java.nio.file.Path copy = java.nio.file.Path.of("target/screenshots/public-site", path.substring(path.lastIndexOf('/') + 1));
            java.nio.file.Files.createDirectories(copy.getParent());
            java.nio.file.Files.write(copy, response.getBody()); // for a reviewer to look at
            try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
                var catalog = pdf.getDocumentCatalog();
                assertThat(catalog.getStructureTreeRoot()).as(path + " structure tree").isNotNull();
                assertThat(catalog.getStructureTreeRoot().getKids()).isNotEmpty();
                assertThat(catalog.getMarkInfo()).isNotNull();
                assertThat(catalog.getMarkInfo().isMarked()).isTrue();
                assertThat(catalog.getLanguage()).isEqualTo("en-GB");
                assertThat(pdf.getDocumentInformation().getTitle()).isNotBlank();
                assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
                String text = ReferenceDecision.normalise(new PDFTextStripper().getText(pdf));
                for (String recommendation : recommendations) {
                    assertThat(text).contains(ReferenceDecision.normalise(recommendation));
                }
                List<String> bookmarks = new ArrayList<>();
                for (PDOutlineItem item : catalog.getDocumentOutline().children()) {
                    bookmarks.add(item.getTitle());
                }
                assertThat(bookmarks).as(path + " bookmarks").isNotEmpty();
                if (path.endsWith("agenda-pack.pdf")) {
                    assertThat(bookmarks).contains("Agenda", "Item 1: " + DecisionPageIntegrationTests.TITLE,
                            "Item 1, appendix 3: Family Services Performance Report");
                    assertThat(text).as("the appendices that are PDFs are in the pack")
                            .contains("Family Services Performance Report", "The Statutory Direction issued to Barnet Council in June 2018");
                    List<String> figures = new ArrayList<>();
                    collectFigures(catalog.getStructureTreeRoot(), figures);
                    assertThat(figures).hasSize(3).allMatch(alt -> alt.contains("reproduced as supplied")
                            && alt.contains("/councils/barnet/reports/" + reportId + "/appendices/"));
                } else {
                    assertThat(bookmarks).contains("Summary", "Recommendations");
                }
            }
        }
    }

    private static void collectFigures(PDStructureNode node, List<String> alts) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType()) && element.getAlternateDescription() != null) {
                    alts.add(element.getAlternateDescription());
                }
                collectFigures(element, alts);
            }
        }
    }

    @Test
    void searchFindsReportsMinutesAndDecisionsRankedWithTheMatchesHighlighted() {
        ResponseEntity<String> response = fixture.get("/councils/barnet/search?q=monitoring visit letter");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var page = Jsoup.parse(response.getBody());

        var results = page.select("ol.results > li");
        assertThat(results).hasSizeGreaterThanOrEqualTo(3);
        assertThat(results.select("a").eachAttr("href")).contains("/councils/barnet/reports/" + reportId,
                "/councils/barnet/decisions/" + decisionId,
                "/councils/barnet/meetings/" + PublicationFixture.BARNET_MEETING_2018_09_12 + "/items/1");
        assertThat(results.select("mark").eachText()).isNotEmpty()
                .allMatch(mark -> mark.toLowerCase().startsWith("monitor") || mark.toLowerCase().startsWith("visit")
                        || mark.toLowerCase().startsWith("letter"));
        assertThat(Jsoup.parse(fixture.get("/councils/barnet/search?q=knife crime").getBody()).select("ol.results > li a")
                .eachAttr("href")).as("only the minutes mention knife crime")
                .containsExactly("/councils/barnet/meetings/" + PublicationFixture.BARNET_MEETING_2018_09_12 + "/items/1");
        assertThat(fixture.get("/councils/barnet/search?q=\"unbalanced quote & <b>| !").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void pagesCarryCacheHeadersAndAConditionalRequestGetsNotModified() {
        String path = "/councils/barnet/decisions/" + decisionId;
        ResponseEntity<String> first = fixture.get(path);
        String etag = first.getHeaders().getETag();
        assertThat(etag).isNotBlank();
        assertThat(first.getHeaders().getCacheControl()).contains("public").contains("max-age=300");
        assertThat(first.getHeaders().getLastModified()).isEqualTo(Instant.parse("2018-10-02T09:00:00Z").toEpochMilli());
        assertThat(first.getHeaders().get("Set-Cookie")).isNull();

        HttpHeaders ifNoneMatch = new HttpHeaders();
        ifNoneMatch.setIfNoneMatch(etag);
        assertThat(fixture.get(path, ifNoneMatch).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        HttpHeaders ifModifiedSince = new HttpHeaders();
        ifModifiedSince.setIfModifiedSince(first.getHeaders().getLastModified());
        assertThat(fixture.get(path, ifModifiedSince).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        for (String other : List.of("/councils/barnet/meetings", "/councils/barnet/decisions.atom", "/councils/barnet/meetings.ics",
                "/councils/barnet/decisions.json", "/councils/barnet/reports/" + reportId + "/report.pdf",
                "/councils/barnet/reports/" + reportId + "/appendices/1")) {
            ResponseEntity<byte[]> response = fixture.bytes(other);
            assertThat(response.getHeaders().getCacheControl()).as(other).contains("public");
            HttpHeaders conditional = new HttpHeaders();
            conditional.setIfNoneMatch(response.getHeaders().getETag());
            assertThat(rest.exchange(other, org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(conditional),
                    byte[].class).getStatusCode()).as(other).isEqualTo(HttpStatus.NOT_MODIFIED);
        }
        org.springframework.util.LinkedMultiValueMap<String, Object> late = new org.springframework.util.LinkedMultiValueMap<>();
        late.add("title", "A late appendix");
        late.add("file", new org.springframework.core.io.ByteArrayResource(PublicationFixture.pdf("Late")) {
            @Override
            public String getFilename() {
                return "late.pdf";
            }
        });
        assertThat(fixture.api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/appendices", late).getStatusCode())
                .as("a signed-off report takes no late appendix").isEqualTo(HttpStatus.CONFLICT);
        assertThat(fixture.get(path).getHeaders().getETag()).as("unchanged until something is published").isEqualTo(etag);
        assertThat(fixture.get(path).getBody()).doesNotContain("A late appendix");
        assertThat(fixture.get("/councils/barnet/reports/" + reportId + "/appendices/4").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDecisionInItsCallInPeriodSaysUntilWhenAndACallInIsShownAsAnAmendment() {
        Instant now = Instant.now();
        String report = fixture.report("barnet", DemoData.BARNET_PLAN, document -> ((ObjectNode) document.get("header"))
                .put("title", "Call-in test report"));
        String meeting = fixture.meeting("barnet", DemoData.BARNET_CES_COMMITTEE, now.plus(14, ChronoUnit.DAYS), "Hendon Town Hall");
        fixture.toScheduling("barnet", report);
        fixture.schedule("barnet", report, meeting);
        fixture.clock(now.plus(15, ChronoUnit.DAYS));
        fixture.decide("barnet", report, "NOTED", List.of("Noted."), "Discussed.");
        fixture.publish("barnet", report, true);
        fixture.resetClock();
        String path = "/councils/barnet/decisions/" + OnlyPublishedIntegrationTests.decisionId(report, meeting);

        ResponseEntity<String> open = fixture.get(path);
        var page = Jsoup.parse(open.getBody());
        assertThat(page.selectFirst("#call-in-state").text()).startsWith("In call-in period until ");
        assertThat(page.select("#amendments")).isEmpty();
        assertThat(fixture.api.post("barnet.member", "/api/t/barnet/reports/" + report + "/call-in",
                Map.of("reason", "The budget needs scrutiny")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> calledIn = fixture.get(path);
        page = Jsoup.parse(calledIn.getBody());
        assertThat(page.selectFirst("#call-in-state").text()).startsWith("Called in on ");
        assertThat(page.selectFirst("#amendments").text()).contains("This decision has been amended since it was first"
                + " published", "Called in for scrutiny on");
        assertThat(calledIn.getHeaders().getETag()).isNotEqualTo(open.getHeaders().getETag());
        JsonNode data = fixture.api.rest().getForObject("/councils/barnet/decisions.json", JsonNode.class);
        JsonNode decision = data.get("decisions").get(0);
        assertThat(decision.get("callInState").asText()).isEqualTo("called-in");
        assertThat(decision.get("amendments")).hasSize(1);
    }

    @Test
    void theImprovementJourneyIsATimelineOfTheInspectionEventsOnceTheManagerPublishesIt() {
        String path = "/councils/barnet/improvement-journey/" + DemoData.BARNET_PLAN;
        assertThat(fixture.get(path).getStatusCode()).as("not before it is published").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fixture.api.post("barnet.author", "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/journey-publication",
                null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> published = fixture.api.post("barnet.manager", "/api/t/barnet/plans/" + DemoData.BARNET_PLAN
                + "/journey-publication", null);

        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(published.getBody().get("path").asText()).isEqualTo(path);
        var page = Jsoup.parse(fixture.get(path).getBody());
        assertThat(page.select("ol.timeline > li > h2").eachText()).containsExactly(
                "24 April 2017 to 18 May 2017: Ofsted Single Inspection Framework",
                "1 November 2017: First Ofsted monitoring visit");
        assertThat(page.select("ol.timeline > li").get(0).text()).contains("Judgement: Inadequate");
        assertThat(page.selectFirst("main > p").text()).contains("Inadequate", "Ofsted Single Inspection Framework (SIF)");
    }
}
