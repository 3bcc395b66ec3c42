package org.councilflow.ratelimit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fixed-window request counters per rule and client, in bounded memory: the clients are spread over a few
 * least-recently-used maps, so a flood of new addresses forgets old ones instead of growing the heap. The clock is
 * the application's {@link Clock} bean if there is one (tests move it), else the system's.
 */
@Component
public class RateLimiter {

    /** What is limited. */
    public enum Rule {
        /** the public site, its feeds, open data, PDFs and search */
        PUBLIC_SITE,
        /** starting a sign-in, the sign-in callback, signing out */
        LOGIN,
        /** API requests refused for want of a valid token (token guessing) */
        FAILED_AUTHENTICATION
    }

    /** @param retryAfterSeconds when refused, whole seconds until the client's window ends (at least 1) */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private static final int STRIPES = 16;

    private final RateLimitProperties properties;
    private final Clock clock;
    private final Stripe[] stripes = new Stripe[STRIPES];

    @Autowired
    public RateLimiter(RateLimitProperties properties, ObjectProvider<Clock> clock) {
        this(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    RateLimiter(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(Math.max(1, properties.maxClients() / STRIPES));
        }
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** Counts one request of the client; refused once the window's limit is spent. */
    public Decision acquire(Rule rule, String client) {
        return update(rule, client, true, true);
    }

    /** Whether the client still has requests left in this window, without counting one. */
    public Decision check(Rule rule, String client) {
        return update(rule, client, false, true);
    }

    /** Counts one event of the client (e.g. a failed authentication), whether or not the limit is spent. */
    public void record(Rule rule, String client) {
        update(rule, client, true, false);
    }

    /** Forgets every client's counts. */
    public void reset() {
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                stripe.clear();
            }
        }
    }

    /** How many clients' windows are held (for the memory bound's test). */
    int clients() {
        int clients = 0;
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                clients += stripe.size();
            }
        }
        return clients;
    }

    private Decision update(Rule rule, String client, boolean count, boolean refuseWhenSpent) {
        if (!properties.enabled()) {
            return Decision.ALLOWED;
        }
        long now = clock.millis();
        long windowMillis = properties.window().toMillis();
        int limit = properties.limit(rule);
        Key key = new Key(rule, client);
        Stripe stripe = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        synchronized (stripe) {
            Window window = stripe.get(key);
            if (window == null || now >= window.start + windowMillis || now < window.start) {
                window = new Window(now);
                stripe.put(key, window);
            }
            if (refuseWhenSpent && window.count >= limit) {
                long left = window.start + windowMillis - now;
                return new Decision(false, Math.max(1, (left + 999) / 1000));
            }
            if (count) {
                window.count++;
            }
            return Decision.ALLOWED;
        }
    }

    private record Key(Rule rule, String client) {
    }

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }

    private static final class Stripe extends LinkedHashMap<Key, Window> {
        private final int capacity;

        Stripe(int capacity) {
            super(64, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Window> eldest) {
            return size() > capacity;
        }
    }
}
