package org.councilflow.minutes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.councilflow.meetings.Resolution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The minutes of one agenda item as the clerk writes them: what was said (Markdown: paragraphs, lists with "-", "·"
 * or "o" two levels deep, tables), the resolutions in order, each with its sub-points, and the declarations of
 * interest made on the item.
 *
 * @param version 0 until first saved (then the decision recorded on the item's report, if any, is the start)
 */
public record ItemMinutes(UUID itemId, UUID meetingId, String minutes, List<Resolution> resolutions,
        List<Declaration> declarations, int version, String updatedBy, Instant updatedAt) {

    public static final int MAX_MINUTES = 200_000;

    public record Draft(@Size(max = MAX_MINUTES) String minutes,
            @NotNull @Size(max = Resolution.MAX_RESOLUTIONS) List<@Valid @NotNull Resolution> resolutions,
            @NotNull @Size(max = 100) List<@Valid @NotNull Declaration> declarations) {
    }
}
