package org.councilflow.tenancy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Councils and their people.
 *
 * @param invitationValidity how long an invitation link can be accepted
 * @param staffUrl the staff UI as people reach it, for the link in an invitation
 * @param mailFrom the sender of invitations
 */
@Validated
@ConfigurationProperties("councilflow.tenancy")
public record TenancyProperties(@NotNull Duration invitationValidity, @NotBlank String staffUrl, @NotBlank String mailFrom) {
}
