package org.councilflow.history.moderngov;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ModernGov's dates are dd/mm/yyyy (sometimes followed by a time); its meeting times 24-hour "HH:mm" or "7.00 pm". */
public final class ModernGovDates {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;
    /** ISO-8601 with a required offset ({@code Z} or {@code +01:00}), strict: no 30 February, no hour 24. */
    private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffsetId().toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);
    private static final Pattern LEADING_DATE = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s.*)?$");
    private static final Pattern CLOCK = Pattern.compile("^(\\d{1,2})[:.](\\d{2})(?:[:.]\\d{2})?\\s*([ap]\\.?m\\.?)?$",
            Pattern.CASE_INSENSITIVE);

    private ModernGovDates() {
    }

    /** A dd/mm/yyyy date (a time after it is ignored); null for null; anything else is refused, naming the element. */
    public static LocalDate date(String value, String element) {
        if (value == null) {
            return null;
        }
        Matcher matcher = LEADING_DATE.matcher(value.strip());
        if (!matcher.matches()) {
            throw new ModernGovFormatException("<" + element + "> is not a dd/mm/yyyy date: '" + abbreviate(value) + "'");
        }
        try {
            return LocalDate.of(Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(1)));
        } catch (java.time.DateTimeException e) {
            throw new ModernGovFormatException("<" + element + "> is not a real date: '" + abbreviate(value) + "'");
        }
    }

    /**
     * An exact instant as CouncilFlow's answers write it beside ModernGov's dates (ISO-8601 with an offset, e.g.
     * {@code 2026-11-20T14:37:12Z}); null for null. Anything else, or a year outside {@value #FIRST_YEAR} to
     * {@value #LAST_YEAR} (the range the JSON API accepts), is refused naming the element, as a bad date is.
     */
    public static Instant instant(String value, String element) {
        if (value == null) {
            return null;
        }
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(value.strip(), INSTANT);
        } catch (DateTimeParseException e) {
            throw new ModernGovFormatException("<" + element + "> is not an ISO-8601 date and time with an offset: '"
                    + abbreviate(value) + "'");
        }
        if (parsed.getYear() < FIRST_YEAR || parsed.getYear() > LAST_YEAR) {
            throw new ModernGovFormatException("<" + element + "> must be in the years " + FIRST_YEAR + " to "
                    + LAST_YEAR + ": '" + abbreviate(value) + "'");
        }
        return parsed.toInstant();
    }

    /** How {@link #instant} is written: UTC, with the fraction of a second the instant has (nothing is rounded). */
    public static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** A meeting time, or null when there is none or it is not a clock time ("TBC", "Rising of Cabinet"). */
    public static LocalTime time(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = CLOCK.matcher(value.strip());
        if (!matcher.matches()) {
            return null;
        }
        int hour = Integer.parseInt(matcher.group(1));
        int minute = Integer.parseInt(matcher.group(2));
        String half = matcher.group(3);
        if (half != null) {
            boolean pm = half.toLowerCase(Locale.ROOT).startsWith("p");
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            return LocalTime.of(hour, minute);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    public static String format(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** Parses a request parameter in dd/mm/yyyy; null when absent. */
    public static LocalDate parameter(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip(), DATE);
        } catch (DateTimeParseException e) {
            throw new ModernGovFormatException(name + " must be a date as dd/mm/yyyy");
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
