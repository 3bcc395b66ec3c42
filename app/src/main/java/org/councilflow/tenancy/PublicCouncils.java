package org.councilflow.tenancy;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The councils whose public sites are open, by slug, kept in memory while {@link PublicSiteChanges} hears that
 * nothing of theirs changed (a suspension or a settings change drops the council at once, on every replica): the
 * public site resolves its council without a transaction. Not a transaction itself, so not a {@code @Service} of
 * {@link Tenants}' kind: a cached answer costs no connection.
 */
@Component
public class PublicCouncils {

    private static final int COUNCILS = 2_000;

    private record Held(long stamp, Optional<Tenant> council) {
    }

    private final Tenants tenants;
    private final PublicSiteChanges changes;
    private final Cache<String, Held> held = Caffeine.newBuilder().maximumSize(COUNCILS).build();

    PublicCouncils(Tenants tenants, PublicSiteChanges changes) {
        this.tenants = tenants;
        this.changes = changes;
    }

    /** The council {@code slug} as it is now, in any status, or empty if there is none. */
    public Optional<Tenant> bySlug(String slug) {
        long stamp = changes.stamp(slug);
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

    /** The council of the current (public) request. */
    public Tenant current() {
        return bySlug(TenantContext.require()).orElseThrow(() -> new org.councilflow.common.NotFoundException("No such council"));
    }
}
