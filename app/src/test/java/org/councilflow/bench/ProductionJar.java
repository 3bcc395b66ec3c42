package org.councilflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.councilflow.support.DevServicesProperties;

/**
 * The packaged application ({@code app/target/councilflow-app-*.jar}, built with {@code -Pproduction} before the
 * benchmarks run: the bench profile runs them after {@code package}) started as a process of its own with the JVM
 * flags of {@code deploy/Dockerfile}, against this test run's PostgreSQL, Keycloak and SMTP server, so that a
 * benchmark measures what is deployed rather than the test JVM's class path. Any benchmark may use it:
 * {@link #start}, {@link #baseUrl()}, {@link #managementUrl()}, {@link #close()}.
 *
 * <p>{@code -Dbench.jar=…} names another jar; {@code -Dbench.jar.jvm-options="…"} replaces the image's flags.
 */
public final class ProductionJar implements AutoCloseable {

    /** The chart's memory limit (helm/values.yaml): the heap is 75 % of it, as in a pod. */
    static final String POD_MEMORY = "-XX:MaxRAM=1536m";
    private static final Pattern TOOL_OPTIONS = Pattern.compile("^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"", Pattern.MULTILINE);
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final List<String> jvmFlags;
    private final Path log;
    private final long started = System.nanoTime();
    private double secondsToReady = Double.NaN;

    private ProductionJar(String name, Process process, int port, int managementPort, List<String> jvmFlags, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.jvmFlags = jvmFlags;
        this.log = log;
    }

    /** Starts the jar with the image's flags and the given application properties, and waits until it is ready. */
    public static ProductionJar start(String name, Map<String, ?> properties) {
        return launch(name, imageJvmFlags(), properties).awaitReady(Duration.ofMinutes(10));
    }

    /**
     * Starts the jar without waiting (several can then start side by side; {@link #awaitReady}). Properties given here
     * win over this run's services ({@link DevServicesProperties}: the test database, Keycloak, SMTP).
     */
    public static ProductionJar launch(String name, List<String> jvmFlags, Map<String, ?> properties) {
        Path jar = jar();
        int port = freePort();
        int managementPort = freePort();
        Map<String, Object> settings = new LinkedHashMap<>(DevServicesProperties.get());
        settings.remove("councilflow.history.allow-private-networks"); // the tests' fixtures only, not production's
        settings.putAll(properties);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--management.server.port=" + managementPort);
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path log = Files.createDirectories(Path.of("target", "bench")).resolve("jar-" + name + ".log").toAbsolutePath();
            // the image's flags are given on the command line, not in JAVA_TOOL_OPTIONS, so they show in ps
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            return new ProductionJar(name, builder.start(), port, managementPort, jvmFlags, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the management port's readiness probe says UP; fails at once if the process ends. */
    public ProductionJar awaitReady(Duration atMost) {
        Awaitility.await(name + " ready (log: " + log + ")").atMost(atMost).pollInterval(Duration.ofMillis(200))
                .failFast(name + " ended (log: " + log + ")", () -> !process.isAlive())
                .until(this::ready);
        secondsToReady = Math.round((System.nanoTime() - started) / 1e7) / 100.0;
        System.out.printf("[bench jar] %s ready in %.1f s on %s (management %s)%n", name, secondsToReady, baseUrl(),
                managementUrl());
        return this;
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(managementUrl()
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    /** GET on the management port (e.g. {@code /actuator/prometheus}), as text. */
    public String management(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(managementUrl() + path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** What was started, for a benchmark's JSON: jar, Vaadin's mode, JVM flags, Java, time to readiness. */
    public Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>(describe(jar()));
        description.put("jvmFlags", jvmFlags);
        description.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.home") + ")");
        description.put("classDataSharing", "not used (the image's archive shortens the start only)");
        description.put("secondsToReady", secondsToReady);
        description.put("log", log.toString());
        return description;
    }

    /** A Flight Recorder profile of the running process ({@code jcmd JFR.start}), until {@link #stopRecording}. */
    public void startRecording(Path file) throws IOException, InterruptedException {
        jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
    }

    public void stopRecording() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=bench");
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid())));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IOException("jcmd " + String.join(" ", arguments) + ": " + out);
        }
    }

    /** SIGTERM (a pod being replaced: graceful shutdown), then kill after a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** {@code -Dbench.jar}, else the newest {@code councilflow-app-*.jar} in {@code target/} (the module's directory). */
    public static Path jar() {
        String given = System.getProperty("bench.jar", "");
        if (!given.isBlank()) {
            return Path.of(given).toAbsolutePath();
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("councilflow-app-.*\\.jar"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified()))
                    .map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("no app/target/councilflow-app-*.jar: run the benchmarks with"
                            + " -Pbench,production and verify (they run after package), or give -Dbench.jar=…"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code -Dbench.jar.jvm-options}, else the image's {@code JAVA_TOOL_OPTIONS} read from {@code deploy/Dockerfile}
     * and the chart's memory limit ({@link #POD_MEMORY}), so that the heap is sized as in a pod.
     */
    public static List<String> imageJvmFlags() {
        String given = System.getProperty("bench.jar.jvm-options", "");
        if (!given.isBlank()) {
            return split(given);
        }
        try {
            Path dockerfile = Stream.of(Path.of("..", "deploy", "Dockerfile"), Path.of("deploy", "Dockerfile"))
                    .filter(Files::exists).findFirst().orElseThrow(() -> new IllegalStateException("no deploy/Dockerfile"));
            Matcher options = TOOL_OPTIONS.matcher(Files.readString(dockerfile));
            if (!options.find()) {
                throw new IllegalStateException("no ENV JAVA_TOOL_OPTIONS in " + dockerfile);
            }
            List<String> flags = new ArrayList<>(List.of(POD_MEMORY));
            flags.addAll(split(options.group(1)));
            return flags;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The jar's path, size and date, Spring Boot's version from its manifest, and Vaadin's mode: production when the
     * frontend bundle was built into it and {@code vaadin-dev} (the development server) is not in it.
     */
    public static Map<String, Object> describe(Path jar) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("jar", jar.toString());
        try (JarFile file = new JarFile(jar.toFile())) {
            description.put("jarBytes", Files.size(jar));
            description.put("jarModified", Files.getLastModifiedTime(jar).toString());
            description.put("springBoot", file.getManifest().getMainAttributes().getValue("Spring-Boot-Version"));
            boolean devServer = file.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/lib/vaadin-dev-"));
            var buildInfo = Stream.of("META-INF/VAADIN/config/flow-build-info.json",
                    "BOOT-INF/classes/META-INF/VAADIN/config/flow-build-info.json").map(file::getJarEntry)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            String info = buildInfo == null ? "" : new String(file.getInputStream(buildInfo).readAllBytes());
            boolean production = !devServer && info.replace(" ", "").contains("\"productionMode\":true");
            description.put("vaadinMode", production ? "production" : "development");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return description;
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.split(" ")).filter(option -> !option.isBlank()).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
