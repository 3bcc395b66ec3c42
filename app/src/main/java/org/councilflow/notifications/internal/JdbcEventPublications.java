package org.councilflow.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Spring Modulith's event publication registry on PostgreSQL ({@code app.event_publication}, ADR 0014). Modulith's own
 * JDBC module does not resolve from this build's repository, so this is the same table shape and queries, small.
 * Through the application's pool and its transaction: a publication is stored in the transaction that raised the
 * event, so an escalation and its e-mail are committed together or not at all.
 */
@Component
class JdbcEventPublications implements EventPublicationRepository {

    private static final String COLUMNS = "id, listener_id, event_type, serialized_event, publication_date, completion_date";

    private final JdbcTemplate jdbc;
    private final EventSerializer serializer;

    JdbcEventPublications(JdbcTemplate jdbc, EventSerializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        jdbc.update("INSERT INTO app.event_publication (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL)",
                publication.getIdentifier(), publication.getTargetIdentifier().getValue(),
                publication.getEvent().getClass().getName(), serialize(publication.getEvent()),
                Timestamp.from(publication.getPublicationDate()));
        return publication;
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        jdbc.update("""
                UPDATE app.event_publication SET completion_date = ?
                WHERE serialized_event = ? AND listener_id = ? AND completion_date IS NULL""",
                Timestamp.from(completionDate), serialize(event), identifier.getValue());
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        jdbc.update("UPDATE app.event_publication SET completion_date = ? WHERE id = ? AND completion_date IS NULL",
                Timestamp.from(completionDate), identifier);
    }

    /** A listener failed on this event: counted for the view of what failed (the registry keeps it incomplete). */
    void recordFailure(Object event, Instant at) {
        jdbc.update("""
                UPDATE app.event_publication SET attempts = attempts + 1, last_attempt_at = ?
                WHERE serialized_event = ? AND completion_date IS NULL""", Timestamp.from(at), serialize(event));
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return jdbc.query("SELECT " + COLUMNS + " FROM app.event_publication WHERE completion_date IS NULL "
                + "ORDER BY publication_date", this::row);
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app.event_publication WHERE completion_date IS NULL "
                + "AND publication_date < ? ORDER BY publication_date", this::row, Timestamp.from(instant));
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
            PublicationTargetIdentifier identifier) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app.event_publication WHERE serialized_event = ? "
                + "AND listener_id = ? AND completion_date IS NULL ORDER BY publication_date LIMIT 1", this::row,
                serialize(event), identifier.getValue()).stream().findFirst();
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return jdbc.query("SELECT " + COLUMNS + " FROM app.event_publication WHERE completion_date IS NOT NULL "
                + "ORDER BY publication_date", this::row);
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        jdbc.batchUpdate("DELETE FROM app.event_publication WHERE id = ?",
                identifiers.stream().map(id -> new Object[] { id }).toList());
    }

    @Override
    public void deleteCompletedPublications() {
        jdbc.update("DELETE FROM app.event_publication WHERE completion_date IS NOT NULL");
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        jdbc.update("DELETE FROM app.event_publication WHERE completion_date < ?", Timestamp.from(instant));
    }

    private String serialize(Object event) {
        return serializer.serialize(event).toString();
    }

    private TargetEventPublication row(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("event_type");
        String json = rs.getString("serialized_event");
        Timestamp completed = rs.getTimestamp("completion_date");
        return new StoredPublication(rs.getObject("id", UUID.class), rs.getString("listener_id"),
                rs.getTimestamp("publication_date").toInstant(), completed == null ? null : completed.toInstant(),
                () -> serializer.deserialize(json, eventType(type)));
    }

    private static Class<?> eventType(String name) {
        try {
            return ClassUtils.forName(name, JdbcEventPublications.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("An event publication names a class this release does not have: " + name, e);
        }
    }
}
