package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilflow.support.ReferenceDecision.normalise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.support.IntegrationTest;
import org.councilflow.support.ReferenceDecision;
import org.flowable.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Barnet decision of 12 September 2018, published through the real cycle, yields a decision page whose every
 * field equals the published decision details page in {@code reference/}.
 */
@IntegrationTest
class DecisionPageIntegrationTests {

    static final String TITLE = "Update report on the progress of Barnet Children's Services Improvement Action Plan and"
            + " other CES Committee priorities, including quarterly performance report updates for Q1 2018-19";
    static final List<String> APPENDICES = List.of("The Statutory Direction issued to Barnet Council in June 2018",
            "OFSTED Monitoring Visit Letter – August 2018", "Family Services Performance Report");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublicationFixture fixture;
    ReferenceDecision reference;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new PublicationFixture(rest, engine);
        reference = ReferenceDecision.read();
    }

    @AfterEach
    void resetClock() {
        fixture.resetClock();
    }

    @Test
    void theBarnetDecisionOf12September2018PublishedThroughTheCycleReadsAsTheCouncilsOwnPage() {
        String reportId = publishBarnetDecision(fixture, reference);

        ResponseEntity<String> list = fixture.get("/councils/barnet/decisions");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        Element link = Jsoup.parse(list.getBody()).selectFirst("main table a");
        assertThat(link.text()).isEqualTo(TITLE);
        ResponseEntity<String> page = fixture.get(link.attr("href"));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Document decision = Jsoup.parse(page.getBody());

        assertThat(decision.selectFirst("h1").ownText()).isEqualToIgnoringCase(reference.title());
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element dt : decision.select("main dl.fields dt")) {
            fields.put(dt.text(), dt.nextElementSibling().text());
        }
        assertThat(reference.fields()).hasSize(7);
        reference.fields().forEach((label, value) -> assertThat(fields.get(label)).as(label).isEqualTo(value));
        assertThat(normalise(decision.selectFirst("#minutes").text())).isEqualTo(normalise(reference.minutes()));
        // the council's style: its label once, then the resolutions numbered as on its page ("1. That …")
        assertThat(decision.select("#decisions .resolved-label").eachText()).containsExactly("RESOLVED \u2013");
        assertThat(decision.select("#resolutions > li").stream().map(li -> normalise(li.ownText())).toList())
                .isEqualTo(reference.resolutions());
        assertThat(decision.select("#resolutions > li > .number").eachText()).containsExactly("1.", "2.", "3.", "4.", "5.");
        assertThat(fields.get("Call-in")).isEqualTo("Effective: not subject to call-in");

        List<String> documents = decision.select("#accompanying-documents > li > a:first-child").eachText();
        List<String> expected = new ArrayList<>(List.of(TITLE));
        for (int i = 0; i < APPENDICES.size(); i++) {
            expected.add("Appendix " + (i + 1) + ": " + APPENDICES.get(i));
        }
        assertThat(documents).isEqualTo(expected);
        for (Element document : decision.select("#accompanying-documents a")) {
            ResponseEntity<byte[]> download = fixture.bytes(document.attr("href"));
            assertThat(download.getStatusCode()).as(document.attr("href")).isEqualTo(HttpStatus.OK);
        }
        assertThat(fixture.bytes("/councils/barnet/reports/" + reportId + "/appendices/2").getHeaders().getContentType())
                .hasToString("application/pdf");
    }

    /** The cycle of the Barnet report for the meeting of 12 September 2018, published on 2 October 2018. */
    static String publishBarnetDecision(PublicationFixture fixture, ReferenceDecision reference) {
        String reportId = fixture.report("barnet", org.councilflow.support.DemoData.BARNET_PLAN, document -> {
            var header = (com.fasterxml.jackson.databind.node.ObjectNode) document.get("header");
            header.put("title", TITLE);
            header.put("meetingDate", "2018-09-12");
            header.put("keyDecision", false);
        });
        for (String title : APPENDICES) {
            fixture.appendix("barnet", reportId, title, PublicationFixture.pdf(title), title.replace(' ', '-') + ".pdf");
        }
        fixture.clock(Instant.parse("2018-08-28T09:00:00Z"));
        fixture.toScheduling("barnet", reportId);
        fixture.schedule("barnet", reportId, PublicationFixture.BARNET_MEETING_2018_09_12);
        fixture.clock(Instant.parse("2018-09-12T21:30:00Z"));
        fixture.decide("barnet", reportId, "RECOMMENDATIONS_APPROVED", reference.resolutions(), reference.minutes());
        fixture.clock(Instant.parse("2018-10-02T09:00:00Z"));
        fixture.publish("barnet", reportId, false);
        fixture.resetClock();
        return reportId;
    }
}
