package org.councilflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.councilflow.CouncilFlowApplication;
import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.DevServicesInitializer;
import org.councilflow.support.DueTimers;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Mailbox;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * E-mail goes through the outbox (ADR 0014): with the SMTP server down during an escalation, the escalation still
 * happens and the e-mail waits; when the server is back, a restarted application sends it, exactly once, however
 * often it is retried afterwards.
 */
@IntegrationTest
class MailOutboxIntegrationTests {

    static final String MANAGER = "barnet.manager@demo.councilflow.test";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Outbox outbox;

    Api api;
    ConfigurableApplicationContext restarted;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @AfterEach
    void reset() {
        engine.getProcessEngineConfiguration().getClock().reset();
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void anEscalationMailedWhileTheSmtpServerIsDownIsSentOnceWhenItIsBackAfterARestart() {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-11-16T09:00:00Z")));
        String reportId = api.draftReferenceReport("barnet.author");
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-11-26T10:00:00Z")));
        DueTimers.run(engine, "barnet"); // the reminder, sent while the server is up

        DevServices.smtp().pause();
        try {
            engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-12-01T09:00:00Z")));
            assertThat(DueTimers.run(engine, "barnet")).as("the escalation runs, SMTP or not").isEqualTo(1);
            JsonNode task = api.get("barnet.author", "/api/t/barnet/tasks").getBody().get(0);
            assertThat(task.get("escalated").asBoolean()).isTrue();

            List<Outbox.Pending> pending = outbox.pending();
            assertThat(pending).as("one e-mail per manager of Barnet, waiting").isNotEmpty()
                    .allSatisfy(mail -> {
                        assertThat(mail.kind()).isEqualTo("OutgoingMail");
                        assertThat(mail.tenant()).isEqualTo("barnet");
                        assertThat(mail.attempts()).isEqualTo(1);
                    });
            JsonNode view = api.get("platform.admin", "/api/platform/outbox").getBody();
            assertThat(view.findValuesAsText("tenant")).contains("barnet");
            assertThat(view.toString()).as("the view names no address").doesNotContain("@");
            assertThat(api.get("barnet.tenant-admin", "/api/platform/outbox").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(outbox.retryNow()).as("a retry while the server is still down").isPositive();
            assertThat(outbox.pending()).hasSameSizeAs(pending);
        } finally {
            DevServices.smtp().resume();
        }

        // a new start of the application resubmits what was left incomplete
        restarted = new SpringApplicationBuilder(CouncilFlowApplication.class)
                .initializers(new DevServicesInitializer())
                .run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                        "--flowable.async-executor-activate=false");
        await("the escalation mailed").atMost(Duration.ofMinutes(1))
                .until(() -> Mailbox.to(MANAGER).stream().anyMatch(mail -> mail.startsWith("Overdue: Draft update")));
        assertThat(outbox.pending()).as("nothing left in the outbox").isEmpty();

        // another replica retrying the same publications sends nothing twice
        jdbc.sql("UPDATE app.event_publication SET completion_date = NULL").update();
        outbox.retryNow();
        assertThat(Mailbox.to(MANAGER)).as("exactly once").filteredOn(mail -> mail.startsWith("Overdue: Draft update"))
                .hasSize(1);
    }
}
