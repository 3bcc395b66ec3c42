package org.councilflow.identity.ui;

import java.util.Locale;
import java.util.Optional;

import org.councilflow.common.ui.StaffLanguage;
import org.councilflow.common.ui.UiProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Sends people to the identity provider's sign-in page in the staff UI's language (ADR 0024): their remembered
 * choice ({@link StaffLanguage}), else the council's first language where the request already knows the council,
 * else the configured locale, as {@code ui_locales} (OpenID Connect: Keycloak's pages speak it unless the account has
 * a language of its own) and {@code kc_locale} (Keycloak: its language cookie follows). Welsh texts come with the realm
 * (its {@code localizationTexts}). A language chosen on Keycloak's page comes back ({@link LanguageChosenAtSignIn}).
 */
final class SignInLanguage implements OAuth2AuthorizationRequestResolver {

    private final OAuth2AuthorizationRequestResolver delegate;
    private final UiProperties properties;
    private final ObjectProvider<StaffLanguage.DefaultLanguage> councils;

    SignInLanguage(OAuth2AuthorizationRequestResolver delegate, UiProperties properties,
            ObjectProvider<StaffLanguage.DefaultLanguage> councils) {
        this.delegate = delegate;
        this.properties = properties;
        this.councils = councils;
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return inLanguage(delegate.resolve(request), request);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return inLanguage(delegate.resolve(request, clientRegistrationId), request);
    }

    private OAuth2AuthorizationRequest inLanguage(OAuth2AuthorizationRequest authorization, HttpServletRequest request) {
        if (authorization == null) {
            return null;
        }
        String language = language(request);
        // the request's address is built again from its parameters (state, PKCE challenge and nonce kept)
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> {
                    parameters.put("ui_locales", language);
                    parameters.put("kc_locale", language);
                })
                .authorizationRequestUri((String) null)
                .build();
    }

    /** {@code cy} or {@code en}: the staff UI's languages. */
    String language(HttpServletRequest request) {
        Locale locale = StaffLanguage.chosen(request.getCookies())
                .or(() -> Optional.ofNullable(councils.getIfAvailable()).flatMap(StaffLanguage.DefaultLanguage::forCurrentRequest))
                .orElse(properties.locale());
        return StaffLanguage.welsh(locale) ? "cy" : "en";
    }
}
