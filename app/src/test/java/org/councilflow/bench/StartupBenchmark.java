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
        // the packaged jar by default (the bench profile runs after package), as issue 21 asks; an empty
        // -Dbench.startup.jar= starts from the class path instead
        String jarProperty = System.getProperty("bench.startup.jar");
        String jar = jarProperty == null ? ProductionJar.jar().toString() : jarProperty;
        List<String> launch = jar.isEmpty()
                ? List.of("-cp", applicationClassPath(), "org.councilflow.CouncilFlowApplication")
                : List.of("-jar", jar);
        report.put("launchedFrom", jar.isEmpty() ? "class path (target/classes and dependencies)" : jar);
        Map<String, List<String>> variants = variants();
        report.put("variants", variants);
        List<String> arguments = List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--councilflow.identity.ui-client-secret=" + org.councilflow.devservices.KeycloakService.DEMO_UI_CLIENT_SECRET,
                "--councilflow.identity.admin-client-secret=" + org.councilflow.devservices.KeycloakService.DEMO_ADMIN_CLIENT_SECRET,
                "--spring.flyway.user=" + postgres.ownerUsername(),
                "--spring.flyway.password=" + postgres.ownerPassword(),
                "--councilflow.identity.issuer-uri=" + issuer,
                "--spring.mail.host=" + DevServices.smtp().host(),
                "--spring.mail.port=" + DevServices.smtp().port());
        String first = variants.keySet().iterator().next();
        // the first variant's options without the archive: it does not exist before the training start writes it
        List<String> withoutArchive = variants.get(first).stream().filter(option -> !option.contains("${cds}")).toList();

        // the first start migrates the empty database (Flyway, Flowable's schema, the deployments): apart
        report.put("migrating start (" + first + ")", start("migrating", withoutArchive, launch, arguments, false));
        // a class data sharing archive, dumped at the exit of a training start, for the variants that name ${cds}
        // -Dbench.startup.cds-archive=…: the archive deploy/cds-training.sh wrote (as the image build does); else a
        // full training start here (to readiness, then SIGTERM)
        String given = System.getProperty("bench.startup.cds-archive", "");
        Path archive = given.isBlank() ? Path.of("target", "bench", "councilflow-cds.jsa").toAbsolutePath() : Path.of(given);
        report.put("cdsArchive", given.isBlank() ? "a training start to readiness" : given + " (deploy/cds-training.sh)");
        if (given.isBlank() && variants.values().stream().flatMap(List::stream).anyMatch(option -> option.contains("${cds}"))) {
            Files.deleteIfExists(archive);
            List<String> training = new ArrayList<>(withoutArchive);
            training.add("-XX:ArchiveClassesAtExit=" + archive);
            report.put("cds training start", start("cds-training", training, launch, arguments, false));
            report.put("cds archive MiB", Files.exists(archive) ? Files.size(archive) / (1024 * 1024) : "not written");
        }
        // the variants interleaved, so that a busy spell of the machine falls on each
        Map<String, List<Map<String, Object>>> runs = new LinkedHashMap<>();
        for (int run = 1; run <= RUNS; run++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                List<String> options = variant.getValue().stream().map(o -> o.replace("${cds}", archive.toString())).toList();
                Map<String, Object> figures = start(variant.getKey() + "-" + run, options, launch, arguments,
                        PROFILE && run == 1);
                report.put(variant.getKey() + " run " + run, figures);
                runs.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(figures);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        runs.forEach((name, figures) -> summary.put(name, Map.of(
                "secondsToReadiness", figures.stream().map(r -> r.get("secondsToReadiness")).toList(),
                "rssAtIdleMb", figures.stream().map(r -> r.get("rssAtIdleMb")).toList())));
        report.put("summary", summary);
        report.write();
        assertThat(runs.values()).allSatisfy(figures -> assertThat(figures).allSatisfy(r -> assertThat(r).containsKey("rssAtIdleMb")));
    }

    /**
     * {@code -Dbench.startup.variants="name=options;name=options"} (options separated by spaces; {@code ${cds}} is the
     * archive of a training start), or one variant of {@code -Dbench.startup.jvm-options}.
     */
    private static Map<String, List<String>> variants() {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        String given = System.getProperty("bench.startup.variants", "");
        if (given.isBlank() && System.getProperty("bench.startup.jvm-options") == null) {
            // as the image runs it: its JAVA_TOOL_OPTIONS, the pod's memory, and a class data sharing archive
            List<String> image = new ArrayList<>(ProductionJar.imageJvmFlags());
            image.add("-XX:SharedArchiveFile=${cds}");
            variants.put("image", image);
        } else if (given.isBlank()) {
            variants.put("given", split(System.getProperty("bench.startup.jvm-options", "")));
        } else {
            for (String variant : given.split(";")) {
                int eq = variant.indexOf('=');
                variants.put(variant.substring(0, eq).strip(), split(variant.substring(eq + 1)));
            }
        }
        return variants;
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.split(" ")).filter(option -> !option.isBlank()).toList();
    }

    /** {@code -Dbench.startup.profile=true}: Spring's start-up steps and CPU samples of each variant's first run. */
    static final boolean PROFILE = Boolean.getBoolean("bench.startup.profile");

    private Map<String, Object> start(String name, List<String> jvmOptions, List<String> launch, List<String> arguments,
            boolean profile) throws Exception {
        int port = freePort();
        int managementPort = freePort(); // Actuator's readiness probe is there, not on the public port
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path log = dir.resolve("startup-" + name + ".log");
        Path recording = dir.resolve("startup-" + name + ".jfr").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (profile) {
            Files.deleteIfExists(recording);
            command.add("-Dcouncilflow.startup.jfr=true");
            command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
        }
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.add("--management.server.port=" + managementPort);
        command.addAll(arguments);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("loadAverageAtStart", loadAverage());
        try {
            Awaitility.await(name + " ready (log: " + log.toAbsolutePath() + ")").atMost(Duration.ofMinutes(5))
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
            Awaitility.await(name + " idle").atMost(Duration.ofSeconds(90)).pollDelay(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofSeconds(1)).failFast("the process ended", () -> !process.isAlive())
                    .until(() -> settled(samples, rssMb(process.pid())));
            figures.put("rssAtIdleMb", samples.get(samples.size() - 1));
            figures.put("idleSecondsSampled", samples.size());
            figures.put("stillReadyAtIdle", ready(managementPort));
        } finally {
            long stopping = System.nanoTime();
            process.destroy(); // SIGTERM: the graceful shutdown of a pod being replaced
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                figures.put("stoppedCleanly", false);
            } else {
                figures.put("stoppedCleanly", true);
                figures.put("secondsToStop", round((System.nanoTime() - stopping) / 1e9));
                figures.put("exitCode", process.exitValue());
            }
        }
        if (profile && Files.exists(recording)) {
            figures.put("profile", StartupProfile.of(recording));
        }
        return figures;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
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
