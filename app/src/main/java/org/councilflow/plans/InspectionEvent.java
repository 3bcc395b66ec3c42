package org.councilflow.plans;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A step of the improvement journey: an inspection, a monitoring visit, a statutory direction, a review. */
public record InspectionEvent(UUID id, Type type, String title, LocalDate startDate, LocalDate endDate, String focus,
        String judgement, String summary, Letter letter, int version) {

    /** The letter the inspection produced, as stored: download it from the event's {@code letter} resource. */
    public record Letter(String filename, String type, long size, String sha256) {
    }

    public enum Type {
        SIF_INSPECTION, MONITORING_VISIT, ILACS, CQC_REVIEW, STATUTORY_DIRECTION, COMMISSIONER_REVIEW, OTHER
    }

    public record Details(
            @NotNull Type type,
            @NotBlank @Size(min = 2, max = 300) String title,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            @Size(max = 4000) String focus,
            @Size(max = 100) String judgement,
            @Size(max = 20000) String summary) {

        @AssertTrue(message = "must not be before the start date")
        boolean isEndDate() {
            return endDate == null || startDate == null || !endDate.isBefore(startDate);
        }
    }
}
