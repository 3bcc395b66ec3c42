package org.councilflow.identity.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Bearer tokens the API's decoder accepted, held for a minute so that a client's next requests with the same token
 * skip the signature check and parsing (a tenth of a request's CPU, ADR 0026). Keyed by the whole token, so only the
 * exact bytes that passed are ever answered from here; what can change with time, the expiry and not-before, is
 * checked again on every use with the decoder's own rule (a minute's clock skew), so an expired token is refused
 * exactly when the decoder would refuse it. Issuer, audience and signature cannot change. A minute bounds how long a
 * token signed with a key Keycloak has since withdrawn still passes here (the decoder itself keeps the key set for
 * five minutes); the API has never asked Keycloak whether a token was revoked, so nothing else changes.
 */
final class ValidatedTokens implements JwtDecoder {

    static final Duration HELD = Duration.ofMinutes(1);
    private static final int TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Cache<String, Jwt> held = Caffeine.newBuilder().maximumSize(TOKENS).expireAfterWrite(HELD).build();

    ValidatedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        JwtTimestampValidator validator = new JwtTimestampValidator(); // the decoder's default: a minute's skew
        validator.setClock(clock);
        this.timestamps = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = held.getIfPresent(token);
        if (known == null) {
            Jwt decoded = decoder.decode(token); // throws for anything it refuses: nothing refused is held
            held.put(token, decoded);
            return decoded;
        }
        OAuth2TokenValidatorResult result = timestamps.validate(known);
        if (result.hasErrors()) {
            held.invalidate(token);
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return known;
    }

    /** Wraps the resource server's decoder (Spring Boot's, with its issuer, audience and timestamp validators). */
    @Configuration(proxyBeanMethods = false)
    static class Wrapping {

        @Bean
        static BeanPostProcessor validatedTokens() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof JwtDecoder decoder && !(bean instanceof ValidatedTokens)
                            ? new ValidatedTokens(decoder, Clock.systemUTC()) : bean;
                }
            };
        }
    }
}
