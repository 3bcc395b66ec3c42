package org.councilflow.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Who is calling, for the API (a bearer token) and for the UI (an OIDC login) alike. */
@Component
public class CurrentUsers {

    private final SecurityContextHolderStrategy securityContexts;

    /** Uses the application's own strategy (the UI's is Vaadin-aware), not whatever the static holder last got. */
    CurrentUsers(ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        this.securityContexts = securityContexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<CurrentUser> current() {
        return from(securityContexts.getContext().getAuthentication());
    }

    /** The security context strategy of this application. */
    public SecurityContextHolderStrategy securityContexts() {
        return securityContexts;
    }

    public CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }

    public static Optional<CurrentUser> from(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(CurrentUser.fromClaims(jwt.getToken().getClaims()));
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidc) {
            return Optional.of(CurrentUser.fromClaims(oidc.getClaims()));
        }
        return Optional.empty();
    }
}
