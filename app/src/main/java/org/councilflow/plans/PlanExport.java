package org.councilflow.plans;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A whole plan in portable form: the plan with its themes and actions, indicators with values, risks, inspections. */
public record PlanExport(
        @NotNull String format,
        @NotNull @Valid Plan.Draft plan,
        @NotNull @Size(max = 500) List<@Valid @NotNull IndicatorExport> indicators,
        @NotNull @Size(max = 1000) List<Risk.@Valid @NotNull Entry> risks,
        @NotNull @Size(max = 1000) List<InspectionEvent.@Valid @NotNull Details> inspections) {

    public static final String FORMAT = "councilflow.improvement-plan/1";

    public record IndicatorExport(@NotNull @Valid Indicator.Definition definition,
            @NotNull @Size(max = 1000) List<@Valid @NotNull ValueExport> values) {
    }

    public record ValueExport(
            @NotNull @jakarta.validation.constraints.Pattern(regexp = "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$") String period,
            @NotNull @jakarta.validation.constraints.Digits(integer = 10, fraction = 4) BigDecimal value,
            @Size(max = 2000) String note) {
    }
}
