package org.councilflow.notifications.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.councilflow.notifications.NotificationsProperties;
import org.councilflow.notifications.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries what the outbox holds: every {@code councilflow.notifications.retry-interval}, on every replica (a mail is
 * claimed once, so two replicas retrying the same one send it once), publications at least that old and younger than
 * {@code give-up-after}. Incomplete publications are also resubmitted when the application starts
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
@EnableScheduling
class OutboxRetry implements Outbox {

    private final IncompleteEventPublications incomplete;
    private final EventPublicationRegistry registry;
    private final NotificationsProperties properties;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboxRetry(IncompleteEventPublications incomplete, EventPublicationRegistry registry,
            NotificationsProperties properties, JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        this.incomplete = incomplete;
        this.registry = registry;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(fixedDelayString = "${councilflow.notifications.retry-interval}",
            initialDelayString = "${councilflow.notifications.retry-interval}")
    void retry() {
        var now = clock.instant();
        incomplete.resubmitIncompletePublications(publication ->
                publication.getPublicationDate().isBefore(now.minus(properties.retryInterval()))
                        && publication.getPublicationDate().isAfter(now.minus(properties.giveUpAfter())));
        registry.deleteCompletedPublicationsOlderThan(properties.keepCompleted());
    }

    @Override
    public List<Pending> pending() {
        return jdbc.query("""
                SELECT id, event_type, serialized_event::jsonb ->> 'tenant' AS tenant, publication_date, attempts,
                       last_attempt_at
                FROM app.event_publication WHERE completion_date IS NULL ORDER BY publication_date LIMIT 1000""",
                (rs, row) -> new Pending(rs.getObject("id", UUID.class), simpleName(rs.getString("event_type")),
                        rs.getString("tenant"), rs.getTimestamp("publication_date").toInstant(), rs.getInt("attempts"),
                        rs.getTimestamp("last_attempt_at") == null ? null : rs.getTimestamp("last_attempt_at").toInstant()));
    }

    @Override
    public int retryNow() {
        AtomicInteger tried = new AtomicInteger();
        incomplete.resubmitIncompletePublications(publication -> {
            tried.incrementAndGet();
            return true;
        });
        return tried.get();
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
