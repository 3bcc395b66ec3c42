package org.councilflow.tenancy;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The councils by slug as the staff API and UI resolve them for every request (status, name), kept in memory while
 * {@link PublicSiteChanges} hears no change to the council's own row (ADR 0026): a suspension, reactivation or new
 * name drops it at once on the replica that made it and on the others when PostgreSQL's notification arrives. Unlike
 * {@link PublicCouncils} it is not dropped by the council's everyday writes, which change its publications, not its
 * row. Read inside the council's own tenant, so row-level security still decides what a miss may see.
 */
@Component
public class KnownCouncils {

    private static final int COUNCILS = 2_000;

    private record Held(long stamp, Optional<Tenant> council) {
    }

    private final Tenants tenants;
    private final PublicSiteChanges changes;
    private final Cache<String, Held> held = Caffeine.newBuilder().maximumSize(COUNCILS).build();

    KnownCouncils(Tenants tenants, PublicSiteChanges changes) {
        this.tenants = tenants;
        this.changes = changes;
    }

    /** The council {@code slug} as it is now, in any status, or empty if there is none. */
    public Optional<Tenant> bySlug(String slug) {
        long stamp = changes.councilStamp(slug);
        Held known = held.getIfPresent(slug);
        if (known != null && known.stamp() == stamp) {
            return known.council();
        }
        Optional<Tenant> council = TenantContext.supplyInTenant(slug, tenants::current);
        if (changes.listening()) {
            held.put(slug, new Held(stamp, council));
        }
        return council;
    }
}
