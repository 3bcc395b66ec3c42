package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.councilflow.support.ReferenceDecision;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A bilingual council's public site (ADR 0015): every page type in Welsh with no English words of the site's own on
 * it, in English with none of the Welsh; the reader's choice by address and cookie, with caches told what varies;
 * the council's Welsh text beside the English, the other language shown and marked; Welsh search, PDFs and feeds.
 */
@IntegrationTest
class WelshPublicSiteIntegrationTests {

    static final String WELSH_TITLE = "Adroddiad cynnydd: gwasanaethau plant a’u hŵyr";
    static final String WELSH_SUMMARY = "Mae’r adroddiad hwn yn dangos y cynnydd ers yr arolygiad; ŵyr, tŷ a châr.";
    static final String WELSH_RECOMMENDATION = "Bod y Pwyllgor yn nodi’r cynnydd a wnaed.";
    static final String MEETING = PublicationFixture.BARNET_MEETING_2018_09_12;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublicationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new PublicationFixture(rest, engine);
    }

    @AfterEach
    void resetClock() {
        fixture.resetClock();
    }

    /** Sets Barnet's languages through the API, as its tenant-admin does. */
    static ResponseEntity<JsonNode> languages(PublicationFixture fixture, String council, Object languages) {
        JsonNode current = fixture.api.get(council + ".tenant-admin", "/api/t/" + council).getBody();
        ObjectNode settings = ((ObjectNode) current.get("settings")).deepCopy();
        settings.putPOJO("languages", languages);
        return fixture.api.put(council + ".tenant-admin", "/api/t/" + council + "/settings", Map.of(
                "displayName", current.get("displayName").asText(), "version", current.get("version").asInt(),
                "settings", settings));
    }

    /** A report with Welsh text beside the English, through the cycle to a published decision; its id. */
    static String publishWelshDecision(PublicationFixture fixture) {
        String reportId = fixture.report("barnet", DemoData.BARNET_PLAN, document -> {
            ObjectNode welsh = document.putObject("welsh");
            welsh.put("title", WELSH_TITLE);
            welsh.put("summary", WELSH_SUMMARY);
            welsh.putArray("recommendations").add(WELSH_RECOMMENDATION);
        });
        fixture.clock(Instant.parse("2018-08-28T09:00:00Z"));
        fixture.toScheduling("barnet", reportId);
        fixture.schedule("barnet", reportId, MEETING);
        fixture.clock(Instant.parse("2018-09-12T21:30:00Z"));
        fixture.decide("barnet", reportId, "RECOMMENDATIONS_APPROVED", List.of("That the Committee note the progress."),
                "The Committee considered the report.");
        fixture.clock(Instant.parse("2018-10-02T09:00:00Z"));
        fixture.publish("barnet", reportId, false);
        fixture.resetClock();
        return reportId;
    }

    /** Every public page type of Barnet, by name, for the Welsh checks here and in the browser. */
    static Map<String, String> pages(String welshReport, String englishReport) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/councils/barnet");
        pages.put("meetings", "/councils/barnet/meetings");
        pages.put("meeting", "/councils/barnet/meetings/" + MEETING);
        pages.put("agenda-item", "/councils/barnet/meetings/" + MEETING + "/items/1");
        pages.put("report", "/councils/barnet/reports/" + welshReport);
        pages.put("report-english-only", "/councils/barnet/reports/" + englishReport);
        pages.put("decisions", "/councils/barnet/decisions");
        pages.put("decision", "/councils/barnet/decisions/" + OnlyPublishedIntegrationTests.decisionId(welshReport, MEETING));
        pages.put("journeys", "/councils/barnet/improvement-journey");
        pages.put("journey", "/councils/barnet/improvement-journey/" + DemoData.BARNET_PLAN);
        pages.put("search", "/councils/barnet/search?q=penderfyniad");
        pages.put("open-data", "/councils/barnet/open-data");
        pages.put("not-found", "/councils/barnet/meetings/00000000-0000-4000-8000-000000000000");
        return pages;
    }

    @Test
    void everyPageTypeInWelshHasNoEnglishWordsOfTheSiteAndInEnglishNoneOfTheWelsh() throws IOException {
        assertThat(languages(fixture, "barnet", "BILINGUAL").getStatusCode()).isEqualTo(HttpStatus.OK);
        String welshReport = publishWelshDecision(fixture);
        String englishReport = DecisionPageIntegrationTests.publishBarnetDecision(fixture, ReferenceDecision.read());
        assertThat(fixture.api.post("barnet.manager", "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/journey-publication",
                null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<String> content = content();
        Properties english = bundle("messages");
        Properties welsh = bundle("messages_cy");

        Map<String, List<String>> englishOnWelsh = new LinkedHashMap<>();
        Map<String, List<String>> welshOnEnglish = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : pages(welshReport, englishReport).entrySet()) {
            String path = page.getValue() + (page.getValue().contains("?") ? "&" : "?");
            Document cy = Jsoup.parse(fixture.get(path + "lang=cy").getBody());
            Document en = Jsoup.parse(fixture.get(path + "lang=en").getBody());
            assertThat(cy.selectFirst("html").attr("lang")).as(page.getKey()).isEqualTo("cy");
            assertThat(en.selectFirst("html").attr("lang")).as(page.getKey()).isEqualTo("en-GB");
            if (!page.getKey().equals("not-found")) {
                String base = page.getValue().replaceFirst("\\?.*", "");
                assertThat(cy.select("link[rel=alternate][hreflang]")).as(page.getKey()).extracting(e -> e.attr("hreflang") + " " + e.attr("href"))
                        .containsExactly("cy " + base + "?lang=cy", "en " + base + "?lang=en");
                assertThat(cy.selectFirst("header .language a[lang=en]").text()).isEqualTo("English");
                assertThat(en.selectFirst("header .language a[lang=cy]").text()).isEqualTo("Cymraeg");
                assertThat(cy.select("nav.site a").eachAttr("href")).allMatch(href -> href.endsWith("?lang=cy"));
            }
            englishOnWelsh.put(page.getKey(), found(cy, english, welsh, content));
            welshOnEnglish.put(page.getKey(), found(en, welsh, english, content));
        }
        assertThat(englishOnWelsh).allSatisfy((page, words) -> assertThat(words).as("English on the Welsh " + page).isEmpty());
        assertThat(welshOnEnglish).allSatisfy((page, words) -> assertThat(words).as("Welsh on the English " + page).isEmpty());
    }

    @Test
    void theCouncilsWelshTextIsShownOnWelshPagesAndTheOtherLanguageIsMarkedWhereOneIsMissing() throws IOException {
        languages(fixture, "barnet", "BILINGUAL");
        String welshReport = publishWelshDecision(fixture);
        String englishReport = DecisionPageIntegrationTests.publishBarnetDecision(fixture, ReferenceDecision.read());

        Document cy = Jsoup.parse(fixture.get("/councils/barnet/reports/" + welshReport + "?lang=cy").getBody());
        assertThat(cy.selectFirst("h1").ownText()).isEqualTo(WELSH_TITLE);
        assertThat(cy.selectFirst("div[lang=cy]").text()).isEqualTo(WELSH_SUMMARY);
        assertThat(cy.selectFirst("ol.recommendations[lang=cy]").text()).isEqualTo(WELSH_RECOMMENDATION);
        assertThat(cy.select(".missing")).isEmpty();
        assertThat(cy.text()).contains("Cyhoeddwyd", "Medi 2018");

        Document en = Jsoup.parse(fixture.get("/councils/barnet/reports/" + welshReport + "?lang=en").getBody());
        assertThat(en.selectFirst("h1").ownText()).isNotEqualTo(WELSH_TITLE);
        assertThat(en.text()).doesNotContain(WELSH_SUMMARY);

        Document englishOnly = Jsoup.parse(fixture.get("/councils/barnet/reports/" + englishReport + "?lang=cy").getBody());
        assertThat(englishOnly.selectFirst("h1 span[lang=en]").text()).isEqualTo(DecisionPageIntegrationTests.TITLE);
        assertThat(englishOnly.select(".missing").eachText()).contains("(Nid yw’r testun Cymraeg ar gael)".replace('’', '\''),
                "Nid yw'r testun Cymraeg ar gael");

        Document decision = Jsoup.parse(fixture.get("/councils/barnet/decisions/"
                + OnlyPublishedIntegrationTests.decisionId(welshReport, MEETING) + "?lang=cy").getBody());
        assertThat(decision.selectFirst("h1").ownText()).isEqualTo(WELSH_TITLE);
        assertThat(decision.text()).contains("Cymeradwywyd yr argymhellion", "02/10/2018");
    }

    @Test
    void theLanguageComesFromTheAddressThenTheRememberedChoiceThenTheCouncilAndCachesAreToldWhatVaries() {
        String report = publishWelshDecision(fixture);
        String path = "/councils/barnet/reports/" + report;

        // English only: Welsh is not offered, by address or switch
        ResponseEntity<String> englishOnly = fixture.get(path + "?lang=cy");
        assertThat(Jsoup.parse(englishOnly.getBody()).selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(Jsoup.parse(englishOnly.getBody()).select("header .language")).isEmpty();
        assertThat(fixture.get("/councils/barnet/language/cy?page=/meetings").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        languages(fixture, "barnet", "BILINGUAL");
        ResponseEntity<String> first = fixture.get(path);
        assertThat(first.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("cy");
        assertThat(first.getHeaders().getVary()).contains("Cookie");
        HttpHeaders englishCookie = new HttpHeaders();
        englishCookie.add(HttpHeaders.COOKIE, "councilflow-lang=en");
        ResponseEntity<String> remembered = fixture.get(path, englishCookie);
        assertThat(remembered.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
        assertThat(remembered.getHeaders().getETag()).isNotEqualTo(first.getHeaders().getETag());
        ResponseEntity<String> addressed = fixture.get(path + "?lang=cy", englishCookie);
        assertThat(addressed.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("cy");
        assertThat(addressed.getHeaders().getVary()).doesNotContain("Cookie");
        assertThat(addressed.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
        HttpHeaders conditional = new HttpHeaders();
        conditional.setIfNoneMatch(first.getHeaders().getETag());
        assertThat(fixture.get(path + "?lang=en", conditional).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fixture.get(path + "?lang=cy", conditional).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);

        HttpResponse<Void> chosen = unfollowed("/councils/barnet/language/en?page=/reports/" + report);
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.headers().firstValue("Location")).hasValue("/councils/barnet/reports/" + report + "?lang=en");
        assertThat(chosen.headers().firstValue("Set-Cookie")).get().asString().startsWith("councilflow-lang=en")
                .contains("Path=/councils/barnet", "HttpOnly", "SameSite=Lax");
        assertThat(chosen.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        // abuse: the switch follows only a path of this council's site, and only a language the council offers
        for (String hostile : List.of("//evil.example/x", "https://evil.example", "/../../admin", "/x\r\nSet-Cookie:a=b")) {
            HttpResponse<Void> redirected = unfollowed("/councils/barnet/language/en?page="
                    + java.net.URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            assertThat(redirected.headers().firstValue("Location")).as(hostile).hasValue("/councils/barnet?lang=en");
        }
        assertThat(fixture.get("/councils/barnet/language/fr").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fixture.get("/councils/tower-hamlets/language/cy").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders hostileCookie = new HttpHeaders();
        hostileCookie.add(HttpHeaders.COOKIE, "councilflow-lang=<script>");
        assertThat(fixture.get(path, hostileCookie).getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("cy");
    }

    @Test
    void aWelshCouncilSitesPdfsFeedsAndSearchAreWelsh() throws IOException {
        languages(fixture, "barnet", "WELSH");
        String report = publishWelshDecision(fixture);

        ResponseEntity<byte[]> pdf = fixture.bytes("/councils/barnet/reports/" + report + "/report.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("cy");
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("ŵyr", "tŷ", "châr", "Crynodeb", "Argymhellion", "Tudalen 1 o");
        }
        String feed = fixture.get("/councils/barnet/decisions.atom").getBody();
        assertThat(feed).contains("<dc:language>cy</dc:language>", "<title>Penderfyniadau London Borough of Barnet</title>",
                "<title>Penderfyniad: " + WELSH_TITLE + "</title>", "Cymeradwywyd yr argymhellion gan ");
        String calendar = fixture.get("/councils/barnet/meetings.ics").getBody();
        assertThat(calendar).contains("Cyfarfodydd London Borough of Barnet");

        String decision = "/decisions/" + OnlyPublishedIntegrationTests.decisionId(report, MEETING);
        assertThat(hits("penderfyniad")).contains(decision);
        assertThat(hits("hŵyr")).contains("/reports/" + report);
        assertThat(hits("hwyr")).contains("/reports/" + report);
        assertThat(hits("tŷ")).contains("/reports/" + report);
        assertThat(hits("ty")).contains("/reports/" + report);
        Document results = Jsoup.parse(fixture.get("/councils/barnet/search?q=penderfyniad").getBody());
        assertThat(results.select("ol.results a[lang=cy]").eachText()).contains("Penderfyniad: " + WELSH_TITLE);
    }

    @Test
    void languagesAndWelshTextAreValidatedAndBelongToTheirCouncil() {
        ResponseEntity<JsonNode> unknown = languages(fixture, "barnet", "KLINGON");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().toString()).contains("languages");
        JsonNode current = fixture.api.get("barnet.tenant-admin", "/api/t/barnet").getBody();
        ObjectNode settings = ((ObjectNode) current.get("settings")).deepCopy();
        settings.put("languages", "BILINGUAL");
        ResponseEntity<JsonNode> notAdmin = fixture.api.put("barnet.manager", "/api/t/barnet/settings", Map.of(
                "displayName", current.get("displayName").asText(), "version", current.get("version").asInt(), "settings", settings));
        assertThat(notAdmin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(fixture.api.get("barnet.tenant-admin", "/api/t/barnet").getBody().at("/settings/languages").asText())
                .isEqualTo("ENGLISH");

        String report = fixture.report("barnet", DemoData.BARNET_PLAN, document -> { });
        String part = "/api/t/barnet/reports/" + report + "/parts/welsh";
        ResponseEntity<JsonNode> saved = fixture.api.put("barnet.author", part, Map.of("revision", 0, "content",
                Map.of("title", WELSH_TITLE, "summary", WELSH_SUMMARY, "recommendations", List.of(WELSH_RECOMMENDATION))));
        assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody().at("/document/welsh/title").asText()).isEqualTo(WELSH_TITLE);
        ResponseEntity<JsonNode> tooLong = fixture.api.put("barnet.author", part, Map.of("revision", 1, "content",
                Map.of("title", "ŵ".repeat(501))));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> unknownField = fixture.api.put("barnet.author", part, Map.of("revision", 1, "content",
                Map.of("teitl", "x")));
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> otherCouncil = fixture.api.put("tower-hamlets.author", "/api/t/tower-hamlets/reports/" + report
                + "/parts/welsh", Map.of("revision", 1, "content", Map.of("title", "x")));
        assertThat(otherCouncil.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fixture.api.get("barnet.author", "/api/t/barnet/reports/" + report).getBody().at("/document/welsh/title")
                .asText()).isEqualTo(WELSH_TITLE);
    }

    private HttpResponse<Void> unfollowed(String path) {
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> hits(String query) {
        Document page = Jsoup.parse(fixture.get("/councils/barnet/search?q=" + query).getBody());
        return page.select("ol.results a").eachAttr("href").stream().map(h -> h.replaceFirst("^/councils/barnet", "")
                .replaceFirst("\\?.*", "")).toList();
    }

    /** The council's own names on its pages (its name, committees, venues): content, in whatever language it gave them. */
    private List<String> content() {
        List<String> content = new ArrayList<>(List.of("London Borough of Barnet"));
        JsonNode meeting = fixture.api.get("barnet.clerk", "/api/t/barnet/meetings/" + MEETING).getBody();
        content.add(meeting.get("committeeName").asText());
        content.add(meeting.get("venue").asText());
        return content;
    }

    /**
     * The site's words of bundle {@code words} (those that differ in {@code other}) found on {@code page}, leaving out
     * what is content: people's text (marked {@code dir="auto"}), text marked as the other language, and names.
     */
    static List<String> found(Document page, Properties words, Properties other, List<String> content) {
        Document copy = page.clone();
        copy.select("[dir=auto], [lang]:not(html), head").remove();
        String text = copy.text();
        for (String name : content) {
            text = text.replace(name, " ");
        }
        List<String> found = new ArrayList<>();
        for (String key : words.stringPropertyNames()) {
            String value = words.getProperty(key);
            if (key.startsWith("format.") || value.contains("choice") || value.equals(other.getProperty(key))) {
                continue;
            }
            for (String fragment : value.replace("''", "'").split("\\{[^}]*\\}|[“”():;,.]")) {
                String words2 = fragment.strip();
                if (words2.length() >= 4 && words2.chars().anyMatch(Character::isLetter) && !inAny(other, words2)
                        && containsWords(text, words2)) {
                    found.add(key + ": " + words2);
                }
            }
        }
        return found;
    }

    private static boolean inAny(Properties bundle, String fragment) {
        return bundle.values().stream().anyMatch(v -> v.toString().replace("''", "'").contains(fragment));
    }

    private static boolean containsWords(String text, String words) {
        return java.util.regex.Pattern.compile("(?<![\\p{L}])" + java.util.regex.Pattern.quote(words) + "(?![\\p{L}])")
                .matcher(text).find();
    }

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = WelshPublicSiteIntegrationTests.class.getResourceAsStream("/publication/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
