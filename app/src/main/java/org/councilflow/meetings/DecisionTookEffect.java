package org.councilflow.meetings;

import java.time.Instant;
import java.util.UUID;

/** A published decision's call-in period ended without a call-in (the cycle's timer fired): it is effective. */
public record DecisionTookEffect(String tenant, UUID reportId, UUID meetingId, Instant effectiveAt) {
}
