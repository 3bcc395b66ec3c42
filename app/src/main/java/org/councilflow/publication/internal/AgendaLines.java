package org.councilflow.publication.internal;

import java.util.List;
import java.util.Map;

import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;

/**
 * A published agenda as plain lines for calendars and feeds: each item by the council's own number and heading
 * ("3.1. Children's Services Improvement Action Plan", "Item 5. Urgent business"), exempt items by heading only.
 */
public final class AgendaLines {

    private AgendaLines() {
    }

    /**
     * @param reports the published reports by item position, for agendas published before items carried their titles
     */
    public static List<String> of(MeetingSnapshot meeting, Map<Integer, Published<ReportSnapshot>> reports) {
        return meeting.items().stream().map(item -> line(item, reports.get(item.position()))).toList();
    }

    static String line(MeetingSnapshot.Item item, Published<ReportSnapshot> report) {
        String title = item.title() != null || item.titleCy() != null ? Text.both(item.title(), item.titleCy())
                : report != null ? report.content().document().header().title() : "Exempt item";
        String number = item.label();
        String line = number + (number.endsWith(".") || number.endsWith(")") ? " " : ". ") + title;
        if (item.exempt()) {
            line += item.exemptParagraph() == null ? " (exempt: not for publication)"
                    : " (exempt: Schedule 12A, paragraph " + item.exemptParagraph() + ")";
        }
        return item.withdrawn() ? line + " (withdrawn)" : line;
    }

    /**
     * Where the meeting is held, in words of the language of {@code l}: the venue (in that language where the council
     * gave it, else in the other), the venue and online, online, or nothing known.
     */
    public static String place(MeetingSnapshot meeting, Localizer l) {
        return place(meeting, l, l.pick(meeting.venue(), meeting.venueCy()).text());
    }

    /** The same with the venue in both languages where the council gave both, for the calendar read in either. */
    public static String placeInBoth(MeetingSnapshot meeting, Localizer l) {
        return place(meeting, l, Text.both(meeting.venue(), meeting.venueCy()));
    }

    private static String place(MeetingSnapshot meeting, Localizer l, String venue) {
        String at = venue == null ? "" : venue;
        if ("REMOTE".equals(meeting.location())) {
            return l.t("place.online");
        }
        return "HYBRID".equals(meeting.location()) ? l.t("place.hybrid", at) : at;
    }
}
