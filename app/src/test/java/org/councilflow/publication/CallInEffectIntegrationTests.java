package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.councilflow.support.DemoData;
import org.councilflow.support.DueTimers;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * "Effective" is the state the report cycle reached (its call-in timer fired), not a comparison with the wall clock:
 * a decision whose call-in period has ended by the calendar but whose timer has not fired is still in call-in.
 */
@IntegrationTest
class CallInEffectIntegrationTests {

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

    @Test
    void aDecisionIsEffectiveOnceTheCallInTimerFiredNotWhenTheCalendarSays() throws Exception {
        String reportId = fixture.report("barnet", DemoData.BARNET_PLAN, document -> {
            var header = (com.fasterxml.jackson.databind.node.ObjectNode) document.get("header");
            header.put("meetingDate", "2018-09-12");
        });
        fixture.clock(Instant.parse("2018-08-28T09:00:00Z"));
        fixture.toScheduling("barnet", reportId);
        fixture.schedule("barnet", reportId, PublicationFixture.BARNET_MEETING_2018_09_12);
        fixture.clock(Instant.parse("2018-09-12T21:30:00Z"));
        fixture.decide("barnet", reportId, "RECOMMENDATIONS_APPROVED", List.of("That the Committee notes the report."),
                "The Committee considered the report.");
        fixture.clock(Instant.parse("2018-09-13T09:00:00Z"));
        fixture.publish("barnet", reportId, true);
        // the engine's clock a day later: the period (five working days) has not ended for the cycle, while by the
        // wall clock (today) it ended years ago
        fixture.clock(Instant.parse("2018-09-14T09:00:00Z"));
        assertThat(DueTimers.run(engine, "barnet")).as("the call-in timer is not due yet").isZero();

        assertThat(callIn(decisionPage())).startsWith("In call-in period until ");
        assertThat(openDataState()).isEqualTo("in-call-in-period");

        fixture.clock(Instant.parse("2018-09-24T09:00:00Z"));
        assertThat(DueTimers.run(engine, "barnet")).as("the call-in period ends").isEqualTo(1);

        assertThat(callIn(decisionPage())).startsWith("Effective: the call-in period ended on ");
        assertThat(openDataState()).isEqualTo("effective");
    }

    private Document decisionPage() {
        Element link = Jsoup.parse(fixture.get("/councils/barnet/decisions").getBody()).selectFirst("main table a");
        return Jsoup.parse(fixture.get(link.attr("href")).getBody());
    }

    private static String callIn(Document decision) {
        for (Element dt : decision.select("main dl.fields dt")) {
            if (dt.text().equals("Call-in")) {
                return dt.nextElementSibling().text();
            }
        }
        throw new AssertionError("no call-in field: " + decision.select("main dl.fields").text());
    }

    private String openDataState() throws Exception {
        JsonNode data = new ObjectMapper().readTree(fixture.get("/councils/barnet/decisions.json").getBody());
        return data.get("decisions").get(0).get("callInState").asText();
    }
}
