package org.councilflow.identity.ui;

import java.util.ArrayList;
import java.util.List;

import org.councilflow.common.ui.StaffLanguage;
import org.councilflow.common.ui.UiProperties;
import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.IdentityProperties;
import org.councilflow.identity.PostAuthenticationFilter;
import org.councilflow.identity.internal.SecurityHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Staff sign in to the Vaadin UI with the authorization code flow against Keycloak; signing out ends the
 * Keycloak session too and comes back to the application's root.
 */
@Configuration
class UiSecurityConfiguration {

    static final String LOGIN_PATH = "/oauth2/authorization/keycloak";

    /** Replaces Vaadin's session-first strategy: see {@link RequestFirstSecurityContextHolderStrategy}. */
    @Bean
    static SecurityContextHolderStrategy securityContextHolderStrategy() {
        SecurityContextHolderStrategy strategy = new RequestFirstSecurityContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(strategy);
        return strategy;
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiSecurity(HttpSecurity http, ClientRegistrationRepository clients,
            ObjectProvider<PostAuthenticationFilter> postAuthentication, IdentityProperties identity, UiProperties ui,
            ObjectProvider<StaffLanguage.DefaultLanguage> councils) throws Exception {
        postAuthentication.orderedStream().forEach(filter -> http.addFilterBefore(filter, AuthorizationFilter.class));
        // PKCE on top of the client secret: the realm requires it of every client.
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        SignInLanguage signInLanguage = new SignInLanguage(authorizationRequests, ui, councils);
        http.addFilterBefore(new SignInAvailability(identity, signInLanguage::language),
                OAuth2AuthorizationRequestRedirectFilter.class);
        http.addFilterBefore(new LanguageChosenAtSignIn(), OAuth2LoginAuthenticationFilter.class);
        http.oauth2Login(login -> login
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(signInLanguage))
                .userInfoEndpoint(info -> info.oidcUserService(oidcUserService(identity))));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.STAFF_UI_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(SecurityHeaders.permissionsPolicy()));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(LOGIN_PATH, "{baseUrl}"))
                .build();
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(IdentityProperties identity) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            authorities.addAll(CurrentUser.fromClaims(user.getClaims()).platformAuthorities(identity.platformAdmins()));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }
}
