package org.councilflow.history.moderngov;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.councilflow.publication.PublishedMeetings;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes a council's published meetings in the shape of ModernGov's {@code mgWebService.asmx} answers to plain HTTP
 * GETs (the element names {@link ModernGovXml} reads, dd/mm/yyyy dates, "True"/"False" flags, integer ids), so that
 * programs written for ModernGov councils read a CouncilFlow council unchanged. Written with StAX; the minutes and
 * decision HTML inside an item are built with jsoup's element API, and StAX escapes them as ModernGov does.
 */
public final class ModernGovWriter {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private ModernGovWriter() {
    }

    /**
     * ModernGov's ids are positive integers: a stable one for each UUID (all its bits mixed, so that ids with few
     * random bits differ too), from 1 to 2^47 so JavaScript readers keep it exact. 0 means "all" to ModernGov.
     */
    public static long id(UUID uuid) {
        long z = uuid.getMostSignificantBits() * 0x9E3779B97F4A7C15L + uuid.getLeastSignificantBits();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z & ((1L << 47) - 1)) + 1;
    }

    public record Committee(UUID id, String title) {
    }

    public static String committees(List<Committee> committees) {
        return write("committees", w -> {
            for (Committee c : committees) {
                w.writeStartElement("committee");
                element(w, "committeeid", String.valueOf(id(c.id())));
                element(w, "committeetitle", c.title());
                element(w, "committeedeleted", "False");
                element(w, "committeeexpired", "False");
                element(w, "committeecategory", "");
                w.writeEndElement();
            }
        });
    }

    public static String meetings(List<Committee> committees, List<PublishedMeetings.Meeting> meetings, ZoneId zone) {
        return write("getmeetings", w -> {
            for (Committee c : committees) {
                w.writeStartElement("committee");
                element(w, "committeeid", String.valueOf(id(c.id())));
                element(w, "committeetitle", c.title());
                w.writeStartElement("committeemeetings");
                for (PublishedMeetings.Meeting m : meetings) {
                    if (m.committeeId().equals(c.id())) {
                        w.writeStartElement("meeting");
                        element(w, "meetingid", String.valueOf(id(m.id())));
                        ZonedDateTime at = m.startsAt().atZone(zone);
                        element(w, "meetingdate", ModernGovDates.format(at.toLocalDate()));
                        element(w, "meetingtime", ModernGovDates.TIME.format(at));
                        element(w, "meetingstatus", "Confirmed");
                        element(w, "iswebcast", "False");
                        w.writeEndElement();
                    }
                }
                w.writeEndElement();
                w.writeEndElement();
            }
        });
    }

    public static String meeting(PublishedMeetings.Meeting m, ZoneId zone) {
        return write("getmeeting", w -> {
            w.writeStartElement("meeting");
            element(w, "meetingid", String.valueOf(id(m.id())));
            ZonedDateTime at = m.startsAt().atZone(zone);
            element(w, "meetingdate", ModernGovDates.format(at.toLocalDate()));
            element(w, "meetingtime", ModernGovDates.TIME.format(at));
            element(w, "meetingstatus", "Confirmed");
            element(w, "meetinglocation", m.venue());
            element(w, "committeeid", String.valueOf(id(m.committeeId())));
            element(w, "committeetitle", m.committeeName());
            element(w, "agendapublished", "True");
            element(w, "agendapublisheddate", date(m.agendaPublishedAt(), zone));
            instant(w, "agendapublishedat", m.agendaPublishedAt());
            boolean minutes = m.items().stream().anyMatch(i -> i.decision() != null && i.decision().minutes() != null);
            element(w, "minutepublished", flag(minutes));
            element(w, "decisionpublished", flag(m.items().stream().anyMatch(i -> i.decision() != null)));
            w.writeEmptyElement("attendees");
            w.writeStartElement("agendaitems");
            for (PublishedMeetings.Item item : m.items()) {
                item(w, item, at.toLocalDate(), zone);
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /**
     * A decision without resolutions (minutes noted, or a status alone): ModernGov writes no decision for it, so only
     * what a reader of these answers could not take from the rest is written (a status other than minutes noted,
     * dates other than the meeting's), and a round trip between councils loses nothing.
     */
    private static void undecided(XMLStreamWriter w, PublishedMeetings.Decision d, boolean hasMinutes,
            LocalDate meetingDate, ZoneId zone) throws XMLStreamException {
        if (!(hasMinutes && "NOTED".equals(d.status()))) {
            element(w, "decisionstatus", status(d.status()));
        }
        if (d.keyDecision()) {
            element(w, "iskeydecision", "True");
        }
        if (!d.decidedOn().equals(meetingDate)) {
            element(w, "decisiondate", ModernGovDates.format(d.decidedOn()));
        }
        if (d.publishedAt() != null && !LocalDate.ofInstant(d.publishedAt(), zone).equals(d.decidedOn())) {
            element(w, "decisionpublicationdate", date(d.publishedAt(), zone));
        }
        if (d.callInEndsAt() != null) {
            element(w, "callinenddate", date(d.callInEndsAt(), zone));
        }
        instant(w, "decisionpublishedat", d.publishedAt());
        instant(w, "callinendsat", d.callInEndsAt());
    }

    private static void item(XMLStreamWriter w, PublishedMeetings.Item item, LocalDate meetingDate, ZoneId zone)
            throws XMLStreamException {
        w.writeStartElement("agendaitem");
        element(w, "agendaitemid", String.valueOf(id(item.id())));
        element(w, "agendaitemnumber", item.number());
        element(w, "agendaitemtitle", item.title());
        element(w, "isrestricted", flag(item.exempt()));
        if (!item.exempt()) {
            element(w, "agendatext", item.summary() == null ? "" : item.summary());
            PublishedMeetings.Decision d = item.decision();
            boolean hasMinutes = d != null && d.minutes() != null && !d.minutes().isBlank();
            element(w, "minutesitemnumber", hasMinutes ? item.number() : "");
            element(w, "isminutepublished", flag(hasMinutes));
            element(w, "minutesnonemptyhtmlbody", hasMinutes ? paragraphs(d.minutes()) : "");
            boolean decided = d != null && !d.resolutions().isEmpty();
            element(w, "isdecision", flag(decided));
            element(w, "isdecisionpublished", flag(decided));
            element(w, "decisionnonemptyhtmlbody", decided ? list(d.resolutions()) : "");
            if (decided) {
                element(w, "decisionstatus", status(d.status()));
                element(w, "iskeydecision", flag(d.keyDecision()));
                element(w, "decisiondate", ModernGovDates.format(d.decidedOn()));
                element(w, "decisionpublicationdate", date(d.publishedAt(), zone));
                element(w, "callinenddate", d.callInEndsAt() == null ? "" : date(d.callInEndsAt(), zone));
                instant(w, "decisionpublishedat", d.publishedAt());
                instant(w, "callinendsat", d.callInEndsAt());
            } else if (d != null) {
                undecided(w, d, hasMinutes, meetingDate, zone);
            }
            w.writeStartElement("linkeddocuments");
            for (PublishedMeetings.Document document : item.documents()) {
                w.writeStartElement("linkeddoc");
                element(w, "attachmentid", String.valueOf(id(UUID.nameUUIDFromBytes(document.url()
                        .getBytes(StandardCharsets.UTF_8)))));
                element(w, "title", document.title());
                element(w, "url", document.url());
                element(w, "isrestricted", "False");
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** Minutes' paragraphs (blank-line separated text) as HTML paragraphs. */
    private static String paragraphs(String text) {
        Element body = new Document("").appendElement("div");
        for (String paragraph : text.split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                lines(body.appendElement("p"), paragraph.strip());
            }
        }
        return body.html();
    }

    private static String list(List<String> resolutions) {
        Element ol = new Document("").appendElement("ol");
        resolutions.forEach(r -> lines(ol.appendElement("li"), r));
        return ol.outerHtml();
    }

    /** A text's line breaks as {@code <br>} (a resolution listing names one per line keeps them). */
    private static void lines(Element element, String text) {
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                element.appendElement("br");
            }
            element.appendText(lines[i]);
        }
    }

    private static String status(String constant) {
        return switch (constant) {
            case "RECOMMENDATIONS_APPROVED" -> "Recommendations Approved";
            case "APPROVED_AS_AMENDED" -> "Approved as amended";
            case "NOT_APPROVED" -> "Not approved";
            case "DEFERRED" -> "Deferred";
            default -> "Noted";
        };
    }

    private static String date(Instant instant, ZoneId zone) {
        return instant == null ? "" : ModernGovDates.format(LocalDate.ofInstant(instant, zone));
    }

    /**
     * The exact instant beside ModernGov's date (which carries the day only), so that a CouncilFlow council importing
     * these answers keeps the time of day; ModernGov's consumers read elements by name and pass over this one.
     */
    private static void instant(XMLStreamWriter w, String name, Instant instant) throws XMLStreamException {
        if (instant != null) {
            element(w, name, ModernGovDates.format(instant));
        }
    }

    private static String flag(boolean value) {
        return value ? "True" : "False";
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        // characters XML 1.0 cannot carry are left out rather than making the whole answer unreadable
        w.writeCharacters(text == null ? "" : text.replaceAll("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]", ""));
        w.writeEndElement();
    }

    private interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String write(String root, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartDocument("utf-8", "1.0");
            w.writeStartElement(root);
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
