package org.councilflow.notifications.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/** A row of {@code app.event_publication}; its event is deserialized when the registry first asks for it. */
final class StoredPublication implements TargetEventPublication {

    private final UUID id;
    private final PublicationTargetIdentifier target;
    private final Instant publishedAt;
    private final Supplier<Object> event;
    private Object resolved;
    private Instant completedAt;

    StoredPublication(UUID id, String listenerId, Instant publishedAt, Instant completedAt, Supplier<Object> event) {
        this.id = id;
        this.target = PublicationTargetIdentifier.of(listenerId);
        this.publishedAt = publishedAt;
        this.completedAt = completedAt;
        this.event = event;
    }

    @Override
    public UUID getIdentifier() {
        return id;
    }

    @Override
    public synchronized Object getEvent() {
        if (resolved == null) {
            resolved = event.get();
        }
        return resolved;
    }

    @Override
    public PublicationTargetIdentifier getTargetIdentifier() {
        return target;
    }

    @Override
    public Instant getPublicationDate() {
        return publishedAt;
    }

    @Override
    public Optional<Instant> getCompletionDate() {
        return Optional.ofNullable(completedAt);
    }

    @Override
    public void markCompleted(Instant instant) {
        this.completedAt = instant;
    }
}
