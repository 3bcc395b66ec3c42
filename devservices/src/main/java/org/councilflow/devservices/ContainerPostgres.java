package org.councilflow.devservices;

import java.util.List;

import org.testcontainers.containers.PostgreSQLContainer;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;

/** PostgreSQL in a container, where a Docker engine is available. */
final class ContainerPostgres extends PostgresService {

    // a fixed host port, so that clients find the server again at the same address after a restart
    private final int hostPort = DevServices.freePort();
    private final PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine")
            .withDatabaseName("postgres")
            .withUsername("postgres")
            .withPassword("postgres")
            .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(List.of(
                    new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(PostgreSQLContainer.POSTGRESQL_PORT)))));

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
    public void shutDown() {
        container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void startAgain() {
        container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return hostPort;
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
