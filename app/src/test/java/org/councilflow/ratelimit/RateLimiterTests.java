package org.councilflow.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.councilflow.ratelimit.RateLimiter.Decision;
import org.councilflow.ratelimit.RateLimiter.Rule;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    final SteppedClock clock = new SteppedClock();

    RateLimiter limiter(boolean enabled, int maxClients) {
        return new RateLimiter(new RateLimitProperties(enabled, Duration.ofMinutes(1), 3, 2, 2, maxClients, 1), clock);
    }

    @Test
    void eachOfSeveralPodsAllowsItsShareOfTheLimitSoThatAClientGetsTheLimitNotTwiceIt() {
        // the public limit 3 across two pods: each allows 2 (rounded up), a client spread over both gets 4 at most
        RateLimiter pod = new RateLimiter(new RateLimitProperties(true, Duration.ofMinutes(1), 3, 60, 20, 1000, 2), clock);

        assertThat(pod.acquire(Rule.PUBLIC_SITE, "a").allowed()).isTrue();
        assertThat(pod.acquire(Rule.PUBLIC_SITE, "a").allowed()).isTrue();
        assertThat(pod.acquire(Rule.PUBLIC_SITE, "a").allowed()).isFalse();
        assertThat(new RateLimitProperties(true, Duration.ofMinutes(1), 600, 60, 20, 1000, 2).limit(Rule.PUBLIC_SITE))
                .isEqualTo(300);
    }

    @Test
    void countsUpToTheLimitThenRefusesWithTheSecondsLeftInTheWindow() {
        RateLimiter limiter = limiter(true, 1000);

        assertThat(limiter.acquire(Rule.PUBLIC_SITE, "a").allowed()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.acquire(Rule.PUBLIC_SITE, "a").allowed()).isTrue();
        assertThat(limiter.acquire(Rule.PUBLIC_SITE, "a").allowed()).isTrue();
        clock.advance(Duration.ofMillis(15_500));
        Decision refused = limiter.acquire(Rule.PUBLIC_SITE, "a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(35); // 34.5 s left, rounded up
        assertThat(limiter.acquire(Rule.PUBLIC_SITE, "a").allowed()).as("refusals do not reset the window").isFalse();
    }

    @Test
    void theNextWindowAllowsAgain() {
        RateLimiter limiter = limiter(true, 1000);
        for (int i = 0; i < 3; i++) {
            limiter.acquire(Rule.PUBLIC_SITE, "a");
        }
        clock.advance(Duration.ofMillis(59_999));
        assertThat(limiter.acquire(Rule.PUBLIC_SITE, "a")).isEqualTo(new Decision(false, 1));

        clock.advance(Duration.ofMillis(1));

        assertThat(limiter.acquire(Rule.PUBLIC_SITE, "a").allowed()).isTrue();
    }

    @Test
    void clientsAndRulesHaveSeparateCounts() {
        RateLimiter limiter = limiter(true, 1000);
        for (int i = 0; i < 3; i++) {
            limiter.acquire(Rule.PUBLIC_SITE, "a");
        }

        assertThat(limiter.acquire(Rule.PUBLIC_SITE, "a").allowed()).isFalse();
        assertThat(limiter.acquire(Rule.PUBLIC_SITE, "b").allowed()).isTrue();
        assertThat(limiter.acquire(Rule.LOGIN, "a").allowed()).isTrue();
    }

    @Test
    void failuresAreRecordedAndCheckingDoesNotCount() {
        RateLimiter limiter = limiter(true, 1000);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.check(Rule.FAILED_AUTHENTICATION, "a").allowed()).isTrue();
        }
        limiter.record(Rule.FAILED_AUTHENTICATION, "a");
        assertThat(limiter.check(Rule.FAILED_AUTHENTICATION, "a").allowed()).isTrue();
        limiter.record(Rule.FAILED_AUTHENTICATION, "a");

        assertThat(limiter.check(Rule.FAILED_AUTHENTICATION, "a").allowed()).isFalse();
    }

    @Test
    void switchedOffNothingIsRefused() {
        RateLimiter limiter = limiter(false, 1000);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire(Rule.LOGIN, "a").allowed()).isTrue();
        }
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlySeenClients() {
        RateLimiter limiter = limiter(true, 64);
        for (int i = 0; i < 3; i++) {
            limiter.acquire(Rule.PUBLIC_SITE, "attacked");
        }
        for (int i = 0; i < 100_000; i++) {
            limiter.acquire(Rule.PUBLIC_SITE, "flood-" + i);
        }

        assertThat(limiter.clients()).isLessThanOrEqualTo(64);
        assertThat(limiter.acquire(Rule.PUBLIC_SITE, "attacked").allowed()).as("forgotten, so counted afresh").isTrue();
    }

    @Test
    void resetForgetsEveryCount() {
        RateLimiter limiter = limiter(true, 1000);
        for (int i = 0; i < 3; i++) {
            limiter.acquire(Rule.PUBLIC_SITE, "a");
        }
        limiter.reset();

        assertThat(limiter.acquire(Rule.PUBLIC_SITE, "a").allowed()).isTrue();
    }

    static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
