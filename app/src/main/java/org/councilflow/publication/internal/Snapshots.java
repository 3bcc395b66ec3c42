package org.councilflow.publication.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.councilflow.reports.ReportDocument;

/**
 * What was made public, as it was at the moment of publication. The public site renders these and nothing else.
 */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * A published report: the signed-off version that went on the agenda, and the appendices it was signed off with.
     *
     * @param signedOffAt when that version was signed off (null in publications made before it was recorded)
     */
    public record ReportSnapshot(UUID reportId, int reportVersion, UUID meetingId, int position, ReportDocument document,
            List<DocumentRef> appendices, Instant signedOffAt) {

        /** "Version 3, signed off 24/11/2026": which version of the report this is, as the page and the PDF say. */
        public String versionLine() {
            return "Version " + reportVersion + (signedOffAt == null ? "" : ", signed off " + Text.numeric(signedOffAt));
        }
    }

    /** A document anyone may download: an appendix of a published report, or an inspection letter. */
    public record DocumentRef(int number, String title, UUID documentId, String filename, String mediaType,
            String extension, long size, String sha256) {
    }

    /**
     * A meeting whose agenda has been published.
     *
     * @param items in order; an exempt item has no report (its report is not for publication)
     */
    public record MeetingSnapshot(UUID meetingId, UUID committeeId, String committeeName, Instant startsAt, String venue,
            List<Item> items) {

        public record Item(int position, UUID reportId, boolean exempt) {
        }
    }

    /** A published decision, with what the decision details page shows. */
    public record DecisionSnapshot(UUID decisionId, UUID reportId, UUID meetingId, UUID committeeId, String decisionMaker,
            String reportTitle, String status, boolean keyDecision, boolean subjectToCallIn, List<String> resolutions,
            String minutes, LocalDate decidedOn, Instant meetingStartsAt, Instant publishedAt, Instant callInEndsAt,
            Instant calledInAt, List<DocumentRef> appendices, String reportTitleCy) {

        /** Published before Welsh titles (and by code that has none): no Welsh title. */
        public DecisionSnapshot(UUID decisionId, UUID reportId, UUID meetingId, UUID committeeId, String decisionMaker,
                String reportTitle, String status, boolean keyDecision, boolean subjectToCallIn, List<String> resolutions,
                String minutes, LocalDate decidedOn, Instant meetingStartsAt, Instant publishedAt, Instant callInEndsAt,
                Instant calledInAt, List<DocumentRef> appendices) {
            this(decisionId, reportId, meetingId, committeeId, decisionMaker, reportTitle, status, keyDecision,
                    subjectToCallIn, resolutions, minutes, decidedOn, meetingStartsAt, publishedAt, callInEndsAt, calledInAt,
                    appendices, null);
        }
    }

    /** A plan's improvement journey: its inspection events in date order. */
    public record JourneySnapshot(UUID planId, String title, String serviceArea, String originInspection,
            LocalDate originDate, String originJudgement, String targetJudgement, List<Step> steps) {

        public record Step(UUID eventId, String type, String title, LocalDate startDate, LocalDate endDate, String focus,
                String judgement, String summary, DocumentRef letter) {
        }
    }

    /**
     * One thing as published: its latest content, when it was first published and when last, and the amendments in
     * between (version 2 onwards), oldest first.
     */
    public record Published<T>(T content, int version, Instant firstPublishedAt, Instant publishedAt,
            List<Amendment> amendments) {
    }

    public record Amendment(int version, Instant publishedAt, String note) {
    }

    /**
     * A search result: {@code snippet} holds the matches between the store's marks and is otherwise the indexed text
     * itself, unescaped.
     */
    /** @param lang the language of the text found, {@code en} or {@code cy} */
    public record SearchHit(String kind, String title, String path, Instant publishedAt, double rank, String snippet,
            String lang) {
    }
}
