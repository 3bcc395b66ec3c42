package org.councilflow.publication.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.Tenant;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A council's meetings as an iCalendar (RFC 5545) that calendar programs subscribe to, built and escaped by ical4j.
 */
public final class Calendars {

    /** Control characters that iCalendar TEXT may not hold (RFC 5545, 3.3.11); line breaks are escaped instead. */
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private Calendars() {
    }

    public static String meetings(Tenant council, String base, String name, List<Published<MeetingSnapshot>> meetings,
            Function<MeetingSnapshot, List<String>> agenda, Localizer l) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CouncilFlow//Public site//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", text(name)));
        for (Published<MeetingSnapshot> published : meetings) {
            MeetingSnapshot m = published.content();
            String url = base + "/meetings/" + m.meetingId();
            // no automatic DTSTAMP of "now": the same publications give the same bytes (and ETag)
            VEvent event = new VEvent(false);
            event.add(new Uid(m.meetingId() + "@" + council.slug() + ".councilflow"));
            event.add(new DtStamp(published.publishedAt()));
            event.add(new DtStart<>(m.startsAt()));
            event.add(new Sequence(published.version() - 1));
            event.add(new LastModified(published.publishedAt()));
            event.add(new Summary(text(Text.both(m.committeeName(), m.committeeNameCy()))));
            if (m.endsAt() != null) {
                event.add(new net.fortuna.ical4j.model.property.DtEnd<>(m.endsAt()));
            }
            event.add(new Location(text(AgendaLines.placeInBoth(m, l))));
            event.add(new Url(URI.create(url)));
            event.add(new Description(text("Agenda:\n" + String.join("\n", agenda.apply(m)) + "\n\n" + url)));
            event.add("CANCELLED".equals(m.status()) ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(event);
        }
        StringBuilder ics = new StringBuilder();
        for (String line : calendar.toString().split("\r\n")) {
            fold(ics, line);
        }
        return ics.toString();
    }

    /**
     * A person's text as ical4j should escape it: no bidi controls, every line break a LF (ical4j escapes CRLF and
     * LF but would pass a lone CR through, which a reader takes as the end of the property), no other controls.
     */
    static String text(String value) {
        return value == null ? "" : CONTROLS.matcher(Text.neutral(value).replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    /**
     * Content lines end in CRLF and fold at 75 octets without splitting a character (RFC 5545, 3.1). ical4j's own
     * FoldingWriter counts UTF-16 units, so it exceeds 75 octets with non-ASCII text and can split an emoji's
     * surrogate pair (which then cannot be encoded); this is the one step done here.
     */
    static void fold(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
