package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Feeds, open data, CSV and calendars carry absolute links and are cached publicly, so a shared cache would hand a
 * poisoned copy to everyone: their links come from the configured public address, never from the request's
 * {@code Host} or {@code X-Forwarded-Host} (which the application believes from a proxy on loopback).
 */
@IntegrationTest
class HostHeaderAttackTests {

    private static final Pattern ABSOLUTE = Pattern.compile("https?://[^\\s\"<>,]+");
    private static final List<String> PATHS = List.of("/councils/barnet/decisions.atom", "/councils/barnet/meetings.atom",
            "/councils/barnet/decisions.json", "/councils/barnet/decisions.csv", "/councils/barnet/meetings.ics");

    @LocalServerPort
    int port;

    @Value("${councilflow.publication.public-base-url:}")
    String publicBaseUrl;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    BarnetCycle cycle;

    @BeforeEach
    void aPublishedDecision() {
        cycle = new BarnetCycle(new Api(rest), engine);
        String report = cycle.report(document -> { });
        cycle.scheduled(report);
        cycle.decided(report, "Minutes.");
        cycle.published(report, false);
    }

    @AfterEach
    void resetClock() {
        cycle.resetClock();
    }

    @Test
    void aHostileHostHeaderNeverReachesALink() throws Exception {
        assertThat(publicBaseUrl).as("a configured public address").startsWith("http");
        for (String path : PATHS) {
            String response = raw("GET " + path + " HTTP/1.0\r\nHost: evil.example\r\nAccept: */*\r\n\r\n");
            assertThat(response).as(path).startsWith("HTTP/1.1 200");
            assertOnlyConfiguredLinks(path, response);
        }
    }

    @Test
    void hostileForwardedHeadersFromAProxyOnLoopbackNeverReachALink() throws Exception {
        for (String path : PATHS) {
            String response = raw("GET " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n"
                    + "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Port: 8443\r\n"
                    + "Forwarded: host=evil.example;proto=https\r\nAccept: */*\r\n\r\n");
            assertThat(response).as(path).startsWith("HTTP/1.1 200");
            assertOnlyConfiguredLinks(path, response);
        }
    }

    private void assertOnlyConfiguredLinks(String path, String response) {
        assertThat(response).as(path).doesNotContain("evil.example").doesNotContain(":8443");
        List<String> links = new ArrayList<>();
        Matcher matcher = ABSOLUTE.matcher(response);
        while (matcher.find()) {
            if (matcher.group().contains("/councils/")) {
                links.add(matcher.group());
            }
        }
        assertThat(links).as(path + " has links to the site").isNotEmpty();
        assertThat(links).as(path).allMatch(link -> link.startsWith(publicBaseUrl + "/councils/barnet"));
    }

    /** By socket: an HTTP client library would not send a Host header of our choosing. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            // iCalendar folds long lines: unfold them so that a link reads whole
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n ", "");
        }
    }
}
