package org.councilflow.devservices;

import java.util.List;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;

import dasniko.testcontainers.keycloak.KeycloakContainer;

/** Keycloak in a container, where a Docker engine is available. */
final class ContainerKeycloak extends KeycloakService {

    private static final int HTTP_PORT = 8080;

    // a fixed host port, so that the issuer stays the same after a restart
    private final int hostPort = DevServices.freePort();
    private final KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:26.4")
            .withAdminUsername(ADMIN_USER)
            .withAdminPassword(ADMIN_PASSWORD)
            .withRealmImportFile(REALM_RESOURCE)
            .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(List.of(
                    new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(HTTP_PORT)))));

    @Override
    void start() {
        container.start();
    }

    @Override
    public void stop() {
        if (container.isRunning()) {
            container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
        }
    }

    @Override
    public void startAgain() {
        container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
        while (!realmReady()) {
            Thread.onSpinWait();
        }
    }

    @Override
    public String baseUrl() {
        return "http://" + container.getHost() + ":" + hostPort;
    }
}
