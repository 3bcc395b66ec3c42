package org.councilflow.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.CouncilFlowApplication;
import org.councilflow.support.ReferenceDecision;
import org.councilflow.tenancy.PublicSiteChanges;
import org.councilflow.support.DevServicesInitializer;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The public site's responses held in memory (ADR 0021): sent again byte for byte with the same headers, 304 without
 * rendering, never another council's, dropped the moment the council publishes, amends or is suspended, on this
 * instance and on a second one against the same database.
 */
@IntegrationTest
class PublicPageCacheIntegrationTests {

    static final String MEETING = PublicationFixture.BARNET_MEETING_2018_09_12;
    static final String AGENDA = "/api/t/barnet/meetings/" + MEETING;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PublicSiteChanges changes;

    PublicationFixture fixture;
    String decisionPage;
    ConfigurableApplicationContext second;

    @BeforeEach
    void publish() throws IOException {
        fixture = new PublicationFixture(rest, engine);
        String reportId = DecisionPageIntegrationTests.publishBarnetDecision(fixture,
                ReferenceDecision.read());
        decisionPage = "/councils/barnet/decisions/" + OnlyPublishedIntegrationTests.decisionId(reportId, MEETING);
        settled(changes);
    }

    /**
     * Waits until the instance hears the public site's changes and Barnet's stamp holds still: publishing leaves work
     * committed after it (mail, the engine's jobs), and each such commit rightly drops what was held.
     */
    static void settled(PublicSiteChanges changes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long last = Long.MIN_VALUE;
        while (System.nanoTime() < deadline) {
            long stamp = changes.listening() ? changes.stamp("barnet") : Long.MIN_VALUE;
            if (stamp != Long.MIN_VALUE && stamp == last) {
                return;
            }
            last = stamp;
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the public site's changes did not settle within 30 s");
    }

    @AfterEach
    void stop() {
        fixture.resetClock();
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aPageIsSentAgainAsRenderedAndAConditionalRequestGets304WithoutRendering() {
        ResponseEntity<String> first = fixture.get(decisionPage);
        double rendered = renders();
        double hits = count("hit");
        ResponseEntity<String> again = fixture.get(decisionPage);
        assertThat(count("hit")).as("held").isEqualTo(hits + 1);
        assertThat(renders()).as("not rendered again").isEqualTo(rendered);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        for (String header : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
                HttpHeaders.CACHE_CONTROL, HttpHeaders.CONTENT_LANGUAGE, "Content-Security-Policy", "Referrer-Policy",
                "Permissions-Policy", "X-Content-Type-Options", "X-Frame-Options")) {
            assertThat(first.getHeaders().get(header)).as(header).isNotEmpty();
            assertThat(again.getHeaders().get(header)).as(header).isEqualTo(first.getHeaders().get(header));
        }
        assertThat(first.getHeaders().getFirst("Content-Security-Policy")).contains("style-src 'self'");
        assertThat(first.getHeaders().get(HttpHeaders.SET_COOKIE)).as("no session").isNull();
        assertThat(again.getHeaders().get(HttpHeaders.SET_COOKIE)).as("no session").isNull();

        HttpHeaders byTag = new HttpHeaders();
        byTag.setIfNoneMatch(first.getHeaders().getETag());
        ResponseEntity<String> notModified = fixture.get(decisionPage, byTag);
        assertThat(notModified.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(notModified.getBody()).isNull();
        assertThat(notModified.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
        HttpHeaders byDate = new HttpHeaders();
        byDate.setIfModifiedSince(first.getHeaders().getLastModified());
        assertThat(fixture.get(decisionPage, byDate).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        HttpHeaders otherTag = new HttpHeaders();
        otherTag.setIfNoneMatch("\"0123456789abcdef0123456789abcdef\"");
        assertThat(fixture.get(decisionPage, otherTag).getBody()).isEqualTo(first.getBody());
        assertThat(renders()).as("none of these rendered the page").isEqualTo(rendered);

        // HEAD: the same headers, no body
        ResponseEntity<String> head = rest.exchange(decisionPage, HttpMethod.HEAD, null, String.class);
        assertThat(head.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(head.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
        assertThat(head.getBody()).isNull();
    }

    @Test
    void oneCouncilsPublicationChangesItsOwnPagesAtOnceAndNeverAnothers() {
        String towerHamlets = "/councils/tower-hamlets/meetings";
        String before = fixture.get(towerHamlets).getBody();
        String meetingPage = "/councils/barnet/meetings/" + MEETING;
        assertThat(fixture.get(meetingPage).getBody()).doesNotContain("Supplementary agenda");
        double hits = count("hit");
        fixture.get(meetingPage);
        assertThat(count("hit")).as("the meeting page is held").isEqualTo(hits + 1);

        // an amendment of Barnet's published agenda
        Map<String, Object> urgent = new HashMap<>();
        urgent.put("kind", "URGENT_BUSINESS");
        urgent.put("number", "6");
        urgent.put("title", "Any item(s) the Chairman decides are urgent");
        urgent.put("version", fixture.api.get("barnet.clerk", AGENDA).getBody().get("version").asInt());
        urgent.put("amendmentNote", "Supplementary agenda: urgent item added");
        assertThat(fixture.api.post("barnet.clerk", AGENDA + "/agenda/items", urgent).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(fixture.get(meetingPage).getBody()).as("the amendment at once").contains("Supplementary agenda");

        hits = count("hit");
        assertThat(fixture.get(towerHamlets).getBody()).as("another council's page unchanged").isEqualTo(before);
        assertThat(count("hit")).as("and still held: Barnet's change dropped nothing of Tower Hamlets").isEqualTo(hits + 1);
        assertThat(fixture.get("/councils/barnet/meetings").getBody()).isNotEqualTo(before).doesNotContain("Tower Hamlets");
    }

    @Test
    void aSuspendedCouncilsHeldPagesAreGoneAtOnce() {
        assertThat(fixture.get(decisionPage).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fixture.get(decisionPage).getStatusCode()).isEqualTo(HttpStatus.OK);
        suspendBarnet(rest);
        ResponseEntity<String> after = fixture.get(decisionPage);
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(after.getBody()).doesNotContain("Barnet");
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseSeesWhatTheFirstPublishedAndSuspended() {
        second = new SpringApplicationBuilder(CouncilFlowApplication.class).initializers(new DevServicesInitializer())
                .run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                        "--spring.profiles.active=test");
        TestRestTemplate other = new TestRestTemplate();
        String base = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
        String meetingPage = base + "/councils/barnet/meetings/" + MEETING;
        MeterRegistry otherMeters = second.getBean(MeterRegistry.class);
        settled(second.getBean(PublicSiteChanges.class));
        assertThat(other.getForObject(meetingPage, String.class)).doesNotContain("Supplementary agenda");
        double hits = otherMeters.counter("councilflow.publication.page-cache", "result", "hit").count();
        assertThat(other.getForObject(meetingPage, String.class)).doesNotContain("Supplementary agenda");
        assertThat(otherMeters.counter("councilflow.publication.page-cache", "result", "hit").count())
                .as("held by the second instance").isEqualTo(hits + 1);

        Map<String, Object> urgent = new HashMap<>();
        urgent.put("kind", "URGENT_BUSINESS");
        urgent.put("number", "6");
        urgent.put("title", "Any item(s) the Chairman decides are urgent");
        urgent.put("version", fixture.api.get("barnet.clerk", AGENDA).getBody().get("version").asInt());
        urgent.put("amendmentNote", "Supplementary agenda: urgent item added");
        assertThat(fixture.api.post("barnet.clerk", AGENDA + "/agenda/items", urgent).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        // PostgreSQL tells the second instance on commit; it hears it within milliseconds, not "eventually"
        await("the second instance shows the amendment").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> other.getForObject(meetingPage, String.class).contains("Supplementary agenda"));

        suspendBarnet(rest);
        await("the second instance no longer shows a suspended council").atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> other.getForEntity(meetingPage, String.class).getStatusCode() == HttpStatus.NOT_FOUND);
    }

    private double renders() {
        return count("miss");
    }

    private double count(String result) {
        return meters.counter("councilflow.publication.page-cache", "result", result).count();
    }

    private static void suspendBarnet(TestRestTemplate rest) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of("platform.admin"));
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> suspended = rest.exchange("/api/platform/tenants/barnet/suspension", HttpMethod.PUT,
                new HttpEntity<>(Map.of("reason", "Contract ended"), headers), String.class);
        assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
