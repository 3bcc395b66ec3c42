package org.councilflow.identity.ui;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.councilflow.common.ui.StaffLanguage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Carries a language chosen on Keycloak's sign-in page into the staff UI (ADR 0024). Keycloak keeps that choice as the
 * account's {@code locale}, which the ID token carries. A browser without a choice of its own (no
 * {@code councilflow-staff-lang} cookie) adopts it, as if chosen in the user menu; a browser's own choice stays
 * (the account's may be older: Keycloak cannot say when it was made). Only on the sign-in's return to the
 * application, before its redirect, so the first page is drawn in that language.
 */
class LanguageChosenAtSignIn extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/login/oauth2/code/")
                || StaffLanguage.chosen(request.getCookies()).isPresent();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                accountLanguage().ifPresent(locale -> addCookie(StaffLanguage.cookie(locale, request.isSecure())));
                super.sendRedirect(location);
            }
        });
    }

    /** The signed-in person's account language from their token, if it is one of the staff UI's. */
    private static Optional<Locale> accountLanguage() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user) || user.getLocale() == null) {
            return Optional.empty();
        }
        return StaffLanguage.of(user.getLocale());
    }
}
