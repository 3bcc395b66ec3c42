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
 * @param welsh the minutes and resolutions in Welsh, where the council gives them (null: none; ADR 0017)
 */
public record ItemMinutes(UUID itemId, UUID meetingId, String minutes, List<Resolution> resolutions,
        List<Declaration> declarations, int version, String updatedBy, Instant updatedAt, Welsh welsh) {

    public static final int MAX_MINUTES = 200_000;

    public ItemMinutes(UUID itemId, UUID meetingId, String minutes, List<Resolution> resolutions,
            List<Declaration> declarations, int version, String updatedBy, Instant updatedAt) {
        this(itemId, meetingId, minutes, resolutions, declarations, version, updatedBy, updatedAt, null);
    }

    /** @param welsh the same in Welsh, optional: saved and frozen with the English (a declaration has its own natureCy) */
    public record Draft(@Size(max = MAX_MINUTES) String minutes,
            @NotNull @Size(max = Resolution.MAX_RESOLUTIONS) List<@Valid @NotNull Resolution> resolutions,
            @NotNull @Size(max = 100) List<@Valid @NotNull Declaration> declarations,
            @Valid Welsh welsh) {

        public Draft(String minutes, List<Resolution> resolutions, List<Declaration> declarations) {
            this(minutes, resolutions, declarations, null);
        }
    }

    /**
     * An item's minutes and resolutions (each with its sub-points) in Welsh, beside the English: the shape of the
     * report's Welsh part (ADR 0015). Either may be missing; the public pages then show the English, marked.
     */
    public record Welsh(@Size(max = MAX_MINUTES) String minutes,
            @Size(max = Resolution.MAX_RESOLUTIONS) List<@Valid @NotNull Resolution> resolutions) {

        public Welsh {
            resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
        }

        /** Whether anything is written in Welsh (not a bean property: the stored JSON is the two fields only). */
        public boolean hasText() {
            return minutes != null && !minutes.isBlank() || !resolutions.isEmpty();
        }
    }
}
