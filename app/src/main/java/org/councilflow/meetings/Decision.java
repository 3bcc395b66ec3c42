package org.councilflow.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a committee decided on a report at a meeting, as the decision details page shows it: status, key decision,
* numbered resolutions, minutes, date of decision, and once published the publication and call-in dates and when it
 * took effect (as the cycle reached it).
 *
 * @param resolutions the resolutions' texts, in order (without their sub-points)
 * @param structuredResolutions the same resolutions with their sub-points
 * @param minutesCy the minutes and {@code resolutionsCy} the resolutions (with their sub-points) in Welsh, where the
 *        council gives them (null and empty otherwise; ADR 0023)
 */
public record Decision(UUID reportId, UUID meetingId, String status, LocalDate decidedOn, boolean keyDecision,
        List<String> resolutions, String minutes, String recordedBy, Boolean subjectToCallIn, Instant publishedAt,
        Instant callInEndsAt, Instant calledInAt, List<Resolution> structuredResolutions, Instant effectiveAt,
        String minutesCy, List<Resolution> resolutionsCy) {

    public Decision {
        resolutionsCy = resolutionsCy == null ? List.of() : List.copyOf(resolutionsCy);
    }
}
