package org.councilflow.meetings;

import java.time.Instant;
import java.util.UUID;

/** A published decision was called in for scrutiny inside its call-in period. Published inside that transaction. */
public record DecisionCalledIn(String tenant, UUID reportId, UUID meetingId, Instant calledInAt) {
}
