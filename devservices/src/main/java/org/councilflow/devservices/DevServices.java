package org.councilflow.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;

/**
 * The services CouncilFlow runs against, started once per JVM and shared by every test class (and by the local
 * run): a real PostgreSQL and a real Keycloak. Containers where a Docker engine answers, local processes
 * otherwise; callers cannot tell the difference.
 */
public final class DevServices {

    private static PostgresService postgres;
    private static KeycloakService keycloak;
    private static SmtpService smtp;
    private static Boolean docker;

    private DevServices() {
    }

    /** The shared PostgreSQL with an empty, migratable database for a non-superuser application role. */
    public static synchronized PostgresService postgres() {
        if (postgres == null) {
            postgres = dockerAvailable() ? new ContainerPostgres() : new EmbeddedPostgresService(null, 0);
            postgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "stop-postgres"));
        }
        return postgres;
    }

    /** A PostgreSQL keeping its data in {@code dataDirectory} between runs, for the local demo instance. */
    public static synchronized PostgresService persistentPostgres(Path dataDirectory, int port) {
        if (postgres == null) {
            postgres = new EmbeddedPostgresService(dataDirectory, port);
            postgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "stop-postgres"));
        }
        return postgres;
    }

    /** The shared Keycloak with the {@code councilflow} realm imported from {@code deploy/keycloak/}. */
    public static synchronized KeycloakService keycloak() {
        if (keycloak == null) {
            keycloak = dockerAvailable() ? new ContainerKeycloak()
                    : new DistributionKeycloak(home().resolve("keycloak-data/test"), true, 0);
            start(keycloak);
        }
        return keycloak;
    }

    /** A Keycloak keeping its data in {@code dataDirectory} between runs, for the local demo instance. */
    public static synchronized KeycloakService persistentKeycloak(Path dataDirectory, int port) {
        if (keycloak == null) {
            keycloak = new DistributionKeycloak(dataDirectory, false, port);
            start(keycloak);
        }
        return keycloak;
    }

    /** The shared SMTP server that catches every mail the application sends. */
    public static synchronized SmtpService smtp() {
        if (smtp == null) {
            smtp = new SmtpService();
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "stop-smtp"));
        }
        return smtp;
    }

    private static void start(KeycloakService service) {
        service.start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "stop-keycloak"));
        // Keycloak's own e-mail (setting up an invited newcomer's account) goes to this run's SMTP server too
        service.sendMailTo(smtp().host(), smtp().port());
    }

    static synchronized boolean dockerAvailable() {
        if (docker == null) {
            docker = !Boolean.getBoolean("councilflow.devservices.no-docker") && dockerAnswers();
        }
        return docker;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The repository's root: where {@code mvnw} is. */
    public static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw")) && Files.isDirectory(d.resolve("deploy"))) {
                return d;
            }
        }
        throw new IllegalStateException("Cannot find the CouncilFlow repository root above " + dir);
    }

    /** Where the unpacked Keycloak distribution and service data live (git-ignored). */
    static Path home() {
        String configured = System.getProperty("councilflow.devservices.home");
        return configured != null ? Path.of(configured) : repositoryRoot().resolve(".devservices");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
