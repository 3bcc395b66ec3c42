package org.councilflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.DueTimers;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.mail.internet.MimeMessage;

/**
 * The cycle's e-mails in the council's languages, through the run's real SMTP server (GreenMail): a bilingual council's
 * reminder holds the Welsh text first, then the English; a Welsh council's only the Welsh; other councils' stay English.
 */
@IntegrationTest
class WelshMailIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void resetClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    @Test
    void aBilingualCouncilsReminderIsInWelshThenEnglishAndAWelshCouncilsInWelshOnly() throws Exception {
        Api api = new Api(rest);
        languages(api, "BILINGUAL");
        DevServices.smtp().reset();
        startCycleOnMonday16November(api);

        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-11-26T10:00:00Z")));
        assertThat(DueTimers.run(engine, "barnet")).isEqualTo(1);
        MimeMessage reminder = only("barnet.author@demo.councilflow.test");
        assertThat(reminder.getSubject()).startsWith("I'w gwblhau erbyn Dydd Llun 30 Tachwedd 2026 am 17:00: Draft update")
                .contains(" / Due Monday 30 November 2026 at 17:00: Draft update");
        String text = text(reminder);
        assertThat(text.indexOf("i'w gwblhau erbyn Dydd Llun 30 Tachwedd 2026 am 17:00")).isGreaterThanOrEqualTo(0)
                .isLessThan(text.indexOf("is due on Monday 30 November 2026 at 17:00"));
        assertThat(text).contains("Nid oes neb wedi cymryd y dasg eto; gall unrhyw un sydd â rôl author ei chymryd.",
                "Nobody has claimed it yet; anyone with the author role may take it.", "Agor eich blwch tasgau: ");

        languages(api, "WELSH");
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-12-01T09:00:00Z")));
        assertThat(DueTimers.run(engine, "barnet")).isEqualTo(1);
        MimeMessage escalation = only("barnet.manager@demo.councilflow.test");
        assertThat(escalation.getSubject()).startsWith("Hwyr: Draft update — ").doesNotContain("Overdue");
        assertThat(text(escalation)).contains("Mae wedi'i uwchgyfeirio atoch chi fel manager")
                .doesNotContain("escalated", "Open the inbox");
    }

    static void languages(Api api, String languages) {
        JsonNode current = api.get("barnet.tenant-admin", "/api/t/barnet").getBody();
        ObjectNode settings = ((ObjectNode) current.get("settings")).deepCopy();
        settings.put("languages", languages);
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/settings", Map.of("displayName",
                current.get("displayName").asText(), "version", current.get("version").asInt(), "settings", settings))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void startCycleOnMonday16November(Api api) throws IOException {
        JsonNode document = new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        String reportId = api.post("barnet.author", "/api/t/barnet/reports", Map.of("planId", DemoData.BARNET_PLAN,
                "document", document)).getBody().get("id").asText();
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse("2026-11-16T09:00:00Z")));
        assertThat(api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private static MimeMessage only(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : DevServices.smtp().receivedMessages()) {
            for (jakarta.mail.Address to : message.getAllRecipients()) {
                if (to.toString().equals(address)) {
                    found.add(message);
                }
            }
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String text(MimeMessage message) throws Exception {
        return message.getContent().toString().replace("\r\n", "\n");
    }
}
