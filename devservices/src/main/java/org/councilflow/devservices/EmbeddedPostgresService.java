package org.councilflow.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** PostgreSQL from the zonky binaries on Maven Central, for machines without a Docker engine. */
final class EmbeddedPostgresService extends PostgresService {

    private final Path dataDirectory;
    private final int requestedPort;
    private EmbeddedPostgres server;
    private int port;

    EmbeddedPostgresService(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.requestedPort = port;
    }

    @Override
    void start() {
        try {
            port = requestedPort > 0 ? requestedPort : DevServices.freePort();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            server = builder.start();
            provisionApplicationDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start: " + e.getMessage(), e);
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
