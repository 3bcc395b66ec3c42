package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every kind of response says what the browser may do with it: the public pages (no script at all) a strict
 * Content-Security-Policy that still lets their own styles apply, the staff UI and the API that they are never
 * framed; all a Referrer-Policy and a Permissions-Policy; documents downloaded through the API are never stored.
 */
@IntegrationTest
class SecurityHeadersTests {

    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]*)\">");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void publicPagesHaveAStrictPolicyThatAllowsTheirOwnStylesOnly() throws Exception {
        for (String path : List.of("/councils/barnet", "/councils/barnet/decisions", "/councils/barnet/search?q=plan",
                "/councils/barnet/open-data", "/councils/barnet/nothing-here", "/councils/nowhere")) {
            HttpResponse<String> page = get(path, null);
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'",
                    "form-action 'self'").doesNotContain("unsafe-inline").doesNotContain("script-src");
            assertThat(csp).as(path + ": stylesheets only from the site's own files").contains("style-src 'self';")
                    .doesNotContain("sha256-");
            assertThat(page.body()).as(path + ": no inline style").doesNotContain("<style").doesNotContain(" style=");
            Matcher stylesheet = STYLESHEET.matcher(page.body());
            int stylesheets = 0;
            while (stylesheet.find()) {
                stylesheets++;
                String href = stylesheet.group(1);
                assertThat(href).as(path).startsWith("/councils/barnet/").endsWith(".css");
                HttpResponse<String> css = get(href, null);
                assertThat(css.statusCode()).as(href).isEqualTo(200);
                assertThat(css.headers().firstValue("Content-Type").orElse("")).as(href).startsWith("text/css");
                assertThat(css.headers().firstValue("Cache-Control").orElse("")).as(href)
                        .contains("public", "max-age=31536000", "immutable");
                assertThat(css.body()).as(href).contains("--brand:#00703c");
                String other = href.replaceAll("-[0-9a-f]+\\.css$", "-0123456789abcdef0123.css");
                assertThat(get(other, null).statusCode()).as(other + ": another hash names nothing").isEqualTo(404);
            }
            // a council that does not exist gets the filter's bare 404 page, without stylesheet
            assertThat(stylesheets).as(path + ": its stylesheet").isEqualTo(path.equals("/councils/nowhere") ? 0 : 1);
            assertCommonHeaders(path, page.headers());
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void theStaffUiAndTheApiCannotBeFramed() throws Exception {
        for (String path : List.of("/", "/reports")) {
            HttpResponse<String> ui = get(path, null);
            assertThat(ui.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                    .contains("frame-ancestors 'none'");
            assertCommonHeaders(path, ui.headers());
        }
        HttpResponse<String> api = get("/api/me", Tokens.of("barnet.author"));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertCommonHeaders("/api/me", api.headers());
    }

    @Test
    void documentsDownloadedThroughTheApiAreNeverStored() throws Exception {
        Api calls = new Api(rest);
        String report = calls.post("barnet.author", "/api/t/barnet/reports", Map.of("document",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(getClass().getResourceAsStream(
                        "/reference/barnet-update-report-2018-06-06.json")))).getBody().get("id").asText();
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", "Letter");
        form.add("file", new ByteArrayResource(pdf()) {
            @Override
            public String getFilename() {
                return "letter.pdf";
            }
        });
        assertThat(calls.post("barnet.author", "/api/t/barnet/reports/" + report + "/appendices", form)
                .getStatusCode().is2xxSuccessful()).isTrue();

        HttpResponse<String> download = get("/api/t/barnet/reports/" + report + "/appendices/1", Tokens.of("barnet.manager"));

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    private static void assertCommonHeaders(String path, HttpHeaders headers) {
        assertThat(headers.firstValue("Permissions-Policy").orElse("")).as(path)
                .contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(headers.firstValue("Referrer-Policy")).as(path).isPresent();
        assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A minimal valid PDF of one blank page. */
    private static byte[] pdf() throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
