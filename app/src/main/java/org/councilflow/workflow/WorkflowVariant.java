package org.councilflow.workflow;

import java.util.List;

import org.councilflow.identity.Role;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A council's variant of the report cycle: data that the one platform-deployed process interprets, never code.
 *
 * @param version the council's settings version (board review and working days are council settings too): a change
 *        made with an older one is refused
 * @param boardReview whether reports pass through the improvement board
 * @param preCommitteeScrutiny whether a clerk scrutinises a report before it is scheduled to committee
 * @param stages each stage's service level; a stage not listed, or a field left empty, keeps the platform default
 */
public record WorkflowVariant(@NotNull Integer version, @NotNull Boolean boardReview, @NotNull Boolean preCommitteeScrutiny,
        @NotNull @Size(max = 8) List<@NotNull @Valid StageLevel> stages) {

    /**
     * @param workingDays working days allowed at normal urgency (urgent cycles get the shorter of this and the
     *        platform's urgent level)
     * @param reminderDays working days before the due date at which the holder is reminded
     * @param remindRole whose holders are reminded while nobody has claimed the task (default: the stage's role)
     * @param escalateTo whose holders are told when the stage is overdue
     */
    public record StageLevel(@NotNull CycleStage stage, @Min(1) @Max(365) Integer workingDays,
            @Min(0) @Max(60) Integer reminderDays, Role remindRole, Role escalateTo) {
    }
}
