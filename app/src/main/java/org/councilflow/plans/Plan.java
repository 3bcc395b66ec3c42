package org.councilflow.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An improvement plan: what was found (the inspection and its judgement), what the council aims for, and the
 * numbered themes with their actions. Theme 1 may be the turnaround priority.
 */
public record Plan(UUID id, String title, String serviceArea, Origin origin, String targetJudgement,
        List<Theme> themes, Instant updatedAt, int version) {

    /** The inspection that gave rise to the plan, e.g. Ofsted SIF, July 2017, "Inadequate". */
    public record Origin(@Size(max = 200) String inspection, LocalDate date, @Size(max = 100) String judgement) {
    }

    public record Theme(
            @Min(1) @Max(99) int number,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 10000) String description,
            boolean turnaround,
            @NotNull @Size(max = 500) List<@Valid @NotNull Action> actions) {
    }

    public enum Rag {
        NOT_STARTED, RED, AMBER, GREEN, COMPLETE
    }

    /** @param reference the plan's own reference, e.g. {@code 5b(ii)} */
    public record Action(
            @NotBlank @Size(max = 40) @Pattern(regexp = "^[\\p{Alnum}().\\-/ ]+$", message = "may hold letters, digits, brackets, dots, hyphens and slashes") String reference,
            @NotBlank @Size(max = 10000) String description,
            @Size(max = 200) String owner,
            LocalDate dueDate,
            @NotNull Rag rag,
            @Size(max = 20000) String evidence) {
    }

    /** What an officer sends to create or replace a plan. */
    public record Draft(
            @NotBlank @Size(min = 2, max = 300) String title,
            @NotBlank @Size(min = 2, max = 200) String serviceArea,
            @Valid Origin origin,
            @Size(max = 100) String targetJudgement,
            @NotNull @Size(max = 99) List<@Valid @NotNull Theme> themes) {
    }

    /** A plan in a list. */
    public record Summary(UUID id, String title, String serviceArea, String originJudgement, String targetJudgement,
            int themes, int actions, Instant updatedAt) {
    }
}
