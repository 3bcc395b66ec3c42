package org.councilflow.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keycloak server distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the build into
 * {@code .devservices/}) run as a child process in dev mode, with its H2 database in a directory of our choice.
 */
final class DistributionKeycloak extends KeycloakService {

    private static final Logger log = LoggerFactory.getLogger(DistributionKeycloak.class);
    private static final long START_TIMEOUT_SECONDS = 240;

    private final Path dataDirectory;
    private final boolean fresh;
    private final int requestedPort;
    private Process process;
    private int port;

    DistributionKeycloak(Path dataDirectory, boolean fresh, int port) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.fresh = fresh;
        this.requestedPort = port;
    }

    @Override
    void start() {
        Path dist = distribution();
        try {
            if (fresh) {
                deleteRecursively(dataDirectory);
            }
            Files.createDirectories(dataDirectory);
            Path imports = Files.createDirectories(dist.resolve("data/import"));
            try (InputStream realm = realmExport()) {
                Files.copy(realm, imports.resolve("councilflow-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            port = requestedPort > 0 ? requestedPort : DevServices.freePort();
            Path logFile = dataDirectory.resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", dist.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--http-management-port=" + DevServices.freePort(),
                    "--import-realm",
                    "--db=dev-file",
                    "--db-url=jdbc:h2:file:" + dataDirectory.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE",
                    "--log-level=WARN"))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
            long started = System.nanoTime();
            process = builder.start();
            awaitRealm(logFile);
            log.info("Keycloak {} ready at {} in {} s (log: {})", dist.getFileName(), baseUrl(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), logFile);
        } catch (IOException e) {
            throw unchecked("Keycloak did not start", e);
        }
    }

    private void awaitRealm(Path logFile) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (!realmReady()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail(logFile));
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("Keycloak not ready after " + START_TIMEOUT_SECONDS + " s:\n" + tail(logFile));
            }
            try {
                // polling a child process we started; not a test sleeping on the code under test
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public synchronized void startAgain() {
        if (process == null) {
            DistributionKeycloak again = new DistributionKeycloak(dataDirectory, false, port);
            again.start();
            this.process = again.process;
        }
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static Path distribution() {
        Path home = DevServices.home();
        try (Stream<Path> entries = Files.list(home)) {
            return entries.filter(p -> p.getFileName().toString().matches("keycloak-\\d.*"))
                    .filter(p -> Files.exists(p.resolve("bin/kc.sh")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution under " + home
                            + ": run ./mvnw -pl devservices generate-resources"));
        } catch (IOException e) {
            throw unchecked("No Keycloak distribution under " + home + " (run ./mvnw -pl devservices generate-resources)", e);
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
