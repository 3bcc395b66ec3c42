package org.councilflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Benchmark 3 of docs/benchmarks.md: requests per second and p99 of a published decision page and of the council's
 * decisions feed, beside the same bytes served as static files by nginx (and Python's http.server) on the same
 * loopback, by the same load generator, at 1, 8 and 32 concurrent connections.
 */
@IntegrationTest
class PublicPagesBenchmark {

    static final int[] CONCURRENCY = { 1, 8, 32 };
    static final double SECONDS = Double.parseDouble(System.getProperty("bench.public.seconds", "6"));
    static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.public.warmup-seconds", "4"));

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    final List<Process> servers = new ArrayList<>();
    Path root;

    @AfterEach
    void stop() throws IOException {
        engine.getProcessEngineConfiguration().getClock().reset();
        for (Process server : servers) {
            server.destroy();
            try {
                if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (root != null) {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    @Test
    void aDecisionPageAndTheDecisionsFeedBesideTheSameBytesServedStatically() throws Exception {
        publishADecision();
        String decisions = "/councils/barnet/decisions";
        String decisionPath = Jsoup.parse(rest.getForObject(decisions, String.class)).selectFirst("main table a").attr("href");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("decisionPage", decisionPath);
        pages.put("decisionsFeed", decisions + ".atom");

        // the same bytes, fetched once, as static files
        root = Files.createTempDirectory("councilflow-bench-static");
        Path www = Files.createDirectories(root.resolve("www"));
        // nginx's workers run as an unprivileged user: they must be able to read the files
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(www, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> files = Map.of("decisionPage", "/decision.html", "decisionsFeed", "/decisions.atom");
        BenchReport report = new BenchReport("public-pages");
        for (var page : pages.entrySet()) {
            byte[] bytes = HttpLoad.fetch(port, page.getValue());
            Path file = Files.write(www.resolve(files.get(page.getKey()).substring(1)), bytes);
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            report.put(page.getKey() + ".path", page.getValue());
            report.put(page.getKey() + ".bytes", bytes.length);
        }

        Map<String, Integer> targets = new LinkedHashMap<>();
        targets.put("councilflow", port);
        Integer nginx = startNginx(root, www);
        if (nginx != null) {
            targets.put("nginx", nginx);
        }
        Integer python = startPython(www);
        if (python != null) {
            targets.put("python", python);
        }
        assertThat(targets).as("a static-file server to compare with: run deploy/bench/install-nginx.sh").hasSizeGreaterThan(1);
        report.put("staticServers", new ArrayList<>(targets.keySet()).subList(1, targets.size()));
        for (var target : targets.entrySet()) {
            for (var page : pages.entrySet()) {
                String path = target.getKey().equals("councilflow") ? page.getValue() : files.get(page.getKey());
                assertThat(HttpLoad.fetch(target.getValue(), path)).as(target.getKey() + " serves " + path)
                        .isEqualTo(Files.readAllBytes(www.resolve(files.get(page.getKey()).substring(1))));
            }
        }

        Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
        // -Dbench.jfr=true: a Flight Recorder profile of the run (the server's threads are Tomcat's http-nio-*)
        jdk.jfr.Recording recording = null;
        if (Boolean.getBoolean("bench.jfr")) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.setDestination(Files.createDirectories(Path.of("target", "bench")).resolve("public-pages.jfr"));
            recording.start();
        }
        for (var page : pages.entrySet()) {
            for (var target : targets.entrySet()) {
                String path = target.getKey().equals("councilflow") ? page.getValue() : files.get(page.getKey());
                HttpLoad.run(target.getValue(), path, 8, WARMUP_SECONDS); // JIT, connection pools, caches
                for (int concurrency : CONCURRENCY) {
                    HttpLoad.Result result = HttpLoad.run(target.getValue(), path, concurrency, SECONDS);
                    String key = page.getKey() + "." + target.getKey() + ".c" + concurrency;
                    report.put(key, result.figures());
                    rates.computeIfAbsent(page.getKey() + ".c" + concurrency, k -> new LinkedHashMap<>())
                            .put(target.getKey(), result.perSecond());
                    assertThat(result.statuses()).as(key + ": every request answered").doesNotContainKey(-1);
                }
            }
        }
        if (recording != null) {
            recording.stop();
            recording.close();
        }
        for (var level : rates.entrySet()) {
            double ours = level.getValue().get("councilflow");
            for (var other : level.getValue().entrySet()) {
                if (!other.getKey().equals("councilflow")) {
                    report.put("ratio." + level.getKey() + ".councilflow/" + other.getKey(),
                            Math.round(ours / other.getValue() * 1000) / 1000.0);
                }
            }
        }
        report.write();
    }

    /** nginx from Debian (deploy/bench/install-nginx.sh), on a free loopback port with a configuration of its own. */
    private Integer startNginx(Path root, Path www) throws IOException {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            System.out.println("[bench public-pages] no nginx: run deploy/bench/install-nginx.sh");
            return null;
        }
        int nginxPort = freePort();
        Path conf = root.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 2;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    keepalive_requests 1000000;
                    keepalive_timeout 60s;
                    types { text/html html; application/atom+xml atom; }
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                    }
                }
                """.formatted(root, nginxPort, www));
        servers.add(new ProcessBuilder(binary.toString(), "-e", root.resolve("error.log").toString(), "-p", root.toString(),
                "-c", conf.toString()).redirectErrorStream(true).redirectOutput(root.resolve("nginx.out").toFile()).start());
        awaitListening(nginxPort);
        return nginxPort;
    }

    /** Python's standard-library web server (ThreadingHTTPServer), as a second, plainer baseline. */
    private Integer startPython(Path www) throws IOException {
        int pythonPort = freePort();
        try {
            servers.add(new ProcessBuilder("python3", "-m", "http.server", "--protocol", "HTTP/1.1", "--bind", "127.0.0.1",
                    "--directory", www.toString(), String.valueOf(pythonPort))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            System.out.println("[bench public-pages] no python3: " + e.getMessage());
            return null;
        }
        try {
            awaitListening(pythonPort);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("[bench public-pages] python3 -m http.server did not start (it needs Python 3.11+)");
            return null;
        }
        return pythonPort;
    }

    private static void awaitListening(int serverPort) {
        Awaitility.await("a server on port " + serverPort).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> {
                    try (Socket socket = new Socket("127.0.0.1", serverPort)) {
                        return true;
                    }
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The Barnet report of June 2018 through the real cycle to a published decision (cf. DecisionPageIntegrationTests). */
    private void publishADecision() throws IOException {
        Api api = new Api(rest);
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(getClass().getResourceAsStream(
                "/reference/barnet-update-report-2018-06-06.json"));
        ObjectNode header = (ObjectNode) document.get("header");
        header.put("meetingDate", "2018-09-12");
        header.put("keyDecision", false);
        ResponseEntity<JsonNode> created = api.post("barnet.author", "/api/t/barnet/reports",
                Map.of("planId", DemoData.BARNET_PLAN, "document", document));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String reportId = created.getBody().get("id").asText();
        clock("2018-08-28T09:00:00Z");
        assertThat(api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        complete(api, "barnet.author", reportId, "draftUpdate", Map.of("outcome", "submit"));
        complete(api, "barnet.manager", reportId, "managerSignOff", Map.of("outcome", "approve"));
        complete(api, "barnet.board-chair", reportId, "boardReview", Map.of("outcome", "endorse"));
        complete(api, "barnet.clerk", reportId, "scheduleToCommittee",
                Map.of("outcome", "schedule", "form", Map.of("meetingId", "00000000-0000-4000-8000-000000001501")));
        api.publishAgenda("barnet", "00000000-0000-4000-8000-000000001501");
        clock("2018-09-12T21:30:00Z");
        complete(api, "barnet.clerk", reportId, "recordDecision", Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form",
                Map.of("resolutions", List.of("That the Committee note the progress of the Improvement Action Plan.",
                        "That the Committee note the Ofsted monitoring visit letter."),
                        "minutes", "The Chairman introduced the report. The Committee noted the progress.", "keyDecision", false)));
        clock("2018-10-02T09:00:00Z");
        complete(api, "barnet.clerk", reportId, "publishDecision",
                Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", false)));
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    private void clock(String instant) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse(instant)));
    }

    private static void complete(Api api, String user, String reportId, String stage, Map<String, Object> completion) {
        String council = user.substring(0, user.indexOf('.'));
        String taskId = null;
        for (JsonNode task : api.get(user, "/api/t/" + council + "/tasks").getBody()) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                taskId = task.get("id").asText();
            }
        }
        assertThat(taskId).as(user + " has a " + stage + " task").isNotNull();
        ResponseEntity<JsonNode> response = api.post(user, "/api/t/" + council + "/tasks/" + taskId + "/completion", completion);
        assertThat(response.getStatusCode()).as(user + " completes " + stage + ": " + response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }
}
