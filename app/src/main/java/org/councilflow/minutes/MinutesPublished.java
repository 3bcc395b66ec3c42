package org.councilflow.minutes;

import java.util.UUID;

/**
 * A version of a meeting's minutes was frozen for the public: approved, amended, or published as draft. Published
 * inside that transaction, so that the public copy is made with it or not at all.
 */
public record MinutesPublished(String tenant, UUID meetingId, int version) {
}
