package org.councilflow.tenancy;

import java.util.Optional;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Councils by slug, held in memory while their stamp from {@link PublicSiteChanges} stays the same: the stamp is read
 * before the council, so a change heard meanwhile makes the next call read again. Nothing is held while the
 * instance does not hear PostgreSQL's notifications. Read inside the council's own tenant, so row-level security
 * still decides what a miss may see.
 */
final class CouncilsHeldByStamp {

    private static final int COUNCILS = 2_000;

    private record Held(long stamp, Optional<Tenant> council) {
    }

    private final Tenants tenants;
    private final PublicSiteChanges changes;
    private final ToLongFunction<String> stampOf;
    private final Cache<String, Held> held = Caffeine.newBuilder().maximumSize(COUNCILS).build();

    CouncilsHeldByStamp(Tenants tenants, PublicSiteChanges changes, ToLongFunction<String> stampOf) {
        this.tenants = tenants;
        this.changes = changes;
        this.stampOf = stampOf;
    }

    /** The council {@code slug} as it is now, in any status, or empty if there is none. */
    Optional<Tenant> bySlug(String slug) {
        long stamp = stampOf.applyAsLong(slug);
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
