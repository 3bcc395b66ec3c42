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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * Benchmark 3 of docs/benchmarks.md: requests per second and p99 of a published decision page, its meeting's page and
 * the council's decisions feed, beside the same bytes served as static files by nginx on the same loopback, by the same
 * load generator (wrk if installed, else HttpLoad), at 1, 8 and 32 concurrent connections; the packaged jar
 * ({@link ProductionJar}: {@code -Pbench,production}, the image's JVM flags) started twice on the test run's database,
 * once with its rate limiter counting every request and once with it off; then the fixed cost of a request: the
 * liveness probe on the management port. The test JVM's own instance only publishes the decision.
 */
@IntegrationTest
class PublicPagesBenchmark {

    static final int[] CONCURRENCY = { 1, 8, 32 };
    static final double SECONDS = Double.parseDouble(System.getProperty("bench.public.seconds", "6"));
    static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.public.warmup-seconds", "4"));

    static final String MEETING = "00000000-0000-4000-8000-000000001501";

    @Autowired
    JdbcTemplate jdbc;

    /** The production jar with the rate limiter counting every request (refusing none), and with it off. */
    ProductionJar limited;
    ProductionJar unlimited;
    /** {@code -Dbench.public.variant="name=--setting=value …"}: a third jar (limiter on) with other settings, side by side. */
    ProductionJar variant;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    final List<Process> servers = new ArrayList<>();
    Path root;

    @AfterEach
    void stop() throws IOException {
        engine.getProcessEngineConfiguration().getClock().reset();
        for (ProductionJar jar : new ProductionJar[] { limited, unlimited, variant }) {
            if (jar != null) {
                jar.close();
            }
        }
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
    void aDecisionPageTheMeetingPageAndTheDecisionsFeedBesideTheSameBytesServedStatically() throws Exception {
        // the database is migrated (this JVM's instance started on it): both jars start while the decision is published
        // -Dbench.public.jar-args="--server.tomcat.threads.max=16 …": application settings for both, to compare
        Map<String, Object> given = settings(System.getProperty("bench.public.jar-args", ""));
        Map<String, Object> counting = new LinkedHashMap<>(given);
        counting.put("councilflow.ratelimit.public-requests", 1_000_000_000); // counts every request, refuses none
        Map<String, Object> off = new LinkedHashMap<>(given);
        off.put("councilflow.ratelimit.enabled", false);
        limited = ProductionJar.launch("public-pages-limiter-on", ProductionJar.imageJvmFlags(), counting);
        unlimited = ProductionJar.launch("public-pages-limiter-off", ProductionJar.imageJvmFlags(), off);
        String variantSpec = System.getProperty("bench.public.variant", "");
        String variantName = variantSpec.isBlank() ? null : "councilflow-" + variantSpec.substring(0, variantSpec.indexOf('='));
        Map<String, Object> variantSettings = new LinkedHashMap<>(counting);
        if (variantName != null) {
            variantSettings.putAll(settings(variantSpec.substring(variantSpec.indexOf('=') + 1)));
            variant = ProductionJar.launch("public-pages-" + variantName, ProductionJar.imageJvmFlags(), variantSettings);
        }
        publishADecision();
        limited.awaitReady(Duration.ofMinutes(10));
        unlimited.awaitReady(Duration.ofMinutes(10));
        if (variant != null) {
            variant.awaitReady(Duration.ofMinutes(10));
        }
        String decisions = "/councils/barnet/decisions";
        String decisionPath = Jsoup.parse(rest.getForObject(decisions, String.class)).selectFirst("main table a").attr("href");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("decisionPage", decisionPath);
        pages.put("meetingPage", "/councils/barnet/meetings/" + MEETING);
        pages.put("decisionsFeed", decisions + ".atom");

        // the same bytes, fetched once, as static files
        root = Files.createTempDirectory("councilflow-bench-static");
        Path www = Files.createDirectories(root.resolve("www"));
        // nginx's workers run as an unprivileged user: they must be able to read the files
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(www, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> files = Map.of("decisionPage", "/decision.html", "meetingPage", "/meeting.html",
                "decisionsFeed", "/decisions.atom");
        BenchReport report = new BenchReport("public-pages");
        report.put("loadAverageAtStart", loadAverage());
        report.put("versions", versions());
        report.put("application", limited.description());
        report.put("applicationSettings", variantName == null ? Map.of("limiterOn", counting, "limiterOff", off)
                : Map.of("limiterOn", counting, "limiterOff", off, variantName, variantSettings));
        for (var page : pages.entrySet()) {
            byte[] bytes = HttpLoad.fetch(limited.port(), page.getValue());
            Path file = Files.write(www.resolve(files.get(page.getKey()).substring(1)), bytes);
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            report.put(page.getKey() + ".path", page.getValue());
            report.put(page.getKey() + ".bytes", bytes.length);
        }

        Map<String, Integer> targets = new LinkedHashMap<>();
        targets.put("councilflow", limited.port());
        targets.put("councilflowNoRateLimit", unlimited.port());
        if (variant != null) {
            targets.put(variantName, variant.port());
        }
        Integer nginx = startNginx(root, www);
        if (nginx != null) {
            targets.put("nginx", nginx);
        }
        Integer python = Boolean.getBoolean("bench.public.python") ? startPython(www) : null;
        if (python != null) {
            targets.put("python", python);
        }
        assertThat(targets).as("a static-file server to compare with: run deploy/bench/install-nginx.sh").hasSizeGreaterThan(2);
        boolean wrk = Wrk.available() && !Boolean.getBoolean("bench.public.httpload");
        report.put("loadGenerator", wrk ? Wrk.version() : "HttpLoad (bench/HttpLoad.java)");
        report.put("servers", new ArrayList<>(targets.keySet()));
        for (var target : targets.entrySet()) {
            for (var page : pages.entrySet()) {
                String path = target.getKey().startsWith("councilflow") ? page.getValue() : files.get(page.getKey());
                assertThat(HttpLoad.fetch(target.getValue(), path)).as(target.getKey() + " serves " + path)
                        .isEqualTo(Files.readAllBytes(www.resolve(files.get(page.getKey()).substring(1))));
            }
        }

        Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
        Map<String, Double> p99s = new LinkedHashMap<>();
        // -Dbench.jfr=true: a Flight Recorder profile of the limiter-on jar (its request threads are Tomcat's
        // http-nio-<port>-*, the probe's http-nio-<management port>-*)
        boolean recording = Boolean.getBoolean("bench.jfr");
        if (recording) {
            Path jfr = Files.createDirectories(Path.of("target", "bench")).resolve("public-pages.jfr");
            limited.startRecording(jfr);
            report.put("jfr", Map.of("file", jfr.toAbsolutePath().toString(), "pageThreads", "http-nio-" + limited.port() + "-",
                    "probeThreads", "http-nio-" + limited.managementPort() + "-"));
        }
        // both instances' JIT through every page first, so that the first page measured is not the one that warms it
        for (var target : targets.entrySet()) {
            for (var page : pages.entrySet()) {
                if (target.getKey().startsWith("councilflow")) {
                    measure(wrk, target.getValue(), page.getValue(), 8, WARMUP_SECONDS);
                }
            }
        }
        for (var page : pages.entrySet()) {
            for (var target : targets.entrySet()) {
                String path = target.getKey().startsWith("councilflow") ? page.getValue() : files.get(page.getKey());
                measure(wrk, target.getValue(), path, 8, WARMUP_SECONDS); // JIT, connection pools, caches
                for (int concurrency : CONCURRENCY) {
                    String key = page.getKey() + "." + target.getKey() + ".c" + concurrency;
                    Measured result = measure(wrk, target.getValue(), path, concurrency, SECONDS);
                    report.put(key, result.figures());
                    rates.computeIfAbsent(page.getKey() + ".c" + concurrency, k -> new LinkedHashMap<>())
                            .put(target.getKey(), result.perSecond());
                    p99s.put(key, result.p99());
                    assertThat(result.failures()).as(key + ": every request answered 2xx/3xx").isZero();
                }
            }
        }
        // the fixed cost of a request: Actuator's liveness probe on the management port
        report.put("loadAverageBeforeLiveness", loadAverage());
        for (int concurrency : CONCURRENCY) {
            measure(wrk, limited.managementPort(), "/actuator/health/liveness", concurrency,
                    concurrency == 1 ? WARMUP_SECONDS : 1);
            Measured liveness = measure(wrk, limited.managementPort(), "/actuator/health/liveness", concurrency, SECONDS);
            report.put("liveness.c" + concurrency, liveness.figures());
            assertThat(liveness.failures()).as("liveness c" + concurrency + ": every probe answered 200").isZero();
        }
        if (recording) {
            limited.stopRecording();
        }
        for (var level : rates.entrySet()) {
            double ours = level.getValue().get("councilflow");
            double oursUnlimited = level.getValue().get("councilflowNoRateLimit");
            for (var other : level.getValue().entrySet()) {
                if (!other.getKey().startsWith("councilflow")) {
                    report.put("ratio." + level.getKey() + ".councilflow/" + other.getKey(),
                            Math.round(ours / other.getValue() * 1000) / 1000.0);
                    report.put("ratio." + level.getKey() + ".councilflowNoRateLimit/" + other.getKey(),
                            Math.round(oursUnlimited / other.getValue() * 1000) / 1000.0);
                    if (variantName != null) {
                        report.put("ratio." + level.getKey() + "." + variantName + "/" + other.getKey(),
                                Math.round(level.getValue().get(variantName) / other.getValue() * 1000) / 1000.0);
                    }
                }
            }
        }
        report.put("pageCache", Map.of("limiterOn", pageCache(limited), "limiterOff", pageCache(unlimited)));
        report.put("loadAverageAtEnd", loadAverage());
        report.write();
    }

    /** What one measurement gave, from wrk or from HttpLoad. */
    private record Measured(Map<String, Object> figures, double perSecond, double p99, long failures) {
    }

    private static Measured measure(boolean wrk, int port, String path, int connections, double seconds) throws Exception {
        if (wrk) {
            Wrk.Result result = Wrk.run(port, path, connections, (int) Math.max(1, Math.round(seconds)));
            return new Measured(result.figures(), result.perSecond(), result.p99(), result.non2xx3xx() + result.socketErrors());
        }
        HttpLoad.Result result = HttpLoad.run(port, path, connections, seconds);
        long failures = result.statuses().entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() >= 400)
                .mapToLong(Map.Entry::getValue).sum();
        Object p99 = BenchReport.percentiles(result.latencies()).get("p99Ms");
        return new Measured(result.figures(), result.perSecond(), ((Number) p99).doubleValue(), failures);
    }

    /** {@code --name=value} arguments as settings. */
    private static Map<String, Object> settings(String arguments) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String argument : arguments.split(" ")) {
            if (argument.startsWith("--") && argument.contains("=")) {
                settings.put(argument.substring(2, argument.indexOf('=')), argument.substring(argument.indexOf('=') + 1));
            }
        }
        return settings;
    }

    /** The held-page counters from the jar's Prometheus scrape. */
    private static Map<String, String> pageCache(ProductionJar jar) throws IOException, InterruptedException {
        Map<String, String> counters = new LinkedHashMap<>();
        jar.management("/actuator/prometheus").lines().filter(line -> line.startsWith("councilflow_publication_page_cache"))
                .forEach(line -> counters.put(line.substring(0, line.lastIndexOf(' ')), line.substring(line.lastIndexOf(' ') + 1)));
        return counters;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private Map<String, String> versions() throws IOException, InterruptedException {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        versions.put("springBoot", org.springframework.boot.SpringBootVersion.getVersion());
        versions.put("postgresql", jdbc.queryForObject("SELECT version()", String.class));
        if (Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            Process nginx = new ProcessBuilder("/usr/sbin/nginx", "-v").redirectErrorStream(true).start();
            versions.put("nginx", new String(nginx.getInputStream().readAllBytes()).strip());
            nginx.waitFor();
        }
        if (Wrk.available()) {
            versions.put("wrk", Wrk.version());
        }
        versions.put("application", "the packaged jar as a process of its own (\"application\" below)");
        return versions;
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
