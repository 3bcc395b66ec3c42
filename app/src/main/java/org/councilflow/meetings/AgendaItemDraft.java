package org.councilflow.meetings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An agenda item as the clerk writes it (a report from the cycle comes by scheduling, not here).
 *
 * @param number the council's own number ("3.1", "4a", "Item 5"); without one, the next in the council's style
 * @param title required, except on a report from the cycle (whose title is the report's)
 * @param exemptParagraph the paragraph (1–7) of Schedule 12A when the item is exempt
 * @param version the meeting's version the clerk saw (a stale one is refused, 409)
 * @param amendmentNote why, once the agenda is published (then required)
 * @param titleCy the heading in Welsh and {@code descriptionCy} the description in Welsh, optional (ADR 0017)
 */
public record AgendaItemDraft(
        @NotNull AgendaItemKind kind,
        @Size(max = 20) @Pattern(regexp = NUMBER, message = "must be an item number like 3, 3.1, 4a, 4(a) or Item 5 (letters, digits, spaces and . ( ) / -, at most 20)") String number,
        @Size(min = 1, max = 500) String title,
        @Size(max = 20_000) String description,
        @Size(max = 500) String reportOf,
        @Min(1) @Max(7) Integer exemptParagraph,
        @NotNull Integer version,
        @Size(max = 2000) String amendmentNote,
        @Size(min = 1, max = 500) String titleCy,
        @Size(max = 20_000) String descriptionCy) {

    public AgendaItemDraft(AgendaItemKind kind, String number, String title, String description, String reportOf,
            Integer exemptParagraph, Integer version, String amendmentNote) {
        this(kind, number, title, description, reportOf, exemptParagraph, version, amendmentNote, null, null);
    }

    /** As the database checks it too. */
    public static final String NUMBER = "^[A-Za-z0-9]([A-Za-z0-9 .()/-]{0,18}[A-Za-z0-9.)])?$";
}
