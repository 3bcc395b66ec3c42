package org.councilflow.tenancy;

import java.util.Map;
import java.util.Optional;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.tenancy.internal.TenantRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The current council's record and settings. Platform-wide administration is {@link PlatformTenants}. */
@Service
@Validated
@Transactional(readOnly = true)
public class Tenants {

    private final TenantRepository tenants;
    private final ApplicationEventPublisher events;
    private final PublicSiteChanges changes;

    Tenants(TenantRepository tenants, ApplicationEventPublisher events, PublicSiteChanges changes) {
        this.tenants = tenants;
        this.events = events;
        this.changes = changes;
    }

    /** The council of the current context. */
    public Optional<Tenant> current() {
        return TenantContext.current().flatMap(tenants::find);
    }

    public Tenant requireCurrent() {
        return current().orElseThrow(() -> new NotFoundException("No such council"));
    }

    /** Changes the current council's name and settings, if nobody changed them since {@code expectedVersion}. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Tenant updateSettings(@NotBlank @Size(min = 2, max = 200) String displayName,
            @Valid TenantSettings settings, int expectedVersion) {
        Tenant before = requireCurrent();
        if (!tenants.updateSettings(before.slug(), displayName.strip(), settings, expectedVersion)) {
            throw new ConflictException(Refusal.of("settings.changedMeanwhile", before.displayName(), expectedVersion,
                    before.version()));
        }
        Tenant after = requireCurrent();
        // this replica's KnownCouncils drop the council as soon as this commits, before the notification arrives
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        changes.councilChanged(after.slug());
                    }
                });
        events.publishEvent(Audited.inCurrentTenant("tenant.settings-changed", "tenant", after.slug(),
                Map.of("displayName", before.displayName(), "settings", before.settings()),
                Map.of("displayName", after.displayName(), "settings", after.settings())));
        return after;
    }
}
