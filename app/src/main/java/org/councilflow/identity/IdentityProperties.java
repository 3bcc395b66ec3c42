package org.councilflow.identity;

import java.net.URI;

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
 */
@Validated
@ConfigurationProperties("councilflow.identity")
public record IdentityProperties(
        @NotNull URI issuerUri,
        @NotBlank String audience,
        @NotBlank String uiClientId,
        @NotBlank String uiClientSecret) {
}
