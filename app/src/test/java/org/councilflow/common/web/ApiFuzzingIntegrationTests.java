package org.councilflow.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.DemoData;
import org.councilflow.support.DevServicesProperties;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Thousands of malformed requests against every API mapping the application has (found from its own request
 * mappings), sent with real tokens of demo users: bad JSON, wrong JSON types, huge strings, unknown enum values,
 * path tricks, wrong content types, absurd paging. Every request is malformed in a way that must be refused, so
 * none may change data. The seed is fixed: a failure names the requests, and a rerun sends the same ones.
 */
@IntegrationTest
class ApiFuzzingIntegrationTests {

    static final long SEED = 20261124L;
    static final int REQUESTS_PER_ENDPOINT = 36;
    static final String MEGABYTE = "x".repeat(1024 * 1024);
    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    static final List<String> USERS = List.of("barnet.tenant-admin", "barnet.author-manager", "barnet.clerk",
            "barnet.board-chair", "platform.admin", "partner.director");
    static final Map<String, String> BARNET = Map.ofEntries(
            Map.entry("tenant", "barnet"),
            Map.entry("slug", "barnet"),
            Map.entry("planId", DemoData.BARNET_PLAN),
            Map.entry("committeeId", DemoData.BARNET_CES_COMMITTEE),
            Map.entry("indicatorId", "00000000-0000-4000-8000-000000001101"),
            Map.entry("riskId", "00000000-0000-4000-8000-000000001201"),
            Map.entry("eventId", "00000000-0000-4000-8000-000000001301"),
            Map.entry("meetingId", "00000000-0000-4000-8000-000000001501"),
            Map.entry("part", "summary"),
            Map.entry("number", "1"),
            Map.entry("appendixNumber", "1"),
            Map.entry("role", "member"),
            Map.entry("period", "2018-04"));
    static final List<String> PATH_TRICKS = List.of("not-a-uuid", "..", "%2e%2e", "..%2f..%2fplatform%2ftenants", "%2F",
            "a%00b", "%c0%ae%c0%ae", "%C3%A9t%C3%A9", "%F0%9F%92%A5", "\u00e9", "x".repeat(5000), "x".repeat(100_000),
            "-1", "0", "99999999999999999999", "00000000-0000-0000-0000-000000000000", "'%20OR%201=1--", "%25",
            ";jsessionid=x", "%20", "%7Btenant%7D", "tower-hamlets", "Barnet", "barnet%2Fmanager", "..;", "%5C..%5C",
            UUID.randomUUID() + "%0d%0aX-Injected:%201", "null", "undefined", "00000000-0000-4000-8000-00000000100Z");
    static final List<String> BAD_JSON = List.of("{", "{\"a\":", "[", "nul", "{\"x\":1}}", "{'single':'quotes'}",
            "{\"a\":1,}", "\u00ef\u00bb\u00bf{}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":NaN}", "[".repeat(100_000),
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "{\"" + MEGABYTE + "\":1", "\"" + MEGABYTE,
            "{\"a\":1e999999999}", "{\"a\":" + "9".repeat(100_000) + "}");
    static final List<String> WRONG_TOP_LEVEL = List.of("[]", "[{}]", "\"string\"", "42", "true", "-0.5e3");
    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data", "multipart/form-data; boundary=fuzz", "application/json; charset=nonexistent-7",
            "application/json; charset=UTF-32", "image/png", "*/*", "application/json;;;", "garbage", "");
    static final List<String> QUERIES = List.of("page=-1", "page=2147483648", "page=99999999999999999999&size=-5",
            "size=2147483647", "size=0", "limit=-1", "limit=99999999999", "limit=abc", "from=-1&to=2147483648",
            "from=yesterday", "to=" + "9".repeat(400), "planId=not-a-uuid", "stage=NOT_A_STAGE", "status=%00",
            "q=%F0%9F%92%A5%27%22%3C%3E", "sort=%3Bdrop%20table", "from=2026-13-45T99:99:99Z", "assignee=" + "a".repeat(6000),
            "page=1&page=2&page=x", "%25zz=%25zz", "urgency=catastrophic");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void malformedRequestsGetNoServerErrorAndChangeNothing() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("API endpoints found").hasSizeGreaterThan(50);
        Map<String, String> before = checksums();
        Random random = new Random(SEED);
        List<String> serverErrors = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;

        for (Endpoint endpoint : endpoints) {
            for (int i = 0; i < REQUESTS_PER_ENDPOINT; i++) {
                Fuzzed request = fuzz(endpoint, random);
                HttpResponse<String> response = send(request);
                sent++;
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    serverErrors.add(request + "\n    -> " + response.statusCode() + " " + abbreviate(response.body(), 300));
                }
            }
        }
        System.out.printf("API fuzzing: %d requests against %d endpoints (seed %d), statuses %s%n", sent,
                endpoints.size(), SEED, statuses);

        assertThat(serverErrors).as("requests answered with a server error").isEmpty();
        assertThat(checksums()).as("tables after the fuzzing").isEqualTo(before);
        assertThat(sent).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void aMalformedMultipartBodyIsABadRequestWithAProblemDocument() throws Exception {
        String letter = "/api/t/barnet/plans/" + DemoData.BARNET_PLAN + "/inspections/00000000-0000-4000-8000-000000001301/letter";
        for (String contentType : List.of("multipart/form-data; boundary=fuzz", "multipart/form-data")) {
            HttpResponse<String> response = send(new Fuzzed("PUT", letter, "barnet.clerk", contentType,
                    "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\r\n--fu"));

            assertThat(response.statusCode()).as(contentType).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(response.body()).get("detail").asText()).contains("multipart/form-data body could not be read");
        }
    }

    private Fuzzed fuzz(Endpoint endpoint, Random random) throws Exception {
        String user = USERS.get(random.nextInt(USERS.size()));
        List<Kind> kinds = new ArrayList<>();
        boolean hasVariables = VARIABLE.matcher(endpoint.pattern()).find();
        if (hasVariables) {
            kinds.add(Kind.PATH);
        }
        if (endpoint.body() != null || endpoint.multipart()) {
            kinds.addAll(List.of(Kind.BAD_JSON, Kind.WRONG_TOP_LEVEL, Kind.WRONG_FIELD, Kind.WRONG_FIELD,
                    Kind.CONTENT_TYPE));
        }
        if (endpoint.method().equals("GET")) {
            kinds.addAll(List.of(Kind.QUERY, Kind.QUERY));
        }
        if (kinds.isEmpty()) {
            // a change without variables or body: only a wrong method is surely refused
            kinds.add(Kind.WRONG_METHOD);
        }
        Kind kind = kinds.get(random.nextInt(kinds.size()));
        String path = expand(endpoint.pattern(), kind == Kind.PATH ? random : null);
        String method = endpoint.method();
        String contentType = endpoint.multipart() ? "multipart/form-data; boundary=fuzz" : "application/json";
        String body = endpoint.body() == null && !endpoint.multipart() ? null : validBody(endpoint);
        switch (kind) {
            case PATH -> {
                // keep a body the endpoint would read, so that only the path is wrong
            }
            case QUERY -> path += "?" + QUERIES.get(random.nextInt(QUERIES.size()));
            case BAD_JSON -> body = BAD_JSON.get(random.nextInt(BAD_JSON.size()));
            case WRONG_TOP_LEVEL -> {
                List<String> values = new ArrayList<>(WRONG_TOP_LEVEL);
                if (endpoint.bodyRequired()) {
                    values.addAll(List.of("null", ""));
                }
                body = values.get(random.nextInt(values.size()));
            }
            case WRONG_FIELD -> body = wrongField(endpoint, random);
            case CONTENT_TYPE -> {
                List<String> types = new ArrayList<>(CONTENT_TYPES);
                types.remove(endpoint.multipart() ? "multipart/form-data; boundary=fuzz" : "");
                contentType = types.get(random.nextInt(types.size()));
                if (contentType.startsWith("application/json") || contentType.equals("*/*")) {
                    body = BAD_JSON.get(random.nextInt(BAD_JSON.size()));
                }
            }
            case WRONG_METHOD -> method = "PATCH";
        }
        if (endpoint.multipart() && kind != Kind.CONTENT_TYPE && kind != Kind.PATH) {
            body = "--fuzz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + body + "\r\n--fu";
        }
        if (endpoint.xml() && kind == Kind.WRONG_FIELD) {
            contentType = "application/xml";
            body = random.nextBoolean() ? "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process"
                    : "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><definitions>&e;</definitions>";
        }
        return new Fuzzed(method, path, user, body == null ? null : contentType, body);
    }

    private HttpResponse<String> send(Fuzzed fuzzed) throws Exception {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + fuzzed.path()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the fuzzer built a path Java cannot send: " + abbreviate(fuzzed.path(), 200), e);
        }
        request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + Tokens.of(fuzzed.user()));
        if (fuzzed.contentType() != null && !fuzzed.contentType().isEmpty()) {
            request.header("Content-Type", fuzzed.contentType());
        }
        request.method(fuzzed.method(), fuzzed.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(fuzzed.body(), StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The endpoint's path with Barnet's demo ids, or (given a random) one variable replaced by a trick. */
    private String expand(String pattern, Random random) {
        Matcher matcher = VARIABLE.matcher(pattern);
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        String tricked = random == null ? null : names.get(random.nextInt(names.size()));
        matcher.reset();
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals(tricked) ? PATH_TRICKS.get(random.nextInt(PATH_TRICKS.size()))
                    : BARNET.getOrDefault(name, UUID.nameUUIDFromBytes(name.getBytes()).toString());
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** A body whose fields all have values of the right type. */
    private String validBody(Endpoint endpoint) throws Exception {
        if (endpoint.xml()) {
            return "<definitions/>";
        }
        if (endpoint.body() == null) {
            return "{}";
        }
        return json.writeValueAsString(fields(endpoint.body()).entrySet().stream()
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), validValue(e.getValue())), Map::putAll));
    }

    /** A body of right-typed values except one field, given a value of a type it cannot take. */
    private String wrongField(Endpoint endpoint, Random random) throws Exception {
        Map<String, Class<?>> fields = endpoint.body() == null ? Map.of() : fields(endpoint.body());
        if (fields.isEmpty()) {
            return WRONG_TOP_LEVEL.get(random.nextInt(WRONG_TOP_LEVEL.size()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        fields.forEach((name, type) -> body.put(name, validValue(type)));
        List<String> names = new ArrayList<>(fields.keySet());
        String broken = names.get(random.nextInt(names.size()));
        body.put(broken, wrongValue(fields.get(broken), random));
        return json.writeValueAsString(body);
    }

    private static Map<String, Class<?>> fields(Class<?> type) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.put(component.getName(), component.getType());
            }
        } else if (!type.isArray() && !type.getName().startsWith("java.")) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    fields.put(field.getName(), field.getType());
                }
            }
        }
        return fields;
    }

    private static Object validValue(Class<?> type) {
        if (type == String.class) {
            return "fuzz";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return 1;
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return 1.5;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == UUID.class) {
            return "00000000-0000-4000-8000-00000000dead";
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == Instant.class) {
            return "2027-01-01T10:00:00Z";
        }
        if (type == LocalDate.class) {
            return "2027-01-01";
        }
        if (type == LocalTime.class) {
            return "10:00";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return List.of();
        }
        return Map.of();
    }

    /** Something Jackson cannot bind to the type: never a value it would coerce. */
    private static Object wrongValue(Class<?> type, Random random) {
        List<Object> wrong = new ArrayList<>();
        if (type == String.class) {
            wrong.addAll(List.of(Map.of("nested", true), List.of(1, 2)));
        } else if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            wrong.addAll(List.of("not-a-number", Map.of("n", 1), List.of(1, 2), MEGABYTE, "1e99999"));
            if (type != boolean.class) {
                wrong.add("9".repeat(400));
            }
        } else if (type == Boolean.class) {
            wrong.addAll(List.of("perhaps", Map.of()));
        } else if (type == UUID.class) {
            wrong.addAll(List.of("not-a-uuid", MEGABYTE, 42, List.of(), "00000000-0000-4000-8000-00000000100Z"));
        } else if (type.isEnum()) {
            wrong.addAll(List.of("NOT_A_VALUE", "\u00e9t\u00e9", MEGABYTE, 999, Map.of()));
        } else if (Temporal.class.isAssignableFrom(type)) {
            wrong.addAll(List.of("yesterday", "2026-13-45", "25:99", MEGABYTE, List.of(true)));
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            wrong.addAll(List.of("scalar", 42, Map.of("a", 1)));
        } else {
            wrong.addAll(List.of(42, "scalar", true));
        }
        return wrong.get(random.nextInt(wrong.size()));
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            Class<?> body = null;
            boolean required = false;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestBody annotation = parameter.getParameterAnnotation(RequestBody.class);
                if (annotation != null) {
                    body = parameter.getParameterType();
                    required = annotation.required();
                }
            }
            boolean multipart = info.getConsumesCondition().getConsumableMediaTypes()
                    .contains(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
            boolean xml = info.getConsumesCondition().getConsumableMediaTypes()
                    .contains(org.springframework.http.MediaType.APPLICATION_XML);
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(method.name(), pattern, body, required, multipart, xml));
                }
            }
        });
        endpoints.sort((a, b) -> (a.pattern() + a.method()).compareTo(b.pattern() + b.method()));
        return endpoints;
    }

    /** An md5 per table of the councils' data and of Flowable's runtime, history and repository, read as superuser. */
    private static Map<String, String> checksums() throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = DevServices.postgres().superuserConnection(DevServicesProperties.TEST_DATABASE);
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                    WHERE table_type = 'BASE TABLE' AND ((table_schema = 'app' AND table_name <> 'flyway_schema_history')
                      OR (table_schema = 'public' AND (table_name LIKE 'act\\_ru\\_%' OR table_name LIKE 'act\\_hi\\_%'
                          OR table_name LIKE 'act\\_re\\_%')))""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                        + " FROM " + table + " t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        }
        assertThat(sums).as("tables checked").hasSizeGreaterThan(20);
        return sums;
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? String.valueOf(text) : text.substring(0, max) + "… (" + text.length() + " chars)";
    }

    enum Kind { PATH, QUERY, BAD_JSON, WRONG_TOP_LEVEL, WRONG_FIELD, CONTENT_TYPE, WRONG_METHOD }

    record Endpoint(String method, String pattern, Class<?> body, boolean bodyRequired, boolean multipart, boolean xml) {
    }

    record Fuzzed(String method, String path, String user, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + abbreviate(path, 160) + " as " + user + (body == null ? ""
                    : " [" + contentType + "] " + abbreviate(body, 160));
        }
    }
}
