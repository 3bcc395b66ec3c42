package org.councilflow.common.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.councilflow.common.Locality;

/** Dates and times as UK councils write them, in the councils' time zone ({@code councilflow.locality}). */
public final class Formats {

    private static final String DATE = "d MMM yyyy";
    private static final String DATE_TIME = "d MMM yyyy HH:mm";
    private static final String TIME = "HH:mm:ss";

    private static final DateTimeFormatter NUMERIC_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", java.util.Locale.ROOT);
    private static final DateTimeFormatter NUMERIC_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm",
            java.util.Locale.ROOT);
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Formats() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : format(DATE).format(date);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : format(DATE).format(instant.atZone(zone()).toLocalDate());
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : format(DATE_TIME).withZone(zone()).format(instant);
    }

    /**
     * A value as a diff or a form shows it: an ISO date ({@code 2026-09-01}, as stored) in the pickers' dd/MM/yyyy,
     * anything else as it is.
     */
    public static String value(String text) {
        if (text != null && ISO_DATE.matcher(text).matches()) {
            return NUMERIC_DATE.format(LocalDate.parse(text));
        }
        return text;
    }

    /** An instant as the pickers show it, in the councils' time zone: {@code 12/09/2018 19:00}. */
    public static String numericDateTime(Instant instant) {
        return instant == null ? "" : NUMERIC_DATE_TIME.withZone(zone()).format(instant);
    }

    /** What a date-time picker holds, read in the councils' time zone; {@code null} stays {@code null}. */
    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    /** An instant as a date-time picker holds it, in the councils' time zone; {@code null} stays {@code null}. */
    public static LocalDateTime localDateTime(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    public static String time(Instant instant) {
        return instant == null ? "" : format(TIME).withZone(zone()).format(instant);
    }

    /** The councils' time zone: pickers turn what people type into instants in it. */
    public static ZoneId zone() {
        return Locality.zoneId();
    }

    /** Month names in the UI's language: "12 Medi 2018" for a person reading Welsh. */
    private static DateTimeFormatter format(String pattern) {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return DateTimeFormatter.ofPattern(pattern,
                ui != null && StaffLanguage.welsh(ui.getLocale()) ? StaffLanguage.WELSH : Locality.language());
    }
}
