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
        CurrentUser user = null;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            user = CurrentUser.fromClaims(jwt.getToken().getClaims());
        } else if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidc) {
            user = CurrentUser.fromClaims(oidc.getClaims());
        }
        if (user != null && user.platformAdmin() && authentication.getAuthorities().stream()
                .noneMatch(a -> CurrentUser.PLATFORM_ADMIN_AUTHORITY.equals(a.getAuthority()))) {
            // the sign-in did not grant platform administration (not on the allow-list): nobody shows it either
            user = user.withoutPlatformAdmin();
        }
        return Optional.ofNullable(user);
    }
}
