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

    /** A report on the agenda; {@code position} is its item number. */
    public record AgendaItem(int position, UUID reportId) {
    }

    public record Draft(@NotNull UUID committeeId, @NotNull Instant startsAt,
            @NotBlank @Size(min = 2, max = 300) String venue) {
    }
}
