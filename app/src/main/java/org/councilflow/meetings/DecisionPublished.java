package org.councilflow.meetings;

import java.time.Instant;
import java.util.UUID;

/** Democratic services published the decision on a report taken at a meeting. Published inside that transaction. */
public record DecisionPublished(String tenant, UUID reportId, UUID meetingId, Instant publishedAt) {
}
