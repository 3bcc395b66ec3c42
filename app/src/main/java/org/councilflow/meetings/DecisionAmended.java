package org.councilflow.meetings;

import java.time.Instant;
import java.util.UUID;

/** A published decision was corrected: the public page is published again as an amendment, with this note. */
public record DecisionAmended(String tenant, UUID reportId, UUID meetingId, Instant amendedAt, String note) {
}
