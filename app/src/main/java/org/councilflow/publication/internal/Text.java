package org.councilflow.publication.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.councilflow.common.Locality;
import org.councilflow.reports.ReportDocument;
import org.jsoup.Jsoup;

/** How the public site words and formats things (British English, London time). */
public final class Text {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter NUMERIC = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
    private static final java.util.regex.Pattern BIDI_CONTROLS = java.util.regex.Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    private Text() {
    }

    /**
     * Text a person typed, without Unicode bidirectional controls: an override in a title would reorder what a
     * listing, feed or calendar shows after it (a name ending "gnp.exe" reads as "exe.png"). Pages mark text
     * {@code dir="auto"}, which right-to-left languages need; these controls are never needed in a title.
     */
    public static String neutral(String text) {
        return text == null ? null : BIDI_CONTROLS.matcher(text).replaceAll("");
    }

    /**
     * A text in both of the council's languages where it gave both, for formats read in either language (the calendar,
     * the agenda lines of feeds): {@code Cabinet / Y Cabinet}; the one given where there is one only (ADR 0017).
     */
    public static String both(String english, String welsh) {
        boolean hasWelsh = welsh != null && !welsh.isBlank() && !welsh.equals(english);
        if (english == null || english.isBlank()) {
            return hasWelsh ? welsh : english;
        }
        return hasWelsh ? english + " / " + welsh : english;
    }

    public static String date(Instant instant) {
        return DATE.format(instant.atZone(Locality.zoneId()));
    }

    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    public static String day(Instant instant) {
        return DAY.format(instant.atZone(Locality.zoneId()));
    }

    /** As council decision pages give dates: 02/10/2018. */
    public static String numeric(LocalDate day) {
        return NUMERIC.format(day);
    }

    public static String numeric(Instant instant) {
        return NUMERIC.format(instant.atZone(Locality.zoneId()));
    }

    public static String time(Instant instant) {
        return TIME.format(instant.atZone(Locality.zoneId()));
    }

    public static LocalDate localDate(Instant instant) {
        return instant.atZone(Locality.zoneId()).toLocalDate();
    }

    /** A decision status or an inspection type as words: {@code RECOMMENDATIONS_APPROVED} → "Recommendations Approved". */
    public static String label(String constant) {
        return switch (constant) {
            case "RECOMMENDATIONS_APPROVED" -> "Recommendations Approved";
            case "APPROVED_AS_AMENDED" -> "Approved as amended";
            case "NOT_APPROVED" -> "Not approved";
            case "DEFERRED" -> "Deferred";
            case "NOTED" -> "Noted";
            case "SIF_INSPECTION" -> "Ofsted inspection (SIF)";
            case "MONITORING_VISIT" -> "Monitoring visit";
            case "ILACS" -> "Ofsted inspection (ILACS)";
            case "CQC_REVIEW" -> "CQC review";
            case "STATUTORY_DIRECTION" -> "Statutory direction";
            case "COMMISSIONER_REVIEW" -> "Commissioner's review";
            default -> "Other";
        };
    }

    public static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    /** A file size as people read it: 120 KB, 2.4 MB. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", bytes / 1_048_576.0);
    }

    /** The report's text without markup, for the search index. */
    static String reportText(ReportDocument document) {
        StringBuilder text = new StringBuilder();
        append(text, document.summary());
        document.recommendations().forEach(r -> append(text, r));
        for (ReportDocument.Section section : document.sections()) {
            append(text, section.heading());
            section.blocks().forEach(block -> append(text, block.markdown()));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String markdown) {
        if (markdown != null && !markdown.isBlank()) {
            text.append(Jsoup.parse(org.councilflow.reports.Markdown.toSafeHtml(markdown)).text()).append('\n');
        }
    }

    /** A report's Welsh text for the search index: its summary and recommendations. */
    static String welshText(ReportDocument.Welsh welsh) {
        StringBuilder text = new StringBuilder(welsh.summary() == null ? "" : welsh.summary());
        if (welsh.recommendations() != null) {
            welsh.recommendations().forEach(r -> text.append('\n').append(r));
        }
        return text.toString();
    }
}
