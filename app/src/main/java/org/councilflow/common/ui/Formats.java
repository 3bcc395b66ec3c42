package org.councilflow.common.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as UK councils write them, in London time. */
public final class Formats {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK).withZone(LONDON);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK).withZone(LONDON);

    private static final DateTimeFormatter NUMERIC_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Formats() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(LONDON).toLocalDate());
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
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

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
