package org.councilflow.identity.ui;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.util.function.SingletonSupplier;

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
    /** Deferred as in Spring's thread-local strategy: a filter may set a supplier that reads the one before it. */
    private final ThreadLocal<Supplier<SecurityContext>> contexts = new ThreadLocal<>();

    @Override
    public void clearContext() {
        contexts.remove();
    }

    @Override
    public SecurityContext getContext() {
        SecurityContext local = getDeferredContext().get();
        if (local.getAuthentication() != null) {
            return local;
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null
                && session.getSession().getAttribute(SESSION_KEY) instanceof SecurityContext stored) {
            return stored;
        }
        return local;
    }

    @Override
    public Supplier<SecurityContext> getDeferredContext() {
        Supplier<SecurityContext> result = contexts.get();
        if (result == null) {
            SecurityContext empty = createEmptyContext();
            result = () -> empty;
            contexts.set(result);
        }
        return result;
    }

    @Override
    public void setContext(SecurityContext context) {
        Objects.requireNonNull(context, "Only non-null SecurityContext instances are permitted");
        contexts.set(() -> context);
    }

    @Override
    public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
        Objects.requireNonNull(deferredContext, "Only non-null Supplier instances are permitted");
        Supplier<SecurityContext> notNull = () -> {
            SecurityContext result = deferredContext.get();
            return Objects.requireNonNull(result, "A Supplier<SecurityContext> returned null and is not allowed.");
        };
        contexts.set(SingletonSupplier.of(notNull));
    }

    @Override
    public SecurityContext createEmptyContext() {
        return new SecurityContextImpl();
    }
}
