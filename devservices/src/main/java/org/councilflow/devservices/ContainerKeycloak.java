package org.councilflow.devservices;

import dasniko.testcontainers.keycloak.KeycloakContainer;

/** Keycloak in a container, where a Docker engine is available. */
final class ContainerKeycloak extends KeycloakService {

    private final KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:26.4")
            .withAdminUsername(ADMIN_USER)
            .withAdminPassword(ADMIN_PASSWORD)
            .withRealmImportFile(REALM_RESOURCE);

    @Override
    void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public String baseUrl() {
        return container.getAuthServerUrl().replaceAll("/$", "");
    }
}
