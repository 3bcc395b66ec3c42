package org.councilflow.publication.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.Tenant;

/** A council's meetings as an iCalendar (RFC 5545) that calendar programs subscribe to. */
public final class Calendars {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Calendars() {
    }

    public static String meetings(Tenant council, String base, String name, List<Published<MeetingSnapshot>> meetings,
            java.util.function.Function<MeetingSnapshot, List<String>> agenda) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//CouncilFlow//Public site//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text(name));
        for (Published<MeetingSnapshot> published : meetings) {
            MeetingSnapshot m = published.content();
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + m.meetingId() + "@" + council.slug() + ".councilflow");
            line(ics, "DTSTAMP:" + UTC.format(published.publishedAt()));
            line(ics, "DTSTART:" + UTC.format(m.startsAt()));
            line(ics, "SEQUENCE:" + (published.version() - 1));
            line(ics, "LAST-MODIFIED:" + UTC.format(published.publishedAt()));
            line(ics, "SUMMARY:" + text(m.committeeName()));
            line(ics, "LOCATION:" + text(m.venue()));
            line(ics, "URL:" + base + "/meetings/" + m.meetingId());
            line(ics, "DESCRIPTION:" + text("Agenda:\n" + String.join("\n", agenda.apply(m)) + "\n\n" + base
                    + "/meetings/" + m.meetingId()));
            line(ics, "STATUS:CONFIRMED");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
    static String text(String value) {
        return Text.neutral(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Content lines end in CRLF and fold at 75 octets without splitting a character (RFC 5545, 3.1). */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }

    static String stamp(Instant instant) {
        return UTC.format(instant);
    }
}
