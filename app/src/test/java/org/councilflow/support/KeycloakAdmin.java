package org.councilflow.support;

import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.KeycloakService;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The run's Keycloak as its own administrator (the master realm's bootstrap admin), for tests to look at accounts as
 * they really are and to put them back afterwards; never what the application itself uses.
 */
public final class KeycloakAdmin {

    private static Keycloak keycloak;

    private KeycloakAdmin() {
    }

    public static synchronized RealmResource realm() {
        if (keycloak == null) {
            keycloak = KeycloakBuilder.builder().serverUrl(DevServices.keycloak().baseUrl()).realm("master")
                    .clientId("admin-cli").username(KeycloakService.ADMIN_USER).password(KeycloakService.ADMIN_PASSWORD)
                    .build();
        }
        return keycloak.realm(KeycloakService.REALM);
    }

    public static UserRepresentation user(String username) {
        return realm().users().searchByUsername(username, true).stream().findFirst()
                .orElseThrow(() -> new AssertionError("No account " + username));
    }

    public static void update(UserRepresentation user) {
        realm().users().get(user.getId()).update(user);
    }
}
