package org.councilflow.ratelimit;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Requests per client (remote address) and window, counted in fixed windows that start at a client's first request.
 *
 * @param enabled whether anything is limited at all
 * @param window how long one window lasts
 * @param publicRequests requests to the public site ({@code /councils/**}) per window
 * @param loginRequests requests to the sign-in and sign-out endpoints per window
 * @param failedAuthentications API requests answered 401 per window; after that the API answers 429 to the client
 * @param maxClients how many clients' windows are kept in memory (least recently seen forgotten first)
 * @param replicas how many pods share the limits: counters live in each pod's memory (a database round trip per
 *        public request would cost the public site its speed, ADR 0014), so each pod allows its share, the limit
 *        divided by this and rounded up; the Helm chart sets it from its replica count
 */
@Validated
@ConfigurationProperties("councilflow.ratelimit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration window,
        @Min(1) @DefaultValue("600") int publicRequests,
        @Min(1) @DefaultValue("60") int loginRequests,
        @Min(1) @DefaultValue("20") int failedAuthentications,
        @Min(16) @DefaultValue("100000") int maxClients,
        @Min(1) @DefaultValue("1") int replicas) {

    /** The limit of a rule per window in this pod: its share of the deployment's limit. */
    public int limit(RateLimiter.Rule rule) {
        return (deploymentLimit(rule) + replicas - 1) / replicas;
    }

    /** The limit of a rule per window across the deployment, as configured. */
    public int deploymentLimit(RateLimiter.Rule rule) {
        return switch (rule) {
            case PUBLIC_SITE -> publicRequests;
            case LOGIN -> loginRequests;
            case FAILED_AUTHENTICATION -> failedAuthentications;
        };
    }
}
