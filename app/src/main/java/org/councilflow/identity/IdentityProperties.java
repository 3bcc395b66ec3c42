package org.councilflow.identity;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Where identities come from: the Keycloak realm that issues our tokens, and the clients the app uses.
 *
 * @param issuerUri the realm's issuer, e.g. {@code https://id.example.org/realms/councilflow}
 * @param audience the audience every API token must carry
 * @param uiClientId the confidential client of the staff UI (authorization code flow)
 * @param uiClientSecret its secret
 * @param adminClientId the confidential client whose service account provisions councils and their users
 * @param adminClientSecret its secret
 * @param platformAdmins the Keycloak user ids (subjects) that may administer the platform, besides being in the
 *        {@code /platform/platform-admin} group; empty: nobody
 */
@Validated
@ConfigurationProperties("councilflow.identity")
public record IdentityProperties(
        @NotNull URI issuerUri,
        @NotBlank String audience,
        @NotBlank String uiClientId,
        @NotBlank String uiClientSecret,
        @NotBlank String adminClientId,
        @NotBlank String adminClientSecret,
        List<@NotBlank String> platformAdmins) {

    public IdentityProperties {
        platformAdmins = platformAdmins == null ? List.of() : List.copyOf(platformAdmins);
    }

    /** The Keycloak server's base URL, derived from the issuer ({@code <base>/realms/<realm>}). */
    public String serverUrl() {
        String issuer = issuerUri.toString();
        return issuer.substring(0, issuer.indexOf("/realms/"));
    }

    public String realm() {
        String issuer = issuerUri.toString();
        return issuer.substring(issuer.indexOf("/realms/") + "/realms/".length()).replaceAll("/.*", "");
    }
}
