package org.councilflow.publication.internal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public site's words and formats in one language: every UI text comes from the {@code publication/i18n/messages}
 * bundle by key, and dates, times and sizes are written as that language writes them. One is made per rendering with
 * the locale it is for: the configured {@code councilflow.publication.locale}, or Welsh ({@code cy}) where the council
 * publishes in Welsh and the request chose it (ADR 0015).
 */
public final class Localizer {

    static final String BUNDLE = "publication.i18n.messages";

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter day;
    private final DateTimeFormatter numeric;
    private final DateTimeFormatter time;
    /** Each message parsed once: a clone formats it (MessageFormat is not thread-safe; the parsed patterns are). */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    /** One per language: immutable apart from its caches, and shared by every rendering in that language. */
    private static final Map<Locale, Localizer> LOCALIZERS = new ConcurrentHashMap<>();

    private Localizer(Locale locale) {
        this.locale = locale;
        // no fall-back to the JVM's default locale: a missing language falls back to the base (English) bundle only
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.date = DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale);
        this.day = DateTimeFormatter.ofPattern(bundle.getString("format.day"), locale);
        this.numeric = DateTimeFormatter.ofPattern(bundle.getString("format.numeric"), locale);
        this.time = DateTimeFormatter.ofPattern(bundle.getString("format.time"), locale);
    }

    public static Localizer of(Locale locale) {
        return LOCALIZERS.computeIfAbsent(locale, Localizer::new);
    }

    public Locale locale() {
        return locale;
    }

    /** The language alone, {@code en} or {@code cy}: the {@code ?lang=} of a page's address. */
    public String language() {
        return locale.getLanguage();
    }

    /** The BCP 47 tag for {@code lang} attributes, feeds and the PDF's document language: {@code en-GB}. */
    public String lang() {
        return locale.toLanguageTag();
    }

    /** The text of {@code key}, its {@code {0}}… filled with {@code args} (a missing key fails loudly, and is tested). */
    public String t(String key, Object... args) {
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
        return ((MessageFormat) format.clone()).format(args);
    }

    public String date(Instant instant) {
        return date.format(instant.atZone(org.councilflow.common.Locality.zoneId()));
    }

    public String date(LocalDate value) {
        return date.format(value);
    }

    public String day(Instant instant) {
        return day.format(instant.atZone(org.councilflow.common.Locality.zoneId()));
    }

    /** As council decision pages give dates: 02/10/2018. */
    public String numeric(Instant instant) {
        return numeric.format(instant.atZone(org.councilflow.common.Locality.zoneId()));
    }

    public String numeric(LocalDate value) {
        return numeric.format(value);
    }

    public String time(Instant instant) {
        return time.format(instant.atZone(org.councilflow.common.Locality.zoneId()));
    }

    /** A decision status or an inspection type as words: {@code RECOMMENDATIONS_APPROVED} → "Recommendations Approved". */
    public String label(String constant) {
        return constant != null && bundle.containsKey("label." + constant) ? t("label." + constant) : t("label.OTHER");
    }

    public String yesNo(boolean value) {
        return t(value ? "yes" : "no");
    }

    /** A file type as people name it: "Word document"; an unknown one by its extension. */
    public String type(String extension) {
        return bundle.containsKey("type." + extension) ? t("type." + extension) : extension;
    }

    /** A file size as people read it: 120 KB, 2.4 MB. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return t("size.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return t("size.kb", Math.max(1, Math.round(bytes / 1024.0)));
        }
        return t("size.mb", bytes / 1_048_576.0);
    }

    /**
     * A text the council gives in English, Welsh or both, as this page shows it (ADR 0015): in the page's language
     * where there is one, else in the other language, marked as such.
     */
    public Shown pick(String english, String welsh) {
        boolean hasWelsh = welsh != null && !welsh.isBlank();
        boolean hasEnglish = english != null && !english.isBlank();
        if ("cy".equals(language())) {
            return hasWelsh || !hasEnglish ? new Shown(hasWelsh ? welsh : english, "cy", false) : new Shown(english, "en", true);
        }
        return hasEnglish || !hasWelsh ? new Shown(english, "en", false) : new Shown(welsh, "cy", true);
    }

    public <T> Shown pick(T english, T welsh, java.util.function.Function<T, String> text) {
        return pick(english == null ? null : text.apply(english), welsh == null ? null : text.apply(welsh));
    }

    /** A report's title as this page shows it. */
    public Shown title(org.councilflow.reports.ReportDocument document) {
        return pick(document.header().title(), document.welsh() == null ? null : document.welsh().title());
    }

    /** A decision's title (its report's) as this page shows it. */
    public Shown title(Snapshots.DecisionSnapshot decision) {
        return pick(decision.reportTitle(), decision.reportTitleCy());
    }

    /** The committee that decided, as this page shows it. */
    public Shown maker(Snapshots.DecisionSnapshot decision) {
        return pick(decision.decisionMaker(), decision.decisionMakerCy());
    }

    /** A decision's own minutes as this page shows them: in its language where recorded, else the other's, marked. */
    public Shown minutes(Snapshots.DecisionSnapshot decision) {
        return pick(decision.minutes(), decision.minutesCy());
    }

    /** A decision's resolutions in the council's style as this page shows them (ADR 0023). */
    public ShownItems<org.councilflow.minutes.MinutesStyle.Shown> resolutions(Snapshots.DecisionSnapshot decision) {
        return pickList(decision.shownResolutions(), decision.shownResolutionsCy());
    }

    /** The council's label ("RESOLVED –", "PENDERFYNWYD –") in the language of the resolutions it stands before. */
    public String resolvedLabel(Snapshots.DecisionSnapshot decision, ShownItems<?> resolutions) {
        return decision.styleOrDefaults().resolvedLabel(resolutions.lang());
    }

    /** A report's summary as this page shows it. */
    public Shown summary(org.councilflow.reports.ReportDocument document) {
        return pick(document.summary(), document.welsh() == null ? null : document.welsh().summary());
    }

    /** A report's recommendations in this page's language where the council gives them, else the other's, marked. */
    public ShownList recommendations(org.councilflow.reports.ReportDocument document) {
        List<String> welsh = document.welsh() == null || document.welsh().recommendations() == null ? List.of()
                : document.welsh().recommendations();
        List<String> english = document.recommendations();
        boolean inWelsh = "cy".equals(language());
        List<String> own = inWelsh ? welsh : english;
        List<String> other = inWelsh ? english : welsh;
        if (!own.isEmpty() || other.isEmpty()) {
            return new ShownList(own, language(), false);
        }
        return new ShownList(other, inWelsh ? "en" : "cy", true);
    }

    /**
     * A list the council gives in English, Welsh or both (an item's resolutions): the page's language's where it has
     * any, else the other's, marked (ADR 0017).
     */
    public <T> ShownItems<T> pickList(List<T> english, List<T> welsh) {
        List<T> en = english == null ? List.of() : english;
        List<T> cy = welsh == null ? List.of() : welsh;
        boolean inWelsh = "cy".equals(language());
        List<T> own = inWelsh ? cy : en;
        List<T> other = inWelsh ? en : cy;
        if (!own.isEmpty() || other.isEmpty()) {
            return new ShownItems<>(own, language(), false);
        }
        return new ShownItems<>(other, inWelsh ? "en" : "cy", true);
    }

    /** A committee's name as this page shows it: {@code Cabinet} or {@code Cabinet} in Welsh, {@code Y Cabinet}. */
    public Shown committee(Snapshots.MeetingSnapshot meeting) {
        return pick(meeting.committeeName(), meeting.committeeNameCy());
    }

    /**
     * @param lang the language the text is in ({@code en}, {@code cy}), for the element's {@code lang}
     * @param fallback whether it is not in the page's language (then "Welsh text not available" beside it)
     */
    public record Shown(String text, String lang, boolean fallback) {
    }

    public record ShownList(List<String> texts, String lang, boolean fallback) {
    }

    public record ShownItems<T>(List<T> items, String lang, boolean fallback) {
    }
}
