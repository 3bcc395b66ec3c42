package org.councilflow.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every API endpoint that reads a JSON body (found from the application's own mappings, so a new one is checked too)
 * refuses a field it does not know with 400 naming it, instead of reading the body without it: the agenda numbers
 * a client sent as {@code agendaItemNumber}, {@code itemNumber} or {@code position} used to vanish that way.
 */
@IntegrationTest
class UnknownFieldsIntegrationTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Map<String, String> VALUES = Map.of("tenant", "barnet", "slug", "barnet", "part", "summary",
            "number", "1", "appendixNumber", "1", "role", "member", "period", "2018-04", "planId", DemoData.BARNET_PLAN,
            "meetingId", "00000000-0000-4000-8000-000000001501", "committeeId", DemoData.BARNET_CES_COMMITTEE);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyJsonBodyWithAFieldItDoesNotHaveIsRefusedNamingTheField() {
        Api api = new Api(rest);
        List<String> checked = new ArrayList<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            Class<?> body = jsonBody(entry.getValue());
            RequestMappingInfo info = entry.getKey();
            if (body == null || info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(type -> type.getType().equals("multipart"))) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String user = pattern.startsWith("/api/platform") ? "platform.admin" : "barnet.tenant-admin";
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    for (String field : List.of("agendaItemNumber", "itemNumber", "position")) {
                        ResponseEntity<JsonNode> response = api.call(HttpMethod.valueOf(method.name()), expand(pattern),
                                Tokens.of(user), "{\"" + field + "\": 3}");
                        String what = method + " " + pattern + " with " + field;
                        assertThat(response.getStatusCode()).as(what + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(response.getBody().get("errors").findValuesAsText("field")).as(what).containsExactly(field);
                        assertThat(response.getBody().get("detail").asText()).as(what).contains(field);
                    }
                    checked.add(method + " " + pattern);
                }
            }
        }
        assertThat(checked).as("endpoints with JSON bodies").hasSizeGreaterThan(20)
                .contains("POST /api/t/{tenant}/meetings/{meetingId}/agenda/items", "POST /api/t/{tenant}/tasks/{taskId}/completion");
    }

    @Test
    void aStagesFormAndAReportPartRefuseFieldsTheyDoNotHave() {
        Api api = new Api(rest);
        String report = api.draftReferenceReport("barnet.author");
        ResponseEntity<JsonNode> header = api.put("barnet.author", "/api/t/barnet/reports/" + report + "/parts/header",
                Map.of("revision", 0, "content", Map.of("itemNumber", "4a")));
        assertThat(header.getStatusCode()).as(String.valueOf(header.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(header.getBody().toString()).contains("itemNumber");
        String task = api.post("barnet.author", "/api/t/barnet/reports/" + report + "/cycle", null).getBody().get("id").asText();
        ResponseEntity<JsonNode> submit = api.post("barnet.author", "/api/t/barnet/tasks/" + task + "/completion",
                Map.of("outcome", "submit", "form", Map.of("agendaItemNumber", "4a")));
        assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(submit.getBody().get("errors").findValuesAsText("field")).containsExactly("form.agendaItemNumber");
        assertThat(api.get("barnet.author", "/api/t/barnet/tasks").getBody().findValuesAsText("id"))
                .as("the draft still waits to be submitted").contains(task);
    }

    /** The type of the endpoint's JSON body, when it reads one into a type of ours (not bytes, text or any map). */
    private static Class<?> jsonBody(HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                Class<?> type = parameter.getParameterType();
                return type.getName().startsWith("org.councilflow.") ? type : null;
            }
        }
        return null;
    }

    private static String expand(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            matcher.appendReplacement(path, Matcher.quoteReplacement(VALUES.getOrDefault(name,
                    UUID.nameUUIDFromBytes(name.getBytes()).toString())));
        }
        matcher.appendTail(path);
        return path.toString();
    }
}
