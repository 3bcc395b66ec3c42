package org.councilflow.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The typed intermediate model of what is imported, whatever the source (ModernGov's web service, saved XML, the
 * JSON layout of {@code docs/import-format.md}). It keeps more than today's public model shows (item numbers, minutes
 * HTML, attendance, document links, meeting status), so that a richer agenda model can map it without a new import.
 */
public final class History {

    private History() {
    }

    /** Everything a source gave: its committees and their meetings. */
    public record Bundle(@NotNull @Size(max = 2_000) List<@Valid @NotNull Committee> committees,
            @NotNull @Size(max = 50_000) List<@Valid @NotNull Meeting> meetings) {
    }

    public record Committee(@NotBlank @Size(max = 200) String sourceId, @NotBlank @Size(max = 300) String name) {
    }

    public enum Status {
        HELD, CANCELLED, POSTPONED;

        /** ModernGov's free-text status ("Confirmed", "Cancelled", "Postponed", "Moved to …"). */
        public static Status fromModernGov(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
            if (t.startsWith("cancel")) {
                return CANCELLED;
            }
            return t.startsWith("postpon") || t.startsWith("moved") ? POSTPONED : HELD;
        }
    }

    /**
     * A meeting with its agenda.
     *
     * @param time null when the source gives none
     * @param agendaPublishedOn when its agenda was published; null: the earliest document's publication date, else the
     *     meeting's date
     * @param agendaPublishedAt the exact instant, when the source has it (CouncilFlow's own answers); it wins over
     *     the date. Left out of the JSON written when null, so that what was imported before hashes as before.
     */
    public record Meeting(@NotBlank @Size(max = 200) String sourceId, @NotBlank @Size(max = 200) String committeeSourceId,
            @NotNull LocalDate date, LocalTime time, @Size(max = 300) String location, @NotNull Status status,
            LocalDate agendaPublishedOn, @NotNull @Size(max = 500) List<@Valid @NotNull Attendee> attendees,
            @NotNull @Size(max = 500) List<@Valid @NotNull Item> items,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant agendaPublishedAt) {
    }

    public record Attendee(@NotBlank @Size(max = 200) String name, @Size(max = 200) String role,
            @Size(max = 200) String attendance) {
    }

    /**
     * An agenda item.
     *
     * @param number as the source writes it ("3", "3.1", "A")
     * @param restricted exempt from publication (ModernGov's {@code isrestricted}): listed, never shown
     * @param minutesHtml the item's minutes as the source's HTML (kept as is; shown as text)
     * @param decisionHtml the decision (resolutions) as the source's HTML; null: no decision on this item
     * @param decisionStatus e.g. "Recommendations Approved"
     * @param decisionPublishedAt the decision's exact publication, when the source has it; it wins over the date
     * @param callInEndsAt the call-in period's exact end, when the source has it; it wins over the date
     */
    public record Item(@NotBlank @Size(max = 200) String sourceId, @Size(max = 20) String number,
            @NotBlank @Size(max = 1_000) String title, @Size(max = 100_000) String description, boolean restricted,
            @Size(max = 200_000) String minutesHtml, @Size(max = 200_000) String decisionHtml,
            @Size(max = 100) String decisionStatus, boolean keyDecision, LocalDate decidedOn,
            LocalDate decisionPublishedOn, LocalDate callInEndsOn,
            @NotNull @Size(max = 500) List<@Valid @NotNull Document> documents,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant decisionPublishedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant callInEndsAt) {
    }

    /** A document kept as a link: its title and address (http or https only). */
    public record Document(@Size(max = 200) String sourceId, @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 2_000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https address")
            String url, boolean restricted, LocalDate publishedOn) {
    }
}
