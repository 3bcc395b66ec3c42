package org.councilflow.support;

import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.KeycloakService;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
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

    /**
     * An account created the way Keycloak creates any (with the realm's default roles, so its owner may use the
     * account console), with a password and one group.
     */
    public static void createMember(String username, String email, String password, String groupPath) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setFirstName("Tess");
        user.setLastName("Member");
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(java.util.List.of(credential));
        user.setGroups(java.util.List.of(groupPath));
        try (jakarta.ws.rs.core.Response response = realm().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused the account: " + response.readEntity(String.class));
            }
        }
    }

    public static void update(UserRepresentation user) {
        realm().users().get(user.getId()).update(user);
    }
}
