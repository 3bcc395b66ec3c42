package org.councilflow.identity.ui;

import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

import com.vaadin.flow.server.VaadinSession;

/**
 * The security context of the request being handled, else the one the Vaadin session holds. Vaadin's own strategy
 * prefers the session's context, which is the one saved at sign-in: it lacks the roles the person holds in the
 * council the request works in, which the tenant resolution filter adds for the request. Preferring the request's
 * context lets services ({@code @PreAuthorize}) and views ({@code @RolesAllowed}) see those roles; the session's
 * context still serves a thread that handles no request (e.g. {@code UI.access} from elsewhere).
 */
final class RequestFirstSecurityContextHolderStrategy implements SecurityContextHolderStrategy {

    private static final String SESSION_KEY = "SPRING_SECURITY_CONTEXT";
    private final ThreadLocal<SecurityContext> contexts = new ThreadLocal<>();

    @Override
    public void clearContext() {
        contexts.remove();
    }

    @Override
    public SecurityContext getContext() {
        SecurityContext context = contexts.get();
        if (context != null && context.getAuthentication() != null) {
            return context;
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null
                && session.getSession().getAttribute(SESSION_KEY) instanceof SecurityContext stored) {
            return stored;
        }
        if (context == null) {
            context = createEmptyContext();
            contexts.set(context);
        }
        return context;
    }

    @Override
    public Supplier<SecurityContext> getDeferredContext() {
        return this::getContext;
    }

    @Override
    public void setContext(SecurityContext context) {
        contexts.set(java.util.Objects.requireNonNull(context));
    }

    @Override
    public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
        contexts.set(new DeferredSecurityContext(deferredContext));
    }

    @Override
    public SecurityContext createEmptyContext() {
        return new SecurityContextImpl();
    }

    /** Resolved on first use, as Spring's own strategies do. */
    private static final class DeferredSecurityContext implements SecurityContext {
        private final Supplier<SecurityContext> supplier;
        private SecurityContext resolved;

        DeferredSecurityContext(Supplier<SecurityContext> supplier) {
            this.supplier = supplier;
        }

        private SecurityContext get() {
            if (resolved == null) {
                resolved = supplier.get();
                if (resolved == null) {
                    resolved = new SecurityContextImpl();
                }
            }
            return resolved;
        }

        @Override
        public org.springframework.security.core.Authentication getAuthentication() {
            return get().getAuthentication();
        }

        @Override
        public void setAuthentication(org.springframework.security.core.Authentication authentication) {
            get().setAuthentication(authentication);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DeferredSecurityContext deferred ? get().equals(deferred.get()) : get().equals(other);
        }

        @Override
        public int hashCode() {
            return get().hashCode();
        }
    }
}
