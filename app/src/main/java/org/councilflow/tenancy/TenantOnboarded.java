package org.councilflow.tenancy;

/** A council finished onboarding: its directory groups exist and it is active. Published inside that transaction. */
public record TenantOnboarded(String slug, String displayName) {
}
