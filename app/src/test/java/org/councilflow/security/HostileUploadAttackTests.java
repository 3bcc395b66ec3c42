package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.councilflow.devservices.DevServices;
import org.councilflow.documents.Documents;
import org.councilflow.support.Api;
import org.councilflow.support.DevServicesProperties;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Files built to hurt: PDFs that are not what they claim (garbage after the header, locked with a password,
 * JavaScript or a launch action inside), an appendix that went bad after it was accepted and must not take the
 * meeting's agenda pack down with it, and zip bombs dressed as Word documents. Every refusal happens before
 * anything is stored, and the heavy checks run outside any database transaction.
 */
@IntegrationTest
class HostileUploadAttackTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Documents documents;

    @Autowired
    PlatformTransactionManager transactions;

    Api api;
    String reportId;
    String appendices;

    @BeforeEach
    void report() throws IOException {
        api = new Api(rest);
        reportId = api.draftReferenceReport("barnet.author");
        appendices = "/api/t/barnet/reports/" + reportId + "/appendices";
    }

    @AfterEach
    void resetEngineClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    @Test
    void aPdfThatDoesNotParseIsRefusedAtUploadNamingTheReason() {
        byte[] garbage = ("%PDF-1.7\n" + "this is not a PDF at all ".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        byte[] truncated = java.util.Arrays.copyOf(pdf("A letter"), 200);

        for (byte[] broken : List.of(garbage, truncated)) {
            ResponseEntity<JsonNode> refused = upload("Letter", "letter.pdf", broken);
            assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(refused.getBody().get("reason").asText()).isEqualTo("unreadable");
            assertThat(refused.getBody().get("detail").asText()).contains("letter.pdf", "Nothing was stored");
        }
        assertThat(api.get("barnet.author", appendices).getBody()).isEmpty();
    }

    @Test
    void aPdfLockedWithAPasswordOrCarryingScriptsOrLaunchActionsIsRefused() {
        ResponseEntity<JsonNode> locked = upload("Letter", "locked.pdf", encrypted());
        ResponseEntity<JsonNode> script = upload("Letter", "script.pdf", withJavaScript());
        ResponseEntity<JsonNode> launch = upload("Letter", "launch.pdf", withLaunchLink());

        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(locked.getBody().get("reason").asText()).isEqualTo("encrypted");
        assertThat(locked.getBody().get("detail").asText()).contains("password");
        assertThat(script.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(script.getBody().get("reason").asText()).isEqualTo("active-content");
        assertThat(script.getBody().get("detail").asText()).contains("JavaScript");
        assertThat(launch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(launch.getBody().get("reason").asText()).isEqualTo("active-content");
        assertThat(api.get("barnet.author", appendices).getBody()).isEmpty();
        assertThat(upload("Letter", "letter.pdf", pdf("A sound letter")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anAppendixThatWentBadIsReplacedInTheAgendaPackByAPageThatLinksToIt() throws Exception {
        assertThat(upload("Broken letter", "broken.pdf", pdf("Broken letter text")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(upload("Sound letter", "sound.pdf", pdf("Sound letter text")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        publishToTheMeetingOf12September2018();
        // as if stored before uploads were parsed, or damaged since
        UUID broken = UUID.fromString(api.get("barnet.author", appendices).getBody().get(0).at("/document/id").asText());
        try (Connection c = DevServices.postgres().superuserConnection(DevServicesProperties.TEST_DATABASE);
                PreparedStatement s = c.prepareStatement("UPDATE app.document_content SET content = ? WHERE id = ?")) {
            s.setBytes(1, ("%PDF-1.7\n" + "garbage ".repeat(100)).getBytes(StandardCharsets.US_ASCII));
            s.setObject(2, broken);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        for (int request = 0; request < 2; request++) {
            ResponseEntity<byte[]> pack = rest.getForEntity("/councils/barnet/meetings/00000000-0000-4000-8000-000000001501/agenda-pack.pdf",
                    byte[].class);
            assertThat(pack.getStatusCode()).isEqualTo(HttpStatus.OK);
            try (PDDocument pdf = Loader.loadPDF(pack.getBody())) {
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                assertThat(text).contains("Sound letter text");
                assertThat(text).doesNotContain("Broken letter text");
                assertThat(text).contains("Item 1, appendix 1: Broken letter")
                        .contains("could not be reproduced in this pack");
                assertThat(text.replaceAll("\\s", "")).as("the link, however the line wraps")
                        .contains("/councils/barnet/reports/" + reportId + "/appendices/1");
            }
        }
    }

    @Test
    void aZipBombDressedAsAWordDocumentIsRefusedQuicklyAndNothingIsStored() throws IOException {
        byte[] bomb = office(64 * 1024 * 1024, 0);
        byte[] swarm = office(0, 20_000);
        assertThat(bomb.length).as("small on the wire").isLessThan(1024 * 1024);

        for (byte[] zip : List.of(bomb, swarm)) {
            Instant start = Instant.now();
            ResponseEntity<JsonNode> refused = upload("Performance report", "performance.docx", zip);
            assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
            assertThat(refused.getBody().get("detail").asText()).contains("Nothing was stored");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(api.get("barnet.author", appendices).getBody()).isEmpty();
        assertThat(upload("Performance report", "performance.docx", office(4096, 0)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theChecksThatReadAWholeFileRefuseToRunInsideATransaction() throws IOException {
        byte[] docx = office(4096, 0);
        assertThat(documents.check("report.docx", docx).type().name()).isEqualTo("DOCX");

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> documents.check("report.docx", docx))).isInstanceOf(IllegalTransactionStateException.class);
    }

    private void publishToTheMeetingOf12September2018() {
        clock("2018-08-28T09:00:00Z");
        api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null);
        complete("barnet.author", "draftUpdate", Map.of("outcome", "submit"));
        complete("barnet.manager", "managerSignOff", Map.of("outcome", "approve"));
        complete("barnet.board-chair", "boardReview", Map.of("outcome", "endorse"));
        complete("barnet.clerk", "scheduleToCommittee", Map.of("outcome", "schedule", "form",
                Map.of("meetingId", "00000000-0000-4000-8000-000000001501")));
        api.publishAgenda("barnet", "00000000-0000-4000-8000-000000001501");
        clock("2018-09-12T21:30:00Z");
        complete("barnet.clerk", "recordDecision", Map.of("outcome", "NOTED", "form", Map.of("resolutions", List.of("Noted."))));
        clock("2018-10-02T09:00:00Z");
        complete("barnet.clerk", "publishDecision", Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", false)));
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    private void clock(String instant) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse(instant)));
    }

    private void complete(String user, String stage, Map<String, Object> completion) {
        String task = null;
        for (JsonNode candidate : api.get(user, "/api/t/barnet/tasks").getBody()) {
            if (candidate.get("stage").asText().equals(stage) && candidate.get("reportId").asText().equals(reportId)) {
                task = candidate.get("id").asText();
            }
        }
        assertThat(task).as(user + " has a " + stage + " task").isNotNull();
        ResponseEntity<JsonNode> response = api.post(user, "/api/t/barnet/tasks/" + task + "/completion", completion);
        assertThat(response.getStatusCode()).as(user + " completes " + stage + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<JsonNode> upload(String title, String filename, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return api.post("barnet.author", appendices, form);
    }

    static byte[] pdf(String... lines) {
        return org.councilflow.support.TestPdfs.onePage(lines);
    }

    private static byte[] pdf(org.councilflow.support.TestPdfs.Edit edit, String... lines) {
        return org.councilflow.support.TestPdfs.onePage(edit, lines);
    }

    private static byte[] encrypted() {
        return pdf(document -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        }, "Locked letter");
    }

    private static byte[] withJavaScript() {
        return pdf(document -> document.getDocumentCatalog().setOpenAction(
                new PDActionJavaScript("app.alert('opened');")), "Scripted letter");
    }

    private static byte[] withLaunchLink() {
        return pdf(document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification());
            launch.getCOSObject().setString(org.apache.pdfbox.cos.COSName.F, "C:\\Windows\\System32\\cmd.exe");
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 600, 200, 20));
            link.setAction(launch);
            document.getPage(0).getAnnotations().add(link);
        }, "Launching letter");
    }

    /**
     * A Word package whose document part is {@code zeros} zero bytes (deflated about a thousand to one), and
     * {@code extraEntries} further empty parts.
     */
    private static byte[] office(int zeros, int extraEntries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (String name : new String[] {"[Content_Types].xml", "_rels/.rels"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<?xml version=\"1.0\"?><w:document/>".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1024 * 1024];
            for (int written = 0; written < zeros; written += block.length) {
                zip.write(block, 0, Math.min(block.length, zeros - written));
            }
            zip.closeEntry();
            for (int i = 0; i < extraEntries; i++) {
                zip.putNextEntry(new ZipEntry("word/media/part" + i + ".xml"));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
