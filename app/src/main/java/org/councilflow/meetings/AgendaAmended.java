package org.councilflow.meetings;

import java.time.Instant;
import java.util.UUID;

/** A published agenda (or its meeting) changed: version {@code version}, with the note the public is shown. */
public record AgendaAmended(String tenant, UUID meetingId, int version, Instant at, String by, String note) {
}
