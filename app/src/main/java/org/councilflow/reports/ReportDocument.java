package org.councilflow.reports;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A progress report to committee in the standard council report template: the header table, summary, numbered
 * recommendations, and the numbered sections (1 the update by improvement theme, 2 reasons for recommendations,
 * 3 alternatives considered, 4 post-decision implementation, 5 implications 5.1–5.9, 6 background papers).
 * Text is Markdown. Paragraph numbers are kept as the author wrote them, so a paper holds without loss.
 *
 * @param welsh the council's Welsh text beside the English (title, summary, recommendations), if it gives one: part of
 *     the document, so it is in every version and the signed-off version is what the public site shows in Welsh
 */
public record ReportDocument(
        @Min(1) @Max(999) Integer sequenceNumber,
        LocalDate periodStart,
        LocalDate periodEnd,
        @NotNull @Valid Header header,
        @Size(max = 50_000) String summary,
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 5_000) String> recommendations,
        @NotNull @Size(max = 20) List<@Valid @NotNull Section> sections,
        // absent when there is none, so an English-only document (and every version frozen before) reads as it did
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) @Valid Welsh welsh) {

    /** A report in English only. */
    public ReportDocument(Integer sequenceNumber, LocalDate periodStart, LocalDate periodEnd, Header header, String summary,
            List<String> recommendations, List<Section> sections) {
        this(sequenceNumber, periodStart, periodEnd, header, summary, recommendations, sections, null);
    }

    /**
     * The Welsh text beside the English (ADR 0015): each part optional, shown on Welsh pages; where one is missing the
     * English is shown there, marked as English.
     */
    public record Welsh(
            @Size(max = 500) String title,
            @Size(max = 50_000) String summary,
            @Size(max = 100) List<@NotBlank @Size(max = 5_000) String> recommendations) {
    }

    /** The sections of the template, in order. */
    public static final List<String> SECTION_KEYS = List.of("body", "reasons", "alternatives", "postDecision",
            "implications", "backgroundPapers");

    @AssertTrue(message = "the reporting period must not end before it starts")
    boolean isPeriodInOrder() {
        return periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart);
    }

    public enum Status {
        PUBLIC, EXEMPT
    }

    /**
     * The header table of the template.
     *
     * @param exemption for an exempt report, the paragraph of Schedule 12A that exempts it
     */
    public record Header(
            @Size(max = 300) String committee,
            LocalDate meetingDate,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 500) String reportOf,
            @Size(max = 500) String wards,
            @NotNull Status status,
            @Size(max = 2_000) String exemption,
            boolean urgent,
            boolean keyDecision,
            @Size(max = 5_000) String enclosures,
            @Size(max = 2_000) String officerContact) {

        @AssertTrue(message = "an exempt report must say which exemption applies")
        boolean isExemptionGiven() {
            return status != Status.EXEMPT || (exemption != null && !exemption.isBlank());
        }
    }

    /** One numbered section of the template. */
    public record Section(
            @NotNull @Pattern(regexp = "^(body|reasons|alternatives|postDecision|implications|backgroundPapers)$") String key,
            @Size(max = 20) String number,
            @Size(max = 500) String heading,
            @NotNull @Size(max = 2_000) List<@Valid @NotNull Block> blocks) {
    }

    public enum Kind {
        HEADING, PARAGRAPH
    }

    /**
     * A heading or a paragraph of a section.
     *
     * @param number the paragraph's number as written (e.g. {@code 1.11}, {@code 5.3.1}), if it has one
     * @param theme for an update on an improvement theme, the theme's number in the plan
     */
    public record Block(@NotNull Kind kind, @Size(max = 20) String number, @Min(1) @Max(99) Integer theme,
            @NotNull @Size(max = 100_000) String markdown) {
    }
}
