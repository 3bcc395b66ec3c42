package org.councilflow.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.Refusal;
import org.councilflow.common.NotFoundException;
import org.councilflow.identity.TenantDirectory;
import org.councilflow.identity.TenantDirectory.NewUser;
import org.councilflow.identity.TenantDirectory.ProvisionedTenant;
import org.councilflow.tenancy.internal.TenantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The platform operator's view of councils: onboarding (the council's record here and its groups and first
 * administrator in Keycloak, all or nothing), suspension and reactivation. Works in the platform scope.
 */
@Service
@Validated
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
public class PlatformTenants {

    private static final Logger log = LoggerFactory.getLogger(PlatformTenants.class);
    /** An onboarding older than this that is still provisioning was interrupted, and may be started again. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final TenantRepository tenants;
    private final TenantDirectory directory;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    PlatformTenants(TenantRepository tenants, TenantDirectory directory, TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.directory = directory;
        this.transactions = transactions;
        this.events = events;
    }

    public List<Tenant> all() {
        return inPlatformTransaction(tenants::findAll);
    }

    public Tenant get(String slug) {
        return inPlatformTransaction(() -> tenants.find(slug)).orElseThrow(() -> new NotFoundException("No council " + slug));
    }

    /**
     * Onboards a council. The record is reserved first (so two operators cannot race for one slug), then Keycloak
     * is provisioned, then the council is activated. A failure at any step undoes the steps before it: no council
     * is left half made, and the same request can simply be sent again.
     */
    public Onboarded onboard(@NotNull @Valid NewTenant request) {
        reserve(request);
        ProvisionedTenant provisioned = null;
        try {
            provisioned = directory.provision(request.slug(), request.displayName(), new NewUser(
                    request.firstAdmin().email(), request.firstAdmin().firstName(), request.firstAdmin().lastName()));
            ProvisionedTenant done = provisioned;
            Tenant tenant = inPlatformTransaction(() -> {
                Tenant reserved = tenants.find(request.slug()).orElseThrow();
                tenants.updateStatus(request.slug(), TenantStatus.ACTIVE, null, reserved.version());
                events.publishEvent(new Audited(request.slug(), "tenant.onboarded", "tenant", request.slug(), null,
                        Map.of("displayName", request.displayName(), "firstAdmin", done.firstAdmin().user().username())));
                events.publishEvent(new TenantOnboarded(request.slug(), request.displayName()));
                return tenants.find(request.slug()).orElseThrow();
            });
            return new Onboarded(tenant, done.firstAdmin().user().username(), done.firstAdmin().temporaryPassword());
        } catch (RuntimeException e) {
            undo(request.slug(), provisioned, e);
            throw new OnboardingFailedException(Refusal.of("platform.onboardingFailed", request.slug()), e);
        }
    }

    public Tenant suspend(String slug, @Size(max = 2000) String reason) {
        return changeStatus(slug, TenantStatus.SUSPENDED, reason == null || reason.isBlank() ? null : reason.strip(),
                "tenant.suspended");
    }

    public Tenant reactivate(String slug) {
        return changeStatus(slug, TenantStatus.ACTIVE, null, "tenant.reactivated");
    }

    private Tenant changeStatus(String slug, TenantStatus status, String reason, String action) {
        return inPlatformTransaction(() -> {
            Tenant before = tenants.find(slug).orElseThrow(() -> new NotFoundException("No council " + slug));
            if (before.status() == TenantStatus.PROVISIONING) {
                throw new ConflictException(Refusal.of("platform.stillOnboarding", slug));
            }
            if (!tenants.updateStatus(slug, status, reason, before.version())) {
                throw new ConflictException(Refusal.of("platform.changedMeanwhile", slug));
            }
            events.publishEvent(new Audited(slug, action, "tenant", slug,
                    Map.of("status", before.status().name()), statusSummary(status, reason)));
            return tenants.find(slug).orElseThrow();
        });
    }

    private void reserve(NewTenant request) {
        inPlatformTransaction(() -> {
            tenants.find(request.slug()).ifPresent(existing -> {
                boolean abandoned = existing.status() == TenantStatus.PROVISIONING
                        && existing.createdAt().isBefore(Instant.now().minus(ABANDONED_AFTER));
                if (!abandoned) {
                    throw new ConflictException(existing.status() == TenantStatus.PROVISIONING
                            ? Refusal.of("platform.beingOnboarded", request.slug())
                            : Refusal.of("platform.slugTaken", request.slug()));
                }
                log.warn("Resuming the interrupted onboarding of {}", request.slug());
                directory.deprovision(request.slug(), null);
                tenants.delete(request.slug());
            });
            if (directory.exists(request.slug())) {
                throw new ConflictException(Refusal.of("platform.inIdentityProvider", request.slug()));
            }
            try {
                tenants.insert(request.slug(), request.displayName().strip(), TenantStatus.PROVISIONING);
            } catch (DuplicateKeyException e) {
                throw new ConflictException(Refusal.of("platform.slugTaken", request.slug()));
            }
            return null;
        });
    }

    private void undo(String slug, ProvisionedTenant provisioned, RuntimeException cause) {
        log.warn("Onboarding of {} failed ({}); undoing it", slug, cause.toString());
        try {
            if (provisioned != null) {
                directory.deprovision(slug, provisioned);
            }
        } finally {
            inPlatformTransaction(() -> {
                tenants.find(slug).filter(t -> t.status() == TenantStatus.PROVISIONING).ifPresent(t -> tenants.delete(slug));
                return null;
            });
        }
    }

    private static Map<String, Object> statusSummary(TenantStatus status, String reason) {
        return reason == null ? Map.of("status", status.name()) : Map.of("status", status.name(), "reason", reason);
    }

    private <T> T inPlatformTransaction(java.util.function.Supplier<T> work) {
        return TenantContext.supplyAsPlatform(() -> transactions.execute(status -> work.get()));
    }

    /** Onboarding failed part-way; everything it had done was undone. */
    public static class OnboardingFailedException extends RuntimeException implements Refusal.Refused {
        private final transient Refusal refusal;

        OnboardingFailedException(Refusal refusal, Throwable cause) {
            super(refusal.english(), cause);
            this.refusal = refusal;
        }

        @Override
        public Refusal refusal() {
            return refusal;
        }
    }

    /** A council just onboarded; the temporary password is shown once and never stored. */
    public record Onboarded(Tenant tenant, String adminUsername, String adminTemporaryPassword) {
    }
}
