package org.councilflow.devservices;

import org.testcontainers.containers.PostgreSQLContainer;

/** PostgreSQL in a container, where a Docker engine is available. */
final class ContainerPostgres extends PostgresService {

    private final PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine")
            .withDatabaseName("postgres")
            .withUsername("postgres")
            .withPassword("postgres");

    @Override
    void start() {
        container.start();
        provisionApplicationDatabase();
    }

    @Override
    void stop() {
        container.stop();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    String superUser() {
        return container.getUsername();
    }

    @Override
    String superPassword() {
        return container.getPassword();
    }
}
