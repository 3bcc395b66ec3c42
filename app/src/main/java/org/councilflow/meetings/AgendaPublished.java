package org.councilflow.meetings;

import java.time.Instant;
import java.util.UUID;

/** The clerk published a meeting's agenda: from now on it is public (its exempt parts never). In the transaction. */
public record AgendaPublished(String tenant, UUID meetingId, Instant publishedAt, String by) {
}
