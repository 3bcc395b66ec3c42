package org.councilflow.tenancy;

import java.time.Instant;

/** A council on the platform, with the settings that shape its workflow and pages. */
public record Tenant(String slug, String displayName, TenantStatus status, String statusReason,
        TenantSettings settings, Instant createdAt, Instant updatedAt, int version) {

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
