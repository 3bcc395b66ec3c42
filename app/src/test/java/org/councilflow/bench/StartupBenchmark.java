package org.councilflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.PostgresService;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 5 of docs/benchmarks.md: CouncilFlow started as a JVM process of its own against the run's real
 * PostgreSQL and Keycloak, {@code bench.startup.runs} (3) times: seconds from process start to
 * {@code /actuator/health/readiness} UP, the start time Spring Boot reports, and the resident set size once idle.
 * The first start migrates an empty database; the later ones find it migrated. By default the process runs from
 * the build's class path ({@code target/classes} and the dependencies); {@code -Dbench.startup.jar=...} runs a
 * packaged jar instead (e.g. the production one, {@code -Pproduction}).
 */
class StartupBenchmark {

    static final int RUNS = Integer.getInteger("bench.startup.runs", 3);
    static final String DATABASE = "councilflow_startup_bench";
    static final Pattern STARTED = Pattern.compile(
            "Started CouncilFlowApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void secondsToReadinessAndResidentMemoryAtIdle() throws Exception {
        PostgresService postgres = DevServices.postgres();
        String databaseUrl = postgres.createFreshDatabase(DATABASE);
        String issuer = DevServices.keycloak().issuerUri();
        BenchReport report = new BenchReport("startup");
        String jar = System.getProperty("bench.startup.jar", "");
        List<String> launch = jar.isEmpty()
                ? List.of("-cp", applicationClassPath(), "org.councilflow.CouncilFlowApplication")
                : List.of("-jar", jar);
        report.put("launchedFrom", jar.isEmpty() ? "class path (target/classes and dependencies)" : jar);
        List<String> jvmOptions = Arrays.stream(System.getProperty("bench.startup.jvm-options", "").split(" "))
                .filter(option -> !option.isBlank()).toList();
        report.put("jvmOptions", jvmOptions);

        List<Map<String, Object>> runs = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            int port = freePort();
            int managementPort = freePort(); // Actuator's readiness probe is there, not on the public port
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(launch);
            command.addAll(List.of("--server.port=" + port,
                    "--management.server.port=" + managementPort,
                    "--spring.datasource.url=" + databaseUrl,
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--councilflow.identity.ui-client-secret=" + org.councilflow.devservices.KeycloakService.DEMO_UI_CLIENT_SECRET,
                    "--councilflow.identity.admin-client-secret=" + org.councilflow.devservices.KeycloakService.DEMO_ADMIN_CLIENT_SECRET,
                    "--spring.flyway.user=" + postgres.ownerUsername(),
                    "--spring.flyway.password=" + postgres.ownerPassword(),
                    "--councilflow.identity.issuer-uri=" + issuer,
                    "--spring.mail.host=" + DevServices.smtp().host(),
                    "--spring.mail.port=" + DevServices.smtp().port()));
            Path log = Files.createDirectories(Path.of("target", "bench")).resolve("startup-" + run + ".log");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Map<String, Object> figures = new LinkedHashMap<>();
            try {
                Awaitility.await("run " + run + " ready (log: " + log.toAbsolutePath() + ")").atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(100))
                        .failFast("the process ended", () -> !process.isAlive())
                        .until(() -> ready(managementPort));
                figures.put("secondsToReadiness", round((System.nanoTime() - start) / 1e9));
                Matcher started = STARTED.matcher(Files.readString(log));
                if (started.find()) {
                    figures.put("springBootStartedInSeconds", Double.parseDouble(started.group(1)));
                    figures.put("jvmRunningForSeconds", Double.parseDouble(started.group(2)));
                }
                figures.put("rssAtReadinessMb", rssMb(process.pid()));
                // idle: sample the resident set every second until it stops moving (5 samples within 1 %)
                List<Long> samples = new ArrayList<>();
                Awaitility.await("run " + run + " idle").atMost(Duration.ofSeconds(90)).pollDelay(Duration.ofSeconds(1))
                        .pollInterval(Duration.ofSeconds(1)).failFast("the process ended", () -> !process.isAlive())
                        .until(() -> settled(samples, rssMb(process.pid())));
                figures.put("rssAtIdleMb", samples.get(samples.size() - 1));
                figures.put("idleSecondsSampled", samples.size());
                figures.put("stillReadyAtIdle", ready(managementPort));
            } finally {
                long stopping = System.nanoTime();
                process.destroy(); // SIGTERM: the graceful shutdown of a pod being replaced
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    figures.put("stoppedCleanly", false);
                } else {
                    figures.put("stoppedCleanly", true);
                    figures.put("secondsToStop", round((System.nanoTime() - stopping) / 1e9));
                    figures.put("exitCode", process.exitValue());
                }
            }
            report.put("run" + run + (run == 1 ? " (empty database: migrations)" : ""), figures);
            runs.add(figures);
        }
        report.put("laterStartsSecondsToReadiness", runs.stream().skip(1).map(r -> r.get("secondsToReadiness")).toList());
        report.write();
        assertThat(runs).allSatisfy(r -> assertThat(r).containsKey("rssAtIdleMb"));
    }

    private boolean ready(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean settled(List<Long> samples, long sample) {
        samples.add(sample);
        if (samples.size() < 5) {
            return false;
        }
        List<Long> last = samples.subList(samples.size() - 5, samples.size());
        long min = last.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = last.stream().mapToLong(Long::longValue).max().orElseThrow();
        return max - min <= max / 100;
    }

    /** VmRSS of a process, from /proc, in MiB. */
    static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    /**
     * The application's own class path: this test run's class path without the test classes and without
     * surefire's jars (surefire may hand it over as a manifest-only jar, whose Class-Path is then read).
     */
    static String applicationClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("surefirebooter") && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry)) {
                    for (String url : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Path.of(URI.create(url)).toString());
                        }
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        return entries.stream()
                .filter(entry -> !entry.replace('\\', '/').matches(".*/test-classes/?"))
                .filter(entry -> !entry.contains("surefire") && !entry.contains("junit-platform-launcher"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
