package org.councilflow.tenancy;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The councils whose public sites are open, by slug, kept in memory while {@link PublicSiteChanges} hears that
 * nothing of theirs changed (a suspension or a settings change drops the council at once, on every replica): the
 * public site resolves its council without a transaction. Not a transaction itself, so not a {@code @Service} of
 * {@link Tenants}' kind: a cached answer costs no connection.
 */
@Component
public class PublicCouncils {

    private final CouncilsHeldByStamp held;

    PublicCouncils(Tenants tenants, PublicSiteChanges changes) {
        this.held = new CouncilsHeldByStamp(tenants, changes, changes::stamp);
    }

    /** The council {@code slug} as it is now, in any status, or empty if there is none. */
    public Optional<Tenant> bySlug(String slug) {
        return held.bySlug(slug);
    }

    /** The council of the current (public) request. */
    public Tenant current() {
        return bySlug(TenantContext.require()).orElseThrow(() -> new org.councilflow.common.NotFoundException("No such council"));
    }
}
