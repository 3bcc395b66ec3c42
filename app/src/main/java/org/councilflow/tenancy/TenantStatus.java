package org.councilflow.tenancy;

/** Where a council stands on the platform. Nothing is deleted when a council is suspended. */
public enum TenantStatus {
    /** Being onboarded: its Keycloak side is not finished; nobody can work in it yet. */
    PROVISIONING,
    ACTIVE,
    /** Its users are refused and its public pages say so; all its data is kept. */
    SUSPENDED
}
