package org.councilflow.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Who is calling, for the API (a bearer token) and for the UI (an OIDC login) alike. */
@Component
public class CurrentUsers {

    public Optional<CurrentUser> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
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
