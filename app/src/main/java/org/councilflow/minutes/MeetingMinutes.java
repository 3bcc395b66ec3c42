package org.councilflow.minutes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A meeting's minutes as the clerk sees them: draft until approved at a later meeting, the working copy of every
 * agenda item, and every version frozen so far (approval and amendments), newest last.
 */
public record MeetingMinutes(UUID meetingId, Status status, int latestVersion, List<ItemMinutes> items,
        List<VersionSummary> versions) {

    public enum Status {
        DRAFT, APPROVED
    }

    public record VersionSummary(int version, MinutesVersion.Kind kind, String note, UUID approvedAtMeetingId,
            UUID approvedAtItemId, Instant createdAt, String createdBy) {
    }
}
