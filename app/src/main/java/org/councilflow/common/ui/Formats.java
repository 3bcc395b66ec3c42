package org.councilflow.common.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.councilflow.common.Locality;

/** Dates and times as UK councils write them, in the councils' time zone ({@code councilflow.locality}). */
public final class Formats {

    private static final String DATE = "d MMM yyyy";
    private static final String DATE_TIME = "d MMM yyyy HH:mm";
    private static final String TIME = "HH:mm:ss";

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

    public static String time(Instant instant) {
        return instant == null ? "" : format(TIME).withZone(zone()).format(instant);
    }

    /** The councils' time zone: pickers turn what people type into instants in it. */
    public static ZoneId zone() {
        return Locality.zoneId();
    }

    private static DateTimeFormatter format(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locality.language());
    }
}
