package org.councilflow.tenancy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Councils and their people.
 *
 * @param invitationValidity how long an invitation link can be accepted
 * @param staffUrl the staff UI as people reach it, for the link in an invitation
 * @param mailFrom the sender of invitations
 * @param allowSharedDatabaseRole start even when the application's database role could undo row-level security
 *     (it owns the schema, as in deployments from before the owner role, or is superuser or {@code BYPASSRLS}),
 *     with a warning; by default such a start is refused (ADR 0007)
 */
@Validated
@ConfigurationProperties("councilflow.tenancy")
public record TenancyProperties(@NotNull Duration invitationValidity, @NotBlank String staffUrl, @NotBlank String mailFrom,
        @DefaultValue("false") boolean allowSharedDatabaseRole) {
}
