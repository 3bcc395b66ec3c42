package org.councilflow.resilience;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.councilflow.CouncilFlowApplication;
import org.councilflow.devservices.DevServices;

/** CouncilFlow running as a child process of the test JVM (the application plus {@link ChildApplication}, from this class path). */
final class AppProcess {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final int managementPort;
    private final int clockPort;

    private AppProcess(Process process, int port, int managementPort, int clockPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.clockPort = clockPort;
    }

    /**
     * Starts the application on {@code port} (Actuator on {@code managementPort}) with its engine clock at
     * {@code clockAt}, and waits until it is ready.
     */
    static AppProcess start(int port, int managementPort, Instant clockAt, Map<String, Object> properties, Path log) {
        int clockPort = DevServices.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                CouncilFlowApplication.class.getName(),
                "--spring.main.sources=" + ChildApplication.EngineClockControl.class.getName(),
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.profiles.active=test",
                "--councilflow.test.clock-port=" + clockPort,
                "--councilflow.test.clock-at=" + clockAt));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AppProcess app = new AppProcess(process, port, managementPort, clockPort);
        await("the application process is ready (log: " + log + ")").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("The application process exited with " + process.exitValue() + "; see " + log);
                    }
                    return app.ready();
                });
        return app;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Actuator's port: probes and metrics are not on the public one. */
    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    boolean ready() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    void setClock(Instant instant) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + clockPort + "/clock"))
                .PUT(HttpRequest.BodyPublishers.ofString(instant.toString())).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("The application process refused to move its clock to " + instant);
        }
    }

    /** SIGKILL: no shutdown hook, nothing graceful; transactions in flight die with their connections. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, the graceful way out; SIGKILL if that takes too long. */
    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
