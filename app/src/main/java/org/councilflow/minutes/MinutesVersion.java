package org.councilflow.minutes;

import java.time.Instant;
import java.util.UUID;

/**
 * One frozen version of a meeting's minutes: a draft the council published, the version the next meeting approved,
 * or a correction after that (an amendment, with its note).
 *
 * @param approvedAtMeetingId the meeting that approved them (from the approval on), under its item
 *        {@code approvedAtItemId} "minutes of the previous meeting"
 */
public record MinutesVersion(UUID meetingId, int version, Kind kind, String note, UUID approvedAtMeetingId,
        UUID approvedAtItemId, Instant createdAt, String createdBy, MinutesDocument content) {

    public enum Kind {
        DRAFT, APPROVED, AMENDED
    }
}
