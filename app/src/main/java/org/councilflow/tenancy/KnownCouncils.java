package org.councilflow.tenancy;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The councils by slug as the staff API and UI resolve them for every request (status, name), kept in memory while
 * {@link PublicSiteChanges} hears no change to the council's own row (ADR 0026): a suspension, reactivation or new
 * name drops it at once on the replica that made it and on the others when PostgreSQL's notification arrives. Unlike
 * {@link PublicCouncils} it is not dropped by the council's everyday writes, which change its publications, not its
 * row. Read inside the council's own tenant, so row-level security still decides what a miss may see.
 */
@Component
public class KnownCouncils {

    private final CouncilsHeldByStamp held;

    KnownCouncils(Tenants tenants, PublicSiteChanges changes) {
        this.held = new CouncilsHeldByStamp(tenants, changes, changes::councilStamp);
    }

    /** The council {@code slug} as it is now, in any status, or empty if there is none. */
    public Optional<Tenant> bySlug(String slug) {
        return held.bySlug(slug);
    }
}
