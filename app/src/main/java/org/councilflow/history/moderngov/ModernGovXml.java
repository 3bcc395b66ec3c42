package org.councilflow.history.moderngov;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.councilflow.history.History;
import org.jsoup.parser.Parser;

/**
 * Reads the answers of ModernGov's {@code mgWebService.asmx} as its public clients do: by element name wherever the
 * element is (the plain HTTP GET answer and a SOAP envelope alike), dates as dd/mm/yyyy, "True"/"False" flags, titles
 * with HTML entities decoded (ModernGov escapes them twice), minutes and decisions as the HTML they carry.
 * <ul>
 * <li>{@code GetCommittees}: {@code committee} with {@code committeeid}, {@code committeetitle}</li>
 * <li>{@code GetMeetings}: {@code committee} / {@code committeemeetings} / {@code meeting} with {@code meetingid},
 * {@code meetingdate}, {@code meetingtime}, {@code meetingstatus}</li>
 * <li>{@code GetMeeting}: {@code meeting} with the above, {@code meetinglocation}, {@code attendees}/{@code attendee},
 * {@code agendaitems}/{@code agendaitem} ({@code agendaitemid}, {@code agendaitemnumber}, {@code agendaitemtitle},
 * {@code agendatext}, {@code isrestricted}, {@code minutesnonemptyhtmlbody}, {@code isdecision},
 * {@code decisionnonemptyhtmlbody}, {@code linkeddocuments}/{@code linkeddoc} with {@code attachmentid},
 * {@code title}, {@code url}, {@code isrestricted}, {@code publicationdate})</li>
 * </ul>
 * Dates the public description does not show are read when present (CouncilFlow's own answers write them):
 * {@code agendapublisheddate}, and per item {@code decisionstatus}, {@code iskeydecision}, {@code decisiondate},
 * {@code decisionpublicationdate}, {@code callinenddate}. Beside those dates CouncilFlow writes the exact instants
 * (ISO-8601 with an offset), which ModernGov's consumers, reading by name, pass over: {@code agendapublishedat},
 * {@code decisionpublishedat}, {@code callinendsat}. When present they win over the date; a malformed one, or one
 * outside the years 1900 to 2199, is refused as a malformed date is (the meeting is listed as failed).
 */
public final class ModernGovXml {

    private ModernGovXml() {
    }

    public static List<History.Committee> committees(XmlTree root) {
        List<History.Committee> committees = new ArrayList<>();
        for (XmlTree committee : root.descendants("committee")) {
            String id = committee.value("committeeid");
            String title = committee.value("committeetitle");
            if (id != null && title != null) {
                committees.add(new History.Committee(id, text(title)));
            }
        }
        return committees;
    }

    /** A meeting as {@code GetMeetings} lists it: enough to ask for it with {@code GetMeeting}. */
    public record MeetingStub(String meetingId, String committeeId, java.time.LocalDate date, String status) {
    }

    public static List<MeetingStub> meetings(XmlTree root) {
        List<MeetingStub> stubs = new ArrayList<>();
        List<XmlTree> committees = root.name().equals("committee") ? List.of(root) : root.descendants("committee");
        for (XmlTree committee : committees) {
            String committeeId = committee.value("committeeid");
            for (XmlTree meeting : committee.descendants("meeting")) {
                stubs.add(stub(meeting, committeeId));
            }
        }
        if (committees.isEmpty()) {
            for (XmlTree meeting : root.descendants("meeting")) {
                stubs.add(stub(meeting, meeting.value("committeeid")));
            }
        }
        return stubs;
    }

    private static MeetingStub stub(XmlTree meeting, String committeeId) {
        return new MeetingStub(required(meeting, "meetingid"), committeeId,
                ModernGovDates.date(required(meeting, "meetingdate"), "meetingdate"), meeting.value("meetingstatus"));
    }

    /**
     * The meeting of a {@code GetMeeting} answer.
     *
     * @param committeeId the committee it belongs to when the answer does not say (it came from {@code GetMeetings})
     */
    public static History.Meeting meeting(XmlTree root, String committeeId) {
        XmlTree meeting = root.name().equals("meeting") ? root
                : root.descendants("meeting").stream().findFirst()
                        .orElseThrow(() -> new ModernGovFormatException("The answer has no <meeting>"));
        String committee = meeting.value("committeeid");
        if (committee == null) {
            committee = meeting.child("committee").map(c -> c.value("committeeid")).orElse(committeeId);
        }
        if (committee == null) {
            throw new ModernGovFormatException("<meeting> " + meeting.value("meetingid") + " names no <committeeid>");
        }
        List<History.Attendee> attendees = new ArrayList<>();
        meeting.child("attendees").ifPresent(list -> list.children("attendee").forEach(a -> {
            String name = a.value("name");
            if (name != null) {
                attendees.add(new History.Attendee(text(name), text(a.value("roledescription")), a.value("attendance")));
            }
        }));
        List<History.Item> items = new ArrayList<>();
        meeting.descendants("agendaitem").forEach(item -> items.add(item(item)));
        return new History.Meeting(required(meeting, "meetingid"), committee,
                ModernGovDates.date(required(meeting, "meetingdate"), "meetingdate"),
                ModernGovDates.time(meeting.value("meetingtime")), text(meeting.value("meetinglocation")),
                History.Status.fromModernGov(meeting.value("meetingstatus")),
                ModernGovDates.date(meeting.value("agendapublisheddate"), "agendapublisheddate"),
                List.copyOf(attendees), List.copyOf(items),
                ModernGovDates.instant(meeting.value("agendapublishedat"), "agendapublishedat"));
    }

    private static History.Item item(XmlTree item) {
        List<History.Document> documents = new ArrayList<>();
        Set<String> urls = new LinkedHashSet<>();
        for (XmlTree doc : item.descendants("linkeddoc")) {
            String url = doc.value("url");
            // the same document linked twice (ModernGov lists a pack and its parts) is kept once
            if (url != null && urls.add(url)) {
                String title = doc.value("title");
                documents.add(new History.Document(doc.value("attachmentid"), title == null ? url : text(title), url,
                        flag(doc, "isrestricted"), ModernGovDates.date(doc.value("publicationdate"), "publicationdate")));
            }
        }
        String decision = item.value("decisionnonemptyhtmlbody");
        // a decision without resolutions still has a status (CouncilFlow's answers write it for minutes noted)
        boolean isDecision = flag(item, "isdecision") || decision != null || item.value("decisionstatus") != null;
        return new History.Item(required(item, "agendaitemid"), item.value("agendaitemnumber"),
                text(required(item, "agendaitemtitle")), lines(item.value("agendatext")), flag(item, "isrestricted"),
                item.value("minutesnonemptyhtmlbody"), isDecision ? (decision == null ? "" : decision) : null,
                text(item.value("decisionstatus")), flag(item, "iskeydecision"),
                ModernGovDates.date(item.value("decisiondate"), "decisiondate"),
                ModernGovDates.date(item.value("decisionpublicationdate"), "decisionpublicationdate"),
                ModernGovDates.date(item.value("callinenddate"), "callinenddate"), List.copyOf(documents),
                ModernGovDates.instant(item.value("decisionpublishedat"), "decisionpublishedat"),
                ModernGovDates.instant(item.value("callinendsat"), "callinendsat"));
    }

    private static String required(XmlTree element, String child) {
        String value = element.value(child);
        if (value == null) {
            throw new ModernGovFormatException("<" + element.name() + "> has no <" + child + ">");
        }
        return value;
    }

    private static boolean flag(XmlTree element, String child) {
        return "true".equalsIgnoreCase(element.value(child));
    }

    /** As {@link #text}, but the line breaks kept (a description's paragraphs and lists). */
    private static String lines(String value) {
        if (value == null) {
            return null;
        }
        String decoded = Parser.unescapeEntities(value, false).replace('\u00a0', ' ').replace("\r\n", "\n")
                .replaceAll("[\\t\\x0B\\f\\r ]+", " ").replaceAll(" ?\n ?", "\n").replaceAll("\n{3,}", "\n\n").strip();
        return decoded.isEmpty() ? null : decoded;
    }

    /** Entities left in a title after XML decoding ("&amp;amp;" arrives as "&amp;") decoded, whitespace tidied. */
    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String decoded = Parser.unescapeEntities(value, false).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        return decoded.isEmpty() ? null : decoded;
    }
}
