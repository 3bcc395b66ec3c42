package org.councilflow.publication.internal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public site's words and formats in one language: every UI text comes from the {@code publication/i18n/messages}
 * bundle by key, and dates, times and sizes are written as that language writes them. One is made per rendering with
 * the locale it is for (today the configured {@code councilflow.publication.locale}; a request may later choose).
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
        return date.format(instant.atZone(Text.LONDON));
    }

    public String date(LocalDate value) {
        return date.format(value);
    }

    public String day(Instant instant) {
        return day.format(instant.atZone(Text.LONDON));
    }

    /** As council decision pages give dates: 02/10/2018. */
    public String numeric(Instant instant) {
        return numeric.format(instant.atZone(Text.LONDON));
    }

    public String numeric(LocalDate value) {
        return numeric.format(value);
    }

    public String time(Instant instant) {
        return time.format(instant.atZone(Text.LONDON));
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
}
