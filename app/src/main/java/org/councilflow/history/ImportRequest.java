package org.councilflow.history;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What to import, or with {@code dryRun} what an import would do.
 *
 * @param source where from: a ModernGov site, its saved XML answers, or the JSON layout of docs/import-format.md
 * @param sourceName names the source in the import records (a re-run of the same source updates, never duplicates);
 *     for a site, its base URL by default
 * @param baseUrl the ModernGov site, e.g. {@code https://democracy.example.gov.uk}
 * @param from first meeting date imported (inclusive), for a site
 * @param to last meeting date imported (inclusive), for a site
 * @param committeeIds ModernGov committee ids to import; empty: all
 * @param xml saved answers of {@code GetCommittees}, {@code GetMeetings} and {@code GetMeeting}, one document each
 * @param records the JSON layout's content
 * @param fetchDocuments fetch the linked documents (the checks of an upload: size, type from the bytes, SHA-256) and
 *     publish them as the items' documents; a document that cannot be fetched stays a link, with why
 */
public record ImportRequest(
        @NotNull ImportSource source,
        @Size(max = 500) String sourceName,
        @Size(max = 500) String baseUrl,
        LocalDate from,
        LocalDate to,
        @Size(max = 500) List<String> committeeIds,
        @Size(max = 2_000) List<@NotNull @Size(max = 16_000_000) String> xml,
        @Valid History.Bundle records,
        boolean dryRun,
        boolean fetchDocuments) {

    /** A request that keeps documents as links. */
    public ImportRequest(ImportSource source, String sourceName, String baseUrl, LocalDate from, LocalDate to,
            List<String> committeeIds, List<String> xml, History.Bundle records, boolean dryRun) {
        this(source, sourceName, baseUrl, from, to, committeeIds, xml, records, dryRun, false);
    }

    @AssertTrue(message = "a ModernGov site needs baseUrl, from and to (from not after to)")
    boolean isBaseUrl() {
        return source != ImportSource.MODERNGOV_URL
                || (baseUrl != null && !baseUrl.isBlank() && from != null && to != null && !to.isBefore(from));
    }

    @AssertTrue(message = "committee ids are ModernGov's: letters, digits, '-' and '_', at most 50 characters")
    boolean isCommitteeIds() {
        return committeeIds == null || committeeIds.stream().allMatch(id -> id != null && id.matches("^[A-Za-z0-9_-]{1,50}$"));
    }

    @AssertTrue(message = "saved XML needs at least one document and a sourceName")
    boolean isXml() {
        return source != ImportSource.MODERNGOV_XML
                || (xml != null && !xml.isEmpty() && sourceName != null && !sourceName.isBlank());
    }

    @AssertTrue(message = "a JSON import needs records and a sourceName")
    boolean isRecords() {
        return source != ImportSource.JSON || (records != null && sourceName != null && !sourceName.isBlank());
    }

    /** The name the records are kept under. */
    public String name() {
        if (sourceName != null && !sourceName.isBlank()) {
            return sourceName.strip();
        }
        return baseUrl == null ? source.name() : baseUrl.strip().replaceAll("/+$", "");
    }
}
