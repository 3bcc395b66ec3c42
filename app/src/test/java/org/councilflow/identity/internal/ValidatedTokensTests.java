package org.councilflow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Held tokens (ADR 0026): checked once, yet refused exactly when the decoder would refuse them. */
class ValidatedTokensTests {

    private final RSAKey key = generate();
    private final AtomicInteger verified = new AtomicInteger();
    /** A real decoder with its default validators, counting the tokens it checks. */
    private final JwtDecoder decoder = counting(NimbusJwtDecoder.withPublicKey(publicKey(key)).build());

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredWithTheSameClaims() {
        ValidatedTokens tokens = new ValidatedTokens(decoder, Clock.systemUTC());
        String token = sign(key, "alice", Instant.now().plusSeconds(300));

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);
        Jwt third = tokens.decode(token);

        assertThat(verified).hasValue(1);
        assertThat(second.getSubject()).isEqualTo("alice");
        assertThat(third.getClaims()).isEqualTo(first.getClaims());
        tokens.decode(sign(key, "bob", Instant.now().plusSeconds(300)));
        assertThat(verified).as("another token is checked on its own").hasValue(2);
    }

    @Test
    void aHeldTokenIsRefusedOnceExpiredAsTheDecoderWouldRefuseIt() {
        Instant now = Instant.now();
        MovableClock clock = new MovableClock(now);
        ValidatedTokens tokens = new ValidatedTokens(decoder, clock);
        String token = sign(key, "alice", now.plusSeconds(30));
        tokens.decode(token);

        clock.now = now.plusSeconds(30 + 59); // within the decoder's minute of clock skew
        assertThat(tokens.decode(token).getSubject()).isEqualTo("alice");

        clock.now = now.plusSeconds(30 + 61);
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verified).hasValue(1);
    }

    @Test
    void aForgedOrAlteredTokenIsNeverHeld() {
        ValidatedTokens tokens = new ValidatedTokens(decoder, Clock.systemUTC());
        String forged = sign(generate(), "alice", Instant.now().plusSeconds(300));
        String genuine = sign(key, "alice", Instant.now().plusSeconds(300));
        tokens.decode(genuine);
        String altered = genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("AA") ? "AB" : "AA");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
            assertThatThrownBy(() -> tokens.decode(altered)).isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
        }
        assertThat(verified).as("each refused token checked again every time").hasValue(5);
    }

    private JwtDecoder counting(JwtDecoder real) {
        return token -> {
            verified.incrementAndGet();
            return real.decode(token);
        };
    }

    private static String sign(RSAKey key, String subject, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                            .expirationTime(Date.from(expires)).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("k" + System.nanoTime()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.interfaces.RSAPublicKey publicKey(RSAKey key) {
        try {
            return key.toRSAPublicKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
