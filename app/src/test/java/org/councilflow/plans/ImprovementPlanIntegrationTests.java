package org.councilflow.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Barnet's improvement plan, as its papers describe it, entered through the API and read back. */
@IntegrationTest
class ImprovementPlanIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @Test
    void thePlanWithItsTurnaroundPriorityThemesAndActionsReadsBackFieldForField() {
        ResponseEntity<JsonNode> created = api.post("barnet.author", "/api/t/barnet/plans", barnetPlan());

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode plan = api.get("barnet.board", "/api/t/barnet/plans/" + created.getBody().get("id").asText()).getBody();
        assertThat(plan.get("title").asText()).isEqualTo("Barnet Children's Services Improvement Action Plan");
        assertThat(plan.get("serviceArea").asText()).isEqualTo("Children's Services");
        assertThat(plan.at("/origin/inspection").asText()).isEqualTo("Ofsted Single Inspection Framework (SIF)");
        assertThat(plan.at("/origin/date").asText()).isEqualTo("2017-07-07");
        assertThat(plan.at("/origin/judgement").asText()).isEqualTo("Inadequate");
        assertThat(plan.get("targetJudgement").asText()).isEqualTo("Good");
        assertThat(plan.get("themes")).hasSize(7);
        assertThat(plan.at("/themes/0/turnaround").asBoolean()).isTrue();
        assertThat(plan.at("/themes/0/title").asText()).isEqualTo("Turnaround priority: To drive sustainable Practice Improvement at pace");
        assertThat(plan.at("/themes/4/number").asInt()).isEqualTo(5);
        JsonNode action = plan.at("/themes/4/actions/0");
        assertThat(action.get("reference").asText()).isEqualTo("5b(ii)");
        assertThat(action.get("owner").asText()).isEqualTo("Head of Service, Intervention and Planning");
        assertThat(action.get("dueDate").asText()).isEqualTo("2018-09-30");
        assertThat(action.get("rag").asText()).isEqualTo("AMBER");
        assertThat(action.get("evidence").asText()).startsWith("48% of sampled cases");
        assertThat(plan.get("version").asInt()).isZero();
    }

    @Test
    void twoPeopleSavingThePlanTheSecondIsToldItChangedAndLosesNothing() {
        String id = api.post("barnet.author", "/api/t/barnet/plans", barnetPlan()).getBody().get("id").asText();
        Map<String, Object> first = new java.util.HashMap<>(barnetPlan());
        first.put("targetJudgement", "Outstanding");
        Map<String, Object> second = new java.util.HashMap<>(barnetPlan());
        second.put("title", "Renamed by the manager");

        ResponseEntity<JsonNode> winner = api.put("barnet.author", "/api/t/barnet/plans/" + id, Map.of("plan", first, "version", 0));
        ResponseEntity<JsonNode> loser = api.put("barnet.manager", "/api/t/barnet/plans/" + id, Map.of("plan", second, "version", 0));

        assertThat(winner.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(loser.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(loser.getBody().get("detail").asText()).contains("Someone else changed the plan");
        JsonNode stored = api.get("barnet.author", "/api/t/barnet/plans/" + id).getBody();
        assertThat(stored.get("targetJudgement").asText()).isEqualTo("Outstanding");
        assertThat(stored.get("title").asText()).isEqualTo("Barnet Children's Services Improvement Action Plan");
        assertThat(stored.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void indicatorValuesAreRatedAgainstTargetAndToleranceWithATrend() {
        String plan = "/api/t/barnet/plans/" + DemoData.BARNET_PLAN;
        String cin = api.post("barnet.author", plan + "/indicators", Map.of("name", "CIN visits within timescale",
                "unit", "PERCENT", "polarity", "HIGHER_IS_BETTER", "target", 90, "tolerance", 5, "frequency", "MONTHLY"))
                .getBody().get("id").asText();
        String agency = api.post("barnet.author", plan + "/indicators", Map.of("name", "Agency social workers",
                "unit", "PERCENT", "polarity", "LOWER_IS_BETTER", "target", 25, "tolerance", 5, "frequency", "QUARTERLY"))
                .getBody().get("id").asText();

        api.put("barnet.author", plan + "/indicators/" + cin + "/values/2018-02", Map.of("value", 79));
        api.put("barnet.author", plan + "/indicators/" + cin + "/values/2018-03", Map.of("value", 86.5));
        JsonNode cinNow = api.put("barnet.author", plan + "/indicators/" + cin + "/values/2018-04",
                Map.of("value", 91, "note", "After the duty rota change")).getBody();
        api.put("barnet.author", plan + "/indicators/" + agency + "/values/2017-Q1", Map.of("value", 49));
        JsonNode agencyNow = api.put("barnet.author", plan + "/indicators/" + agency + "/values/2018-Q1", Map.of("value", 33)).getBody();
        JsonNode caseload = api.get("barnet.board", plan + "/indicators/00000000-0000-4000-8000-000000001101").getBody();

        assertThat(cinNow.get("values").findValuesAsText("rag")).containsExactly("RED", "AMBER", "GREEN");
        assertThat(cinNow.at("/values/0/trend").isNull()).isTrue();
        assertThat(cinNow.at("/values/1/trend").asText()).isEqualTo("IMPROVING");
        assertThat(cinNow.at("/values/2/note").asText()).isEqualTo("After the duty rota change");
        assertThat(agencyNow.get("values").findValuesAsText("rag")).containsExactly("RED", "RED");
        assertThat(agencyNow.at("/values/1/trend").asText()).isEqualTo("IMPROVING");
        assertThat(caseload.get("values").findValuesAsText("value")).containsExactly("37.5", "13.3");
        assertThat(caseload.get("values").findValuesAsText("rag")).containsExactly("RED", "GREEN");
    }

    @Test
    void theRiskRegisterShowsScoresAndMovement() {
        JsonNode risks = api.get("barnet.board", "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/risks").getBody();

        assertThat(risks).hasSize(1);
        assertThat(risks.at("/0/reference").asText()).isEqualTo("FS021");
        assertThat(risks.at("/0/residualScore").asInt()).isEqualTo(16);
        assertThat(risks.at("/0/previousResidualScore").asInt()).isEqualTo(6);
        assertThat(risks.at("/0/movement").asText()).isEqualTo("UP");
    }

    @Test
    void inspectionEventsFormTheJourneyInDateOrder() {
        String plan = "/api/t/barnet/plans/" + DemoData.BARNET_PLAN;
        ResponseEntity<JsonNode> added = api.post("barnet.author", plan + "/inspections", Map.of("type", "STATUTORY_DIRECTION",
                "title", "Statutory direction", "startDate", "2017-12-20", "summary", "The Council retains control of children's social care."));

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.get("barnet.board", plan + "/inspections").getBody().findValuesAsText("title"))
                .containsExactly("Ofsted Single Inspection Framework", "First Ofsted monitoring visit", "Statutory direction");
    }

    @Test
    void anInspectionsLetterIsAttachedCheckedFromItsBytesAndDownloaded() {
        String event = "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/inspections/00000000-0000-4000-8000-000000001302";
        byte[] letter = org.councilflow.support.TestPdfs.onePage("Ofsted monitoring visit letter");

        ResponseEntity<JsonNode> executable = attach(event, "letter.pdf", new byte[] {'M', 'Z', 0, 0});
        ResponseEntity<JsonNode> attached = attach(event, "Barnet monitoring visit letter.pdf", letter);
        ResponseEntity<byte[]> download = rest.exchange(event + "/letter", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(bearer("barnet.board")), byte[].class);

        assertThat(executable.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(attached.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(attached.getBody().at("/letter/filename").asText()).isEqualTo("Barnet monitoring visit letter.pdf");
        assertThat(attached.getBody().at("/letter/type").asText()).isEqualTo("PDF");
        assertThat(download.getBody()).isEqualTo(letter);
        assertThat(download.getHeaders().getContentType()).isEqualTo(org.springframework.http.MediaType.APPLICATION_PDF);
    }

    private ResponseEntity<JsonNode> attach(String event, String filename, byte[] content) {
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        org.springframework.http.HttpHeaders headers = bearer("barnet.author");
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return rest.exchange(event + "/letter", org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(form, headers), JsonNode.class);
    }

    private static org.springframework.http.HttpHeaders bearer(String user) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(org.councilflow.support.Tokens.of(user));
        return headers;
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndNothingIsSaved() {
        String plan = "/api/t/barnet/plans/" + DemoData.BARNET_PLAN;
        ResponseEntity<JsonNode> badRisk = api.post("barnet.author", plan + "/risks", Map.of("reference", "FS099", "title", "x",
                "inherentLikelihood", 6, "inherentImpact", 0, "residualLikelihood", 3, "residualImpact", 3));
        ResponseEntity<JsonNode> badPeriod = api.put("barnet.author", plan + "/indicators/00000000-0000-4000-8000-000000001101/values/April-2018",
                Map.of("value", 12));
        ResponseEntity<JsonNode> badUnit = api.post("barnet.author", plan + "/indicators", Map.of("name", "Timeliness",
                "unit", "FURLONGS", "polarity", "HIGHER_IS_BETTER", "frequency", "MONTHLY"));
        ResponseEntity<JsonNode> backwards = api.post("barnet.author", plan + "/inspections", Map.of("type", "ILACS",
                "title", "ILACS inspection", "startDate", "2019-05-10", "endDate", "2019-05-01"));
        Map<String, Object> duplicateThemes = new java.util.HashMap<>(barnetPlan());
        duplicateThemes.put("themes", List.of(theme(1, "One", List.of()), theme(1, "Again", List.of())));
        ResponseEntity<JsonNode> twice = api.post("barnet.author", "/api/t/barnet/plans", duplicateThemes);

        assertThat(badRisk.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badRisk.getBody().get("errors").findValuesAsText("field")).contains("title", "inherentLikelihood", "inherentImpact");
        assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(twice.getBody().get("detail").asText()).isEqualTo("Theme 1 appears twice");
        assertThat(api.get("barnet.author", plan + "/risks").getBody()).hasSize(1);
        assertThat(api.get("barnet.author", plan + "/inspections").getBody()).hasSize(2);
        assertThat(api.get("barnet.author", "/api/t/barnet/plans").getBody()).hasSize(1);
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody()).isEmpty();
    }

    @Test
    void aWholePlanExportsAndImportsBackIdentically() {
        String plan = "/api/t/barnet/plans/" + DemoData.BARNET_PLAN;
        JsonNode exported = api.get("barnet.author", plan + "/export").getBody();

        ResponseEntity<JsonNode> imported = api.post("barnet.author", "/api/t/barnet/plans/import", exported);
        JsonNode reexported = api.get("barnet.author", "/api/t/barnet/plans/" + imported.getBody().get("id").asText() + "/export").getBody();

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(exported.get("format").asText()).isEqualTo("councilflow.improvement-plan/1");
        assertThat(exported.at("/plan/themes")).hasSize(7);
        assertThat(exported.at("/indicators/0/values")).hasSize(2);
        assertThat(exported.at("/risks/0/reference").asText()).isEqualTo("FS021");
        assertThat(exported.get("inspections")).hasSize(2);
        assertThat(reexported).isEqualTo(exported);
    }

    @Test
    void anImportWithABadPartCreatesNothing() {
        JsonNode exported = api.get("barnet.author", "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/export").getBody();
        ((com.fasterxml.jackson.databind.node.ObjectNode) exported.at("/indicators/0/values/0")).put("period", "last spring");

        ResponseEntity<JsonNode> imported = api.post("barnet.author", "/api/t/barnet/plans/import", exported);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get("barnet.author", "/api/t/barnet/plans").getBody()).hasSize(1);
    }

    @Test
    void boardReadsPlansButCannotChangeThemAndMembersNeitherReadNorChangeThem() {
        ResponseEntity<JsonNode> byMember = api.post("barnet.member", "/api/t/barnet/plans", barnetPlan());
        ResponseEntity<JsonNode> byBoard = api.post("barnet.board", "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/risks",
                Map.of("reference", "FS100", "title", "Board's own risk", "inherentLikelihood", 1, "inherentImpact", 1,
                        "residualLikelihood", 1, "residualImpact", 1));

        assertThat(byMember.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byBoard.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("barnet.board", "/api/t/barnet/plans").getBody()).hasSize(1);
        assertThat(api.get("barnet.member", "/api/t/barnet/plans").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static Map<String, Object> barnetPlan() {
        List<Map<String, Object>> themes = new ArrayList<>();
        themes.add(theme(1, "Turnaround priority: To drive sustainable Practice Improvement at pace", List.of()));
        themes.get(0).put("turnaround", true);
        themes.add(theme(2, "Governance Leadership, and Partnership", List.of()));
        themes.add(theme(3, "Embedding Practice Leadership", List.of()));
        themes.add(theme(4, "Right interventions, right time (Thresholds)", List.of()));
        themes.add(theme(5, "Improving Assessment for children", List.of(Map.of("reference", "5b(ii)",
                "description", "Audit strategy discussions and act on the findings",
                "owner", "Head of Service, Intervention and Planning", "dueDate", "2018-09-30", "rag", "AMBER",
                "evidence", "48% of sampled cases graded Good in the strategy discussion domain (April 2018 audit)."))));
        themes.add(theme(6, "Improving Planning for children", List.of()));
        themes.add(theme(7, "Effective Communications and Engagement to drive culture change that will improve children's lives", List.of()));
        return Map.of("title", "Barnet Children's Services Improvement Action Plan", "serviceArea", "Children's Services",
                "origin", Map.of("inspection", "Ofsted Single Inspection Framework (SIF)", "date", "2017-07-07", "judgement", "Inadequate"),
                "targetJudgement", "Good", "themes", themes);
    }

    private static Map<String, Object> theme(int number, String title, List<Map<String, Object>> actions) {
        Map<String, Object> theme = new java.util.HashMap<>();
        theme.put("number", number);
        theme.put("title", title);
        theme.put("turnaround", false);
        theme.put("actions", actions);
        return theme;
    }
}
