package org.councilflow.meetings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A meeting of one of the council's committees, with the reports on its agenda in order. */
public record Meeting(UUID id, UUID committeeId, String committeeName, Instant startsAt, String venue,
        List<AgendaItem> agenda, int version) {

    /**
     * An item of the agenda.
     *
     * @param position its place in the order, from 1
     * @param number the council's own number for it, as written ("3.1", "4a", "Item 5")
     * @param reportId the report from the cycle, for an item of kind {@link AgendaItemKind#CYCLE_REPORT} only
     * @param title its heading (null for a report from the cycle: the report's own title is its heading)
     * @param exemptParagraph the paragraph (1–7) of Schedule 12A that makes it exempt, null when it is not
     */
    public record AgendaItem(UUID id, int position, String number, AgendaItemKind kind, UUID reportId, String title,
            String description, String reportOf, Integer exemptParagraph) {

        public boolean exempt() {
            return exemptParagraph != null;
        }
    }

    public record Draft(@NotNull UUID committeeId, @NotNull Instant startsAt,
            @NotBlank @Size(min = 2, max = 300) String venue) {
    }
}
