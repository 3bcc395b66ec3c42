package org.councilflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every tenant endpoint that exists, found from the application's own request mappings (so a new endpoint cannot
 * escape): a Barnet user never gets Tower Hamlets data or changes, whether by naming Tower Hamlets in the path or by
 * naming a Tower Hamlets resource under Barnet's path.
 */
@IntegrationTest
class CrossTenantMatrixIntegrationTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String BARNET_USER = "barnet.tenant-admin";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;
    Map<String, String> towerHamletsResources;

    @BeforeEach
    void towerHamletsResources() {
        api = new Api(rest);
        String clerkId = null;
        for (JsonNode user : api.get("tower-hamlets.tenant-admin", "/api/t/tower-hamlets/users").getBody()) {
            if (user.get("username").asText().equals("tower-hamlets.clerk")) {
                clerkId = user.get("id").asText();
            }
        }
        String taskId = api.post("tower-hamlets.author", "/api/t/tower-hamlets/reports/" + DemoData.TOWER_HAMLETS_REPORT
                + "/cycle", null).getBody().get("id").asText();
        towerHamletsResources = Map.ofEntries(
                Map.entry("taskId", taskId),
                Map.entry("meetingId", DemoData.TOWER_HAMLETS_MEETING),
                Map.entry("itemId", DemoData.TOWER_HAMLETS_AGENDA_ITEM),
                Map.entry("documentId", DemoData.TOWER_HAMLETS_AGENDA_DOCUMENT),
                Map.entry("reportId", DemoData.TOWER_HAMLETS_REPORT),
                Map.entry("part", "summary"),
                Map.entry("number", "1"),
                Map.entry("appendixNumber", "1"),
                Map.entry("committeeId", DemoData.TOWER_HAMLETS_CABINET),
                Map.entry("userId", clerkId),
                Map.entry("role", "member"),
                Map.entry("slug", "tower-hamlets"),
                Map.entry("planId", DemoData.TOWER_HAMLETS_PLAN),
                Map.entry("indicatorId", DemoData.TOWER_HAMLETS_INDICATOR),
                Map.entry("riskId", DemoData.TOWER_HAMLETS_RISK),
                Map.entry("eventId", DemoData.TOWER_HAMLETS_INSPECTION),
                Map.entry("period", "2018-04"),
                Map.entry("version", "1"));
    }

    @Test
    void aBarnetTokenIsRefusedEveryTowerHamletsEndpoint() {
        List<String> checked = new ArrayList<>();
        for (Endpoint endpoint : endpoints("/api/t/{tenant}")) {
            String path = expand(endpoint.pattern(), "tower-hamlets");
            ResponseEntity<JsonNode> response = api.call(endpoint.method(), path, Tokens.of(BARNET_USER), body(endpoint));

            assertThat(response.getStatusCode().value()).as(endpoint + " as Barnet against Tower Hamlets").isIn(403, 404);
            assertNoTowerHamletsData(endpoint, response);
            checked.add(endpoint.toString());
        }
        assertThat(checked).as("tenant endpoints found").hasSizeGreaterThanOrEqualTo(25);
        assertTowerHamletsUnchanged();
    }

    @Test
    void aTowerHamletsResourceNamedUnderBarnetsPathIsNotFound() {
        for (Endpoint endpoint : endpoints("/api/t/{tenant}")) {
            if (!endpoint.pattern().replace("{tenant}", "").contains("{")) {
                continue;
            }
            String path = expand(endpoint.pattern(), "barnet");
            ResponseEntity<JsonNode> response = api.call(endpoint.method(), path, Tokens.of(BARNET_USER), body(endpoint));

            assertThat(response.getStatusCode().value()).as(endpoint + " as Barnet naming a Tower Hamlets resource")
                    .isIn(400, 403, 404, 409);
            assertNoTowerHamletsData(endpoint, response);
        }
        assertTowerHamletsUnchanged();
    }

    @Test
    void councilUsersAreRefusedEveryPlatformEndpoint() {
        List<Endpoint> platform = endpoints("/api/platform");
        assertThat(platform).isNotEmpty();
        for (Endpoint endpoint : platform) {
            ResponseEntity<JsonNode> response = api.call(endpoint.method(), expand(endpoint.pattern(), "tower-hamlets"),
                    Tokens.of(BARNET_USER), body(endpoint));

            assertThat(response.getStatusCode().value()).as(endpoint.toString()).isEqualTo(403);
        }
        assertTowerHamletsUnchanged();
    }

    private void assertNoTowerHamletsData(Endpoint endpoint, ResponseEntity<JsonNode> response) {
        String body = String.valueOf(response.getBody());
        assertThat(body).as(endpoint + " body").doesNotContain("Cabinet", "Omar Khan", "tower-hamlets.clerk", "#8a1538", "Strengthening the front door");
    }

    private void assertTowerHamletsUnchanged() {
        JsonNode council = api.get("tower-hamlets.tenant-admin", "/api/t/tower-hamlets").getBody();
        assertThat(council.get("displayName").asText()).isEqualTo("London Borough of Tower Hamlets");
        assertThat(council.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(council.get("version").asInt()).isZero();
        JsonNode committees = api.get("tower-hamlets.tenant-admin", "/api/t/tower-hamlets/committees").getBody();
        assertThat(committees).hasSize(2);
        assertThat(committees.findValuesAsText("version")).containsOnly("0");
        JsonNode clerk = null;
        for (JsonNode user : api.get("tower-hamlets.tenant-admin", "/api/t/tower-hamlets/users").getBody()) {
            if (user.get("username").asText().equals("tower-hamlets.clerk")) {
                clerk = user;
            }
        }
        assertThat(clerk.get("roles").toString()).isEqualTo("[\"clerk\"]");
        String plan = "/api/t/tower-hamlets/plans/" + DemoData.TOWER_HAMLETS_PLAN;
        assertThat(api.get("tower-hamlets.tenant-admin", plan).getBody().get("version").asInt()).isZero();
        JsonNode indicator = api.get("tower-hamlets.tenant-admin", plan + "/indicators/" + DemoData.TOWER_HAMLETS_INDICATOR).getBody();
        assertThat(indicator.get("version").asInt()).isZero();
        assertThat(indicator.get("values")).hasSize(1);
        assertThat(indicator.at("/values/0/value").decimalValue()).isEqualByComparingTo("23");
        assertThat(api.get("tower-hamlets.tenant-admin", plan + "/risks").getBody().findValuesAsText("version")).containsOnly("0");
        assertThat(api.get("tower-hamlets.tenant-admin", plan + "/inspections").getBody().findValuesAsText("version")).containsOnly("0");
        JsonNode report = api.get("tower-hamlets.author", "/api/t/tower-hamlets/reports/" + DemoData.TOWER_HAMLETS_REPORT).getBody();
        assertThat(report.get("revisions").toString()).isEqualTo("{\"header\":0,\"summary\":0,\"recommendations\":0}");
        assertThat(report.get("latestVersion").asInt()).isEqualTo(1);
        assertThat(api.get("tower-hamlets.author", "/api/t/tower-hamlets/reports/" + DemoData.TOWER_HAMLETS_REPORT
                + "/appendices").getBody()).isEmpty();
        String meetingPath = "/api/t/tower-hamlets/meetings/" + DemoData.TOWER_HAMLETS_MEETING;
        assertThat(api.get("tower-hamlets.clerk", meetingPath + "/attendance").getBody().get("version").asInt()).isZero();
        assertThat(api.get("tower-hamlets.clerk", meetingPath + "/minutes").getBody().get("latestVersion").asInt()).isZero();
        assertThat(api.get("tower-hamlets.clerk", meetingPath + "/minutes").getBody().findValuesAsText("version")).containsOnly("0");
        assertThat(api.get("tower-hamlets.tenant-admin", "/api/t/tower-hamlets/minutes-style").getBody().get("version").asInt()).isZero();
        JsonNode inbox = api.get("tower-hamlets.author", "/api/t/tower-hamlets/tasks").getBody();
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).get("stage").asText()).isEqualTo("draftUpdate");
        assertThat(inbox.get(0).get("assignee").isNull()).isTrue();
        JsonNode meeting = api.get("tower-hamlets.clerk", "/api/t/tower-hamlets/meetings/" + DemoData.TOWER_HAMLETS_MEETING).getBody();
        assertThat(meeting.get("version").asInt()).isZero();
        assertThat(meeting.get("agendaPublishedAt").isNull()).isTrue();
        assertThat(meeting.get("agenda")).hasSize(1);
        assertThat(meeting.at("/agenda/0/documents")).hasSize(1);
        assertThat(api.get("tower-hamlets.clerk", "/api/t/tower-hamlets/agenda-numbering").getBody().get("numbering").asText())
                .isEqualTo("NUMBERS");
    }

    private String expand(String pattern, String tenant) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals("tenant") ? tenant : towerHamletsResources.get(name);
            if (value == null) {
                fail("Endpoint " + pattern + " has a path variable {" + name + "} with no Tower Hamlets fixture: add one"
                        + " to this test so the new endpoint is checked too");
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private List<Endpoint> endpoints(String prefix) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith(prefix)) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    fail(pattern + " accepts every HTTP method: give it an explicit one");
                }
                boolean multipart = info.getConsumesCondition().getConsumableMediaTypes()
                        .contains(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, multipart));
                }
            }
        }
        return endpoints;
    }

    /** A request body the endpoint will read, so that the refusal is the tenant check's, not the parser's. */
    Object body(Endpoint endpoint) {
        if (!endpoint.multipart()) {
            return "{}";
        }
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("title", "Planted appendix");
        form.add("kind", "APPENDIX");
        form.add("version", "0");
        form.add("file", new org.springframework.core.io.ByteArrayResource(org.councilflow.support.TestPdfs.onePage("Planted")) {
            @Override
            public String getFilename() {
                return "planted.pdf";
            }
        });
        return form;
    }

    record Endpoint(HttpMethod method, String pattern, boolean multipart) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }
}
