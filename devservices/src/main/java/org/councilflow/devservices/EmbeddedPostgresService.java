package org.councilflow.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** PostgreSQL from the zonky binaries on Maven Central, for machines without a Docker engine. */
final class EmbeddedPostgresService extends PostgresService {

    private final Path dataDirectory;
    private final boolean temporary;
    private final int requestedPort;
    private EmbeddedPostgres server;
    private int port;

    /** With a {@code null} directory, the data lives in a temporary one, deleted when the server stops for good. */
    EmbeddedPostgresService(Path dataDirectory, int port) {
        this.temporary = dataDirectory == null;
        this.dataDirectory = temporary ? temporaryDirectory() : dataDirectory;
        this.requestedPort = port;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("councilflow-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void start() {
        port = requestedPort > 0 ? requestedPort : DevServices.freePort();
        startServer();
        provisionApplicationDatabase();
    }

    /** Starts PostgreSQL on {@link #port} with the data directory as it is (initialised on first start). */
    private void startServer() {
        try {
            Files.createDirectories(dataDirectory);
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    // kept across a restart; a temporary directory is deleted by stop()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void shutDown() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not stop: " + e.getMessage(), e);
            }
            server = null;
        }
    }

    @Override
    public synchronized void startAgain() {
        if (server == null) {
            startServer();
        }
    }

    @Override
    void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is going away; the data directory is consistent after PostgreSQL's own shutdown
            }
            server = null;
        }
        if (temporary) {
            try {
                DistributionKeycloak.deleteRecursively(dataDirectory);
            } catch (IOException ignored) {
                // a temporary directory; the operating system clears it eventually
            }
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    String superUser() {
        return "postgres";
    }

    @Override
    String superPassword() {
        return "postgres";
    }
}
