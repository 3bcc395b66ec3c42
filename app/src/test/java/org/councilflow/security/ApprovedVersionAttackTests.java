package org.councilflow.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Issue 14, item 2: what is published is exactly what was signed off. After submission the report's parts, versions
 * and appendices are locked until it is returned; sign-off approves one frozen version and its appendices (with their
 * SHA-256); scheduling publishes exactly those, checking the bytes, and the public page names the version.
 */
@IntegrationTest
class ApprovedVersionAttackTests {

    private static final String ORIGINAL = "Original appendix";
    private static final String LATE_SUMMARY = "A late summary nobody signed off.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ApplicationContext context;

    ApprovalFixture fixture;
    String reportId;
    String report;
    byte[] original = ApprovalFixture.pdf(ORIGINAL);

    @BeforeEach
    void aReportWithOneAppendix() {
        fixture = new ApprovalFixture(rest);
        reportId = fixture.report("barnet.author");
        report = ApprovalFixture.path(reportId);
        assertThat(fixture.addAppendix("barnet.author", reportId, ORIGINAL, original).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        fixture.start("barnet.author", reportId);
    }

    @Test
    void whileItAwaitsSignOffNoPartVersionOrAppendixOfTheReportChanges() {
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));
        JsonNode before = fixture.api.get("barnet.author", report).getBody();

        assertLockedAgainstEveryEdit("barnet.author");
        assertLockedAgainstEveryEdit("barnet.author-manager");

        JsonNode after = fixture.api.get("barnet.author", report).getBody();
        assertThat(after.get("document")).isEqualTo(before.get("document"));
        assertThat(after.get("revisions")).isEqualTo(before.get("revisions"));
        assertThat(after.get("latestVersion").asInt()).isEqualTo(1);
        assertThat(fixture.api.get("barnet.author", report + "/versions").getBody()).hasSize(1);
        assertThat(fixture.api.get("barnet.author", report + "/appendices").getBody().findValuesAsText("title")).containsExactly(ORIGINAL);
    }

    @Test
    void afterSignOffAndEndorsementTheLateEditsAreRefusedAndSchedulingPublishesTheSignedOffVersion() throws Exception {
        String summary = fixture.api.get("barnet.author", report).getBody().at("/document/summary").asText();
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));
        fixture.completed("barnet.manager", reportId, "managerSignOff", Map.of("outcome", "approve"));
        fixture.completed("barnet.board-chair", reportId, "boardReview", Map.of("outcome", "endorse"));

        // the attack of the issue: a late summary, a version 2 and a late appendix
        ResponseEntity<JsonNode> late = fixture.savePart("barnet.author", reportId, "summary", LATE_SUMMARY);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).contains("signed off").contains("once returned");
        assertThat(fixture.api.post("barnet.author", report + "/versions", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fixture.addAppendix("barnet.author", reportId, "Late appendix", ApprovalFixture.pdf("Late")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        JsonNode approved = fixture.api.get("barnet.author", report).getBody();
        assertThat(approved.at("/approval/version").asInt()).isEqualTo(1);
        assertThat(approved.at("/approval/appendices/0/sha256").asText()).isEqualTo(sha256(original));

        ResponseEntity<JsonNode> scheduled = fixture.schedule(reportId, fixture.meeting());

        assertThat(scheduled.getStatusCode()).as(String.valueOf(scheduled.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> page = fixture.publicPage("/councils/barnet/reports/" + reportId);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Document html = Jsoup.parse(page.getBody());
        String today = LocalDate.now(ZoneId.of("Europe/London")).format(DAY);
        assertThat(html.selectFirst("#report-version").text()).isEqualTo("Version 1, signed off " + today);
        assertThat(html.text()).doesNotContain(LATE_SUMMARY).doesNotContain("Late appendix").contains(ORIGINAL);
        assertThat(fixture.api.get("barnet.author", report + "/versions/1").getBody().at("/document/summary").asText())
                .as("version 1 holds the summary as it was submitted").isEqualTo(summary);
        assertThat(fixture.publicBytes("/councils/barnet/reports/" + reportId + "/appendices/1").getBody()).isEqualTo(original);
        assertThat(fixture.publicBytes("/councils/barnet/reports/" + reportId + "/appendices/2").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        try (PDDocument pdf = Loader.loadPDF(fixture.publicBytes("/councils/barnet/reports/" + reportId + "/report.pdf").getBody())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Version 1, signed off " + today);
        }
    }

    @Test
    void anAppendixWhoseStoredBytesWereChangedAfterSignOffIsRefusedAtPublication() {
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));
        fixture.completed("barnet.manager", reportId, "managerSignOff", Map.of("outcome", "approve"));
        fixture.completed("barnet.board-chair", reportId, "boardReview", Map.of("outcome", "endorse"));
        int tampered = fixture.superuser.sql("""
                UPDATE app.document_content SET content = :bytes
                WHERE id = (SELECT document_id FROM app.report_appendix WHERE report_id = CAST(:report AS uuid) AND position = 1)""")
                .param("bytes", ApprovalFixture.pdf("Swapped after sign-off")).param("report", reportId).update();
        assertThat(tampered).isEqualTo(1);

        ResponseEntity<JsonNode> scheduled = fixture.schedule(reportId, fixture.meeting());

        assertThat(scheduled.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(scheduled.getBody().get("detail").asText()).contains("Appendix 1").contains("signed off");
        assertThat(fixture.publicPage("/councils/barnet/reports/" + reportId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fixture.taskAt("barnet.clerk", reportId, "scheduleToCommittee")).as("the report still waits to be scheduled").isNotNull();
    }

    @Test
    void anAppendixWhoseStoredBytesNoLongerMatchItsUploadIsNotSubmitted() {
        fixture.superuser.sql("""
                UPDATE app.document_content SET content = :bytes
                WHERE id = (SELECT document_id FROM app.report_appendix WHERE report_id = CAST(:report AS uuid) AND position = 1)""")
                .param("bytes", ApprovalFixture.pdf("Swapped before submission")).param("report", reportId).update();

        ResponseEntity<JsonNode> submitted = fixture.complete("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));

        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(submitted.getBody().get("detail").asText()).contains("Appendix 1").contains("upload it again");
        JsonNode after = fixture.api.get("barnet.author", report).getBody();
        assertThat(after.get("stage").asText()).isEqualTo("DRAFT");
        assertThat(after.get("latestVersion").asInt()).as("nothing was frozen").isZero();
    }

    @Test
    void aSwappedAppendixRowAfterSignOffDoesNotChangeWhatIsPublished() {
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));
        fixture.completed("barnet.manager", reportId, "managerSignOff", Map.of("outcome", "approve"));
        fixture.completed("barnet.board-chair", reportId, "boardReview", Map.of("outcome", "endorse"));
        // the database itself refuses to change a signed-off report's appendices, even for its owner
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.superuser
                .sql("UPDATE app.report_appendix SET title = 'Renamed later' WHERE report_id = CAST(:report AS uuid)")
                .param("report", reportId).update()).hasMessageContaining("change only once it is returned");
        // past the triggers too: the approved set is the version's, not the live table's
        fixture.superuser.sql("DO $$ BEGIN SET LOCAL session_replication_role = replica; "
                + "UPDATE app.report_appendix SET title = 'Renamed later' WHERE report_id = '" + java.util.UUID.fromString(reportId)
                + "'; END $$").update();

        assertThat(fixture.schedule(reportId, fixture.meeting()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String page = fixture.publicPage("/councils/barnet/reports/" + reportId).getBody();
        assertThat(page).contains(ORIGINAL).doesNotContain("Renamed later");
    }

    @Test
    void aReturnedReportIsEditableAgainAndTheVersionAnotherManagerSignsOffIsPublished() {
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));
        assertThat(fixture.savePart("barnet.author", reportId, "summary", "Too early").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        fixture.completed("barnet.author-manager", reportId, "managerSignOff",
                Map.of("outcome", "return", "reason", "Add the April caseload figures"));

        assertThat(fixture.api.get("barnet.author", report).getBody().get("stage").asText()).isEqualTo("DRAFT");
        assertThat(fixture.savePart("barnet.author", reportId, "summary", "April caseload: 412 children.").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        byte[] second = ApprovalFixture.pdf("April caseload figures");
        assertThat(fixture.addAppendix("barnet.author", reportId, "April caseload", second).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fixture.api.delete("barnet.author", report + "/appendices/1").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));
        fixture.completed("barnet.manager", reportId, "managerSignOff", Map.of("outcome", "approve"));
        fixture.completed("barnet.board-chair", reportId, "boardReview", Map.of("outcome", "endorse"));
        assertThat(fixture.schedule(reportId, fixture.meeting()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        Document html = Jsoup.parse(fixture.publicPage("/councils/barnet/reports/" + reportId).getBody());
        assertThat(html.selectFirst("#report-version").text()).startsWith("Version 2, signed off ");
        assertThat(html.text()).contains("April caseload: 412 children.").contains("April caseload").doesNotContain(ORIGINAL);
        assertThat(fixture.publicBytes("/councils/barnet/reports/" + reportId + "/appendices/1").getBody()).isEqualTo(second);
        JsonNode after = fixture.api.get("barnet.author", report).getBody();
        assertThat(after.get("stage").asText()).isEqualTo("SIGNED_OFF");
        assertThat(after.at("/approval/version").asInt()).isEqualTo(2);
        assertThat(after.at("/approval/approvedBy").asText()).isEqualTo("barnet.manager");
        assertThat(fixture.api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody().findValuesAsText("action"))
                .contains("report.submitted", "report.returned", "report.signed-off");
    }

    @Test
    void theEditorOfASubmittedReportIsReadOnlyAndSaysWhy() {
        fixture.completed("barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));
        String today = LocalDate.now(ZoneId.of("Europe/London")).format(DAY);

        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/edit");
            assertThat(_get(Div.class, spec -> spec.withId("locked")).getElement().getTextRecursively())
                    .contains("submitted for sign-off on " + today).contains("it can be edited again once returned");
            assertThat(_get(TextArea.class, spec -> spec.withId("text-summary")).isReadOnly()).isTrue();
            assertThat(_get(TextField.class, spec -> spec.withId("header-title")).isReadOnly()).isTrue();
            assertThat(_get(Button.class, spec -> spec.withId("submit")).isEnabled()).isFalse();
            assertThat(_get(Button.class, spec -> spec.withId("add-recommendation")).isEnabled()).isFalse();
            assertThat(_get(Button.class, spec -> spec.withId("remove-appendix-1")).isEnabled()).isFalse();
        });
        assertThat(fixture.api.get("barnet.author", report).getBody().get("stage").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void inADraftTheEditorRemovesAnAppendixAndTheRemovalIsAudited() {
        StaffUi.as(context, "barnet.author", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/edit");
            assertThat(_find(Div.class, spec -> spec.withId("locked"))).isEmpty();
            _click(_get(Button.class, spec -> spec.withId("remove-appendix-1")));
        });

        assertThat(fixture.api.get("barnet.author", report + "/appendices").getBody()).isEmpty();
        assertThat(fixture.api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody().findValuesAsText("action"))
                .contains("report.appendix-removed");
    }

    private void assertLockedAgainstEveryEdit(String user) {
        for (var part : Map.<String, Object>of("summary", LATE_SUMMARY, "recommendations", java.util.List.of("A late recommendation"))
                .entrySet()) {
            ResponseEntity<JsonNode> saved = fixture.savePart(user, reportId, part.getKey(), part.getValue());
            assertThat(saved.getStatusCode()).as(user + " saves " + part.getKey()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(saved.getBody().get("detail").asText()).as(user + " is told why")
                    .contains("submitted for sign-off on " + LocalDate.now(ZoneId.of("Europe/London")).format(DAY))
                    .contains("it can be edited again once returned");
        }
        JsonNode header = fixture.api.get(user, report).getBody().at("/document/header").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) header).put("title", "Retitled after submission");
        assertThat(fixture.savePart(user, reportId, "header", Map.of("header", header)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fixture.api.post(user, report + "/versions", null).getStatusCode()).as(user + " freezes a version")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(fixture.addAppendix(user, reportId, "Late appendix", ApprovalFixture.pdf("Late")).getStatusCode())
                .as(user + " adds an appendix").isEqualTo(HttpStatus.CONFLICT);
        assertThat(fixture.api.delete(user, report + "/appendices/1").getStatusCode()).as(user + " removes an appendix")
                .isEqualTo(HttpStatus.CONFLICT);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
