package org.councilflow.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.slf4j.MDC;

/**
 * The council the current request or job works in, or the platform scope for platform administration. It is
 * set in exactly one place per request (the tenant resolution filter) or job, and always cleared in
 * {@code finally}; every transaction hands it to PostgreSQL, whose row-level security policies enforce it.
 */
public final class TenantContext {

    public static final String MDC_KEY = "tenant";
    private static final String PLATFORM = "*platform*";
    private static final ThreadLocal<String> current = new ThreadLocal<>();

    private TenantContext() {
    }

    /** The tenant's slug, if this thread works inside one council. */
    public static Optional<String> current() {
        String value = current.get();
        return value == null || PLATFORM.equals(value) ? Optional.empty() : Optional.of(value);
    }

    public static String require() {
        return current().orElseThrow(() -> new IllegalStateException("No tenant in this context"));
    }

    public static boolean isPlatformScope() {
        return PLATFORM.equals(current.get());
    }

    public static <T> T callInTenant(String tenant, Callable<T> work) throws Exception {
        return callIn(tenant, work);
    }

    public static void runInTenant(String tenant, Runnable work) {
        uncheckedCall(tenant, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T supplyInTenant(String tenant, java.util.function.Supplier<T> work) {
        return uncheckedCall(tenant, work::get);
    }

    /**
     * For work whose start and end are two callbacks rather than one block (a background job's observation): enters
     * the tenant, or no tenant for shared work, until the returned scope is closed, which the caller does in
     * {@code finally}.
     */
    public static Scope enter(String tenant) {
        String previous = current.get();
        String scope = tenant == null || tenant.isEmpty() ? null : tenant;
        if (previous != null && !previous.equals(scope)) {
            throw new IllegalStateException("Already working in " + describe(previous) + ", cannot switch to "
                    + (scope == null ? "no tenant" : describe(scope)));
        }
        if (scope != null) {
            current.set(scope);
            MDC.put(MDC_KEY, scope);
        }
        return () -> {
            if (previous == null) {
                current.remove();
                MDC.remove(MDC_KEY);
            }
        };
    }

    /** The end of a tenant scope entered with {@link #enter(String)}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * For accepting an invitation only: the invitee holds no role in the inviting council yet, and may be working in
     * another one (the staff UI's current council). The work runs in the invitation's council and the previous scope
     * is restored afterwards; the caller opens its own transaction inside, so none begun in the other council is
     * joined.
     */
    static <T> T supplyInInvitedTenant(String tenant, java.util.function.Supplier<T> work) {
        String previous = current.get();
        current.set(tenant);
        MDC.put(MDC_KEY, tenant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                current.remove();
                MDC.remove(MDC_KEY);
            } else {
                current.set(previous);
                MDC.put(MDC_KEY, PLATFORM.equals(previous) ? "platform" : previous);
            }
        }
    }

    /** Platform administration across councils: row-level security lets such transactions see every tenant. */
    public static <T> T supplyAsPlatform(java.util.function.Supplier<T> work) {
        return uncheckedCall(PLATFORM, work::get);
    }

    private static <T> T uncheckedCall(String scope, Callable<T> work) {
        try {
            return callIn(scope, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T callIn(String scope, Callable<T> work) throws Exception {
        String previous = current.get();
        if (previous != null && !previous.equals(scope)) {
            throw new IllegalStateException("Already working in " + describe(previous) + ", cannot switch to " + describe(scope));
        }
        current.set(scope);
        MDC.put(MDC_KEY, PLATFORM.equals(scope) ? "platform" : scope);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                current.remove();
                MDC.remove(MDC_KEY);
            }
        }
    }

    private static String describe(String scope) {
        return PLATFORM.equals(scope) ? "the platform scope" : "tenant " + scope;
    }

    /** For the transaction manager: the value of the per-transaction setting {@code councilflow.tenant}. */
    static String tenantSetting() {
        return current().orElse("");
    }

    /** For the transaction manager: the value of the per-transaction setting {@code councilflow.platform}. */
    static String platformSetting() {
        return isPlatformScope() ? "on" : "";
    }
}
