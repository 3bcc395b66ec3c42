package org.councilflow.publication.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.councilflow.meetings.Committee.MemberRole;
import org.councilflow.meetings.Resolution;
import org.councilflow.minutes.Attendance.GuestKind;
import org.councilflow.minutes.Attendance.Presence;
import org.councilflow.minutes.Declaration;
import org.councilflow.minutes.MinutesStyle;
import org.councilflow.reports.Markdown;
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
     * @param imported for an item of a history import: where it came from (null otherwise)
     */
    public record ReportSnapshot(UUID reportId, int reportVersion, UUID meetingId, int position, ReportDocument document,
            List<DocumentRef> appendices, Instant signedOffAt, Imported imported) {

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
     * A meeting whose agenda has been published (ADR 0009).
     *
     * @param items in order; an exempt item has its heading only (no report, description or documents)
     * @param location VENUE, HYBRID, REMOTE or NONE (null in publications made before it was recorded)
     * @param status SCHEDULED, CANCELLED, POSTPONED or MOVED, with {@code statusNote}
     * @param agendaVersion 1 as published, one more per amendment
     * @param committeeNameCy the committee's Welsh name, {@code titleCy} the meeting's Welsh title and {@code venueCy}
     *        its venue in Welsh as published (null where none was given, and in publications made before there was
     *        Welsh: ADR 0017)
     */
    public record MeetingSnapshot(UUID meetingId, UUID committeeId, String committeeName, Instant startsAt, String venue,
            List<Item> items, String title, Instant endsAt, String location, String onlineLink, String webcastLink,
            String status, String statusNote, int agendaVersion, String committeeNameCy, String titleCy, String venueCy) {

        public MeetingSnapshot {
            items = items == null ? List.of() : items;
        }

        /** As published before the venue had Welsh. */
        public MeetingSnapshot(UUID meetingId, UUID committeeId, String committeeName, Instant startsAt, String venue,
                List<Item> items, String title, Instant endsAt, String location, String onlineLink, String webcastLink,
                String status, String statusNote, int agendaVersion, String committeeNameCy, String titleCy) {
            this(meetingId, committeeId, committeeName, startsAt, venue, items, title, endsAt, location, onlineLink,
                    webcastLink, status, statusNote, agendaVersion, committeeNameCy, titleCy, null);
        }

        /** As published before committee papers had Welsh text. */
        public MeetingSnapshot(UUID meetingId, UUID committeeId, String committeeName, Instant startsAt, String venue,
                List<Item> items, String title, Instant endsAt, String location, String onlineLink, String webcastLink,
                String status, String statusNote, int agendaVersion) {
            this(meetingId, committeeId, committeeName, startsAt, venue, items, title, endsAt, location, onlineLink,
                    webcastLink, status, statusNote, agendaVersion, null, null);
        }

        /** As published before meetings had titles, locations and statuses. */
        public MeetingSnapshot(UUID meetingId, UUID committeeId, String committeeName, Instant startsAt, String venue,
                List<Item> items) {
            this(meetingId, committeeId, committeeName, startsAt, venue, items, null, null, null, null, null, null, null, 1,
                    null, null, null);
        }

        /**
         * An agenda item as published.
         *
         * @param position its place in the order (the public item page's address)
         * @param reportId the published report of a report from the cycle; null for other kinds and exempt items
         * @param number the council's own number ("3.1", "4a"); null in publications made before it was recorded
         * @param kind an {@code AgendaItemKind} name (APOLOGIES … VERBAL_UPDATE)
         * @param title the heading; for a report from the cycle, the signed-off version's title
         * @param exemptParagraph the paragraph of Schedule 12A (1–7) when exempt and known
         * @param sinceVersion the agenda version that added it (0 or 1: on the agenda as first published)
         * @param titleCy the heading in Welsh (for a report from the cycle, its signed-off Welsh title) and
         *        {@code descriptionCy} the description in Welsh, where given
         */
        public record Item(int position, UUID reportId, boolean exempt, UUID itemId, String number, String kind,
                String title, String description, String reportOf, Integer exemptParagraph, boolean withdrawn,
                int sinceVersion, List<ItemDocument> documents, String titleCy, String descriptionCy) {

            public Item {
                documents = documents == null ? List.of() : documents;
            }

            /** As published before items had Welsh text. */
            public Item(int position, UUID reportId, boolean exempt, UUID itemId, String number, String kind,
                    String title, String description, String reportOf, Integer exemptParagraph, boolean withdrawn,
                    int sinceVersion, List<ItemDocument> documents) {
                this(position, reportId, exempt, itemId, number, kind, title, description, reportOf, exemptParagraph,
                        withdrawn, sinceVersion, documents, null, null);
            }

            /** As published before items had numbers, kinds and documents. */
            public Item(int position, UUID reportId, boolean exempt) {
                this(position, reportId, exempt, null, null, null, null, null, null, null, false, 0, List.of(), null, null);
            }

            /** The item's number as the council wrote it, or its place for publications made before numbers. */
            public String label() {
                return number != null ? number : Integer.toString(position);
            }
        }

        /**
         * A document of an agenda item as published: a file ({@code file}, downloaded from the public site) or a link.
         *
         * @param kind an {@code AgendaDocument.Kind} name (REPORT, APPENDIX, MINUTES, PRESENTATION, BACKGROUND_PAPER)
         */
        public record ItemDocument(UUID id, String title, String kind, DocumentRef file, String link, String titleCy) {

            public ItemDocument(UUID id, String title, String kind, DocumentRef file, String link) {
                this(id, title, kind, file, link, null);
            }
        }
    }

    /**
     * A published decision, with what the decision details page shows ({@code imported}: see {@link Imported}).
     *
     * @param resolutions the resolutions' texts, in order
     * @param structuredResolutions the same resolutions with their sub-points (null in publications made before
     *        resolutions had sub-points: then each text is a resolution without any)
     * @param minutesCy the minutes and {@code resolutionsCy} the resolutions in Welsh as recorded with the English
     *        (null or empty where none was given, and in publications made before there was Welsh: ADR 0023)
     */
    public record DecisionSnapshot(UUID decisionId, UUID reportId, UUID meetingId, UUID committeeId, String decisionMaker,
            String reportTitle, String status, boolean keyDecision, boolean subjectToCallIn, List<String> resolutions,
            String minutes, LocalDate decidedOn, Instant meetingStartsAt, Instant publishedAt, Instant callInEndsAt,
            Instant calledInAt, List<DocumentRef> appendices, List<Resolution> structuredResolutions,
            Instant effectiveAt, Imported imported, String reportTitleCy, String decisionMakerCy, MinutesStyle style,
            String minutesCy, List<Resolution> resolutionsCy) {

        public DecisionSnapshot {
            resolutionsCy = resolutionsCy == null ? List.of() : resolutionsCy;
        }

        /** As published before a decision's own minutes and resolutions had Welsh text. */
        public DecisionSnapshot(UUID decisionId, UUID reportId, UUID meetingId, UUID committeeId, String decisionMaker,
                String reportTitle, String status, boolean keyDecision, boolean subjectToCallIn, List<String> resolutions,
                String minutes, LocalDate decidedOn, Instant meetingStartsAt, Instant publishedAt, Instant callInEndsAt,
                Instant calledInAt, List<DocumentRef> appendices, List<Resolution> structuredResolutions,
                Instant effectiveAt, Imported imported, String reportTitleCy, String decisionMakerCy, MinutesStyle style) {
            this(decisionId, reportId, meetingId, committeeId, decisionMaker, reportTitle, status, keyDecision,
                    subjectToCallIn, resolutions, minutes, decidedOn, meetingStartsAt, publishedAt, callInEndsAt,
                    calledInAt, appendices, structuredResolutions, effectiveAt, imported, reportTitleCy, decisionMakerCy,
                    style, null, List.of());
        }

        /** As published before the committee had a Welsh name and the council's style of resolutions was frozen in. */
        public DecisionSnapshot(UUID decisionId, UUID reportId, UUID meetingId, UUID committeeId, String decisionMaker,
                String reportTitle, String status, boolean keyDecision, boolean subjectToCallIn, List<String> resolutions,
                String minutes, LocalDate decidedOn, Instant meetingStartsAt, Instant publishedAt, Instant callInEndsAt,
                Instant calledInAt, List<DocumentRef> appendices, List<Resolution> structuredResolutions,
                Instant effectiveAt, Imported imported, String reportTitleCy) {
            this(decisionId, reportId, meetingId, committeeId, decisionMaker, reportTitle, status, keyDecision,
                    subjectToCallIn, resolutions, minutes, decidedOn, meetingStartsAt, publishedAt, callInEndsAt,
                    calledInAt, appendices, structuredResolutions, effectiveAt, imported, reportTitleCy, null, null,
                    null, List.of());
        }

        /** As before resolutions had sub-points. */
        public DecisionSnapshot(UUID decisionId, UUID reportId, UUID meetingId, UUID committeeId, String decisionMaker,
                String reportTitle, String status, boolean keyDecision, boolean subjectToCallIn, List<String> resolutions,
                String minutes, LocalDate decidedOn, Instant meetingStartsAt, Instant publishedAt, Instant callInEndsAt,
                Instant calledInAt, List<DocumentRef> appendices) {
            this(decisionId, reportId, meetingId, committeeId, decisionMaker, reportTitle, status, keyDecision,
                    subjectToCallIn, resolutions, minutes, decidedOn, meetingStartsAt, publishedAt, callInEndsAt,
                    calledInAt, appendices, null, null, null, null, null, null, null, List.of());
        }

        /** The council's style as frozen at publication, or its defaults for a publication made before that. */
        public MinutesStyle styleOrDefaults() {
            return style != null ? style : MinutesStyle.defaults();
        }

        /** The resolutions as the council writes them: numbered (if several) with sub-points a), b) or as set. */
        public List<MinutesStyle.Shown> shownResolutions() {
            return styleOrDefaults().show(resolutionsWithPoints());
        }

        /** The resolutions as plain text behind the council's label: "RESOLVED – That …\na) …". */
        public String resolutionsText() {
            return styleOrDefaults().text(resolutionsWithPoints());
        }

        /** The Welsh resolutions as the council writes them (empty where it gave none). */
        public List<MinutesStyle.Shown> shownResolutionsCy() {
            return styleOrDefaults().show(resolutionsCy);
        }

        /** The Welsh resolutions as plain text behind the council's Welsh label: "PENDERFYNWYD – Bod …\na) …". */
        public String resolutionsTextCy() {
            return styleOrDefaults().welshText(resolutionsCy);
        }

        /** Whether the council gave any of the decision's own text in Welsh. */
        public boolean hasWelsh() {
            return minutesCy != null && !minutesCy.isBlank() || !resolutionsCy.isEmpty();
        }

        /** The resolutions with their sub-points, also of publications made before there were sub-points. */
        public List<Resolution> resolutionsWithPoints() {
            return structuredResolutions != null ? structuredResolutions
                    : resolutions.stream().map(text -> new Resolution(text, List.of())).toList();
        }
    }

    /**
     * A meeting's minutes as published (ADR 0010): the version the next meeting approved, or an amendment of it, or
     * (where the council publishes them) the draft, marked as such. Exempt items show their number, heading and
     * declarations only.
     *
     * @param status {@code DRAFT} or {@code APPROVED}
     * @param minutesVersion the version of the minutes this is (amendments are later versions)
     * @param approvedAtMeetingStartsAt when the meeting that approved them began (null for a draft)
     * @param approvedAtItemNumber that meeting's number for its item "minutes of the previous meeting"
     * @param resolvedLabel the council's "RESOLVED –" in front of an item's resolutions
     * @param committeeNameCy the committee's Welsh name at publication, where given
     * @param resolvedLabelCy the council's Welsh label, "PENDERFYNWYD –", in front of Welsh resolutions (null in
     *        minutes published before there was one: then the usual Welsh form; ADR 0023)
     */
    public record MinutesSnapshot(UUID meetingId, UUID committeeId, String committeeName, Instant startsAt,
            String status, int minutesVersion, UUID approvedAtMeetingId, Instant approvedAtMeetingStartsAt,
            String approvedAtItemNumber, String resolvedLabel, Attendance attendance, List<Item> items,
            String committeeNameCy, String resolvedLabelCy) {

        /** As published before the council's style had a Welsh label. */
        public MinutesSnapshot(UUID meetingId, UUID committeeId, String committeeName, Instant startsAt,
                String status, int minutesVersion, UUID approvedAtMeetingId, Instant approvedAtMeetingStartsAt,
                String approvedAtItemNumber, String resolvedLabel, Attendance attendance, List<Item> items,
                String committeeNameCy) {
            this(meetingId, committeeId, committeeName, startsAt, status, minutesVersion, approvedAtMeetingId,
                    approvedAtMeetingStartsAt, approvedAtItemNumber, resolvedLabel, attendance, items, committeeNameCy, null);
        }

        /** The label in front of resolutions shown in {@code language} ({@code cy} or {@code en}). */
        public String resolvedLabel(String language) {
            if (!"cy".equals(language)) {
                return resolvedLabel;
            }
            return resolvedLabelCy != null ? resolvedLabelCy : MinutesStyle.WELSH_RESOLVED_LABEL;
        }

        /** As published before minutes had Welsh text. */
        public MinutesSnapshot(UUID meetingId, UUID committeeId, String committeeName, Instant startsAt,
                String status, int minutesVersion, UUID approvedAtMeetingId, Instant approvedAtMeetingStartsAt,
                String approvedAtItemNumber, String resolvedLabel, Attendance attendance, List<Item> items) {
            this(meetingId, committeeId, committeeName, startsAt, status, minutesVersion, approvedAtMeetingId,
                    approvedAtMeetingStartsAt, approvedAtItemNumber, resolvedLabel, attendance, items, null);
        }

        public record Attendance(List<Member> members, List<Person> officers, List<Guest> others) {
        }

        public record Member(String name, MemberRole role, Presence presence, String substituteFor) {
        }

        /** @param roleCy the post in Welsh as frozen with the English (null where none was given) */
        public record Person(String name, String role, String roleCy) {

            /** As published before roles had Welsh. */
            public Person(String name, String role) {
                this(name, role, null);
            }
        }

        /** @param roleCy the role in Welsh as frozen with the English (null where none was given) */
        public record Guest(String name, String role, GuestKind kind, String roleCy) {

            /** As published before roles had Welsh. */
            public Guest(String name, String role, GuestKind kind) {
                this(name, role, kind, null);
            }
        }

        /**
         * @param titleCy the heading, {@code minutesCy} the minutes and {@code resolutionsCy} the resolutions in Welsh,
         *        as frozen with the English (null or empty where none was given)
         */
        public record Item(UUID itemId, String number, String kind, String title, UUID reportId, Integer exemptParagraph,
                List<Declaration> declarations, String minutes, List<MinutesStyle.Shown> resolutions, String titleCy,
                String minutesCy, List<MinutesStyle.Shown> resolutionsCy) {

            public Item {
                resolutionsCy = resolutionsCy == null ? List.of() : resolutionsCy;
            }

            /** As published before minutes had Welsh text. */
            public Item(UUID itemId, String number, String kind, String title, UUID reportId, Integer exemptParagraph,
                    List<Declaration> declarations, String minutes, List<MinutesStyle.Shown> resolutions) {
                this(itemId, number, kind, title, reportId, exemptParagraph, declarations, minutes, resolutions, null,
                        null, List.of());
            }

            public boolean exempt() {
                return exemptParagraph != null;
            }

            /** The minutes as safe HTML: Markdown with the council's bullets, sanitised (empty when there are none). */
            public String minutesHtml() {
                return Markdown.minutesToSafeHtml(minutes);
            }
        }
    }

    /**
     * An item or decision published by a history import (ADR 0011): its source, its id there, when and by whom it was
     * imported, its number as the source wrote it, and its documents as links to where the source published them.
     */
    public record Imported(String source, String sourceId, Instant importedAt, String importedBy, String number,
            List<Link> links) {

        public record Link(String title, String url) {
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
