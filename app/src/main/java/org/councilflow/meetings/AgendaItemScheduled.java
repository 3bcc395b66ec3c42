package org.councilflow.meetings;

import java.util.UUID;

/**
 * A report was put on a meeting's agenda as item {@code position}: the agenda is published with it. Published inside
 * that transaction, so that whatever makes the agenda public happens with the scheduling or not at all.
 */
public record AgendaItemScheduled(String tenant, UUID meetingId, UUID reportId, int position) {
}
