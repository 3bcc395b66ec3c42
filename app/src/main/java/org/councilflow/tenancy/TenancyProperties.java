package org.councilflow.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowSharedDatabaseRole start even when the application's database role could undo row-level security
 *     (it owns the schema, as in deployments from before the owner role, or is superuser or {@code BYPASSRLS}),
 *     with a warning; by default such a start is refused (ADR 0007)
 */
@Validated
@ConfigurationProperties("councilflow.tenancy")
public record TenancyProperties(@DefaultValue("false") boolean allowSharedDatabaseRole) {
}
