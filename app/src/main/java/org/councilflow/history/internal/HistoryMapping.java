package org.councilflow.history.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.councilflow.history.History;
import org.councilflow.publication.HistoricPublications;
import org.councilflow.publication.HistoricPublications.Provenance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Maps the intermediate model onto what today's public model holds: a meeting's agenda, an item as a report (title,
 * description, documents as links), a decision with its resolutions and minutes as text. What today's model cannot
 * hold (item numbers beyond a position, attendance, minutes HTML, meeting status) stays in the import record.
 */
final class HistoryMapping {

    /** A date without a time (an agenda's or a decision's publication) is taken at the start of the working day. */
    static final LocalTime WORKING_DAY_STARTS = LocalTime.of(9, 0);

    private HistoryMapping() {
    }

    /** Stable ids, one per council, source and source id: a re-run finds the same meeting and items. */
    static UUID id(String tenant, String source, String kind, String sourceId) {
        return UUID.nameUUIDFromBytes(("history:" + tenant + ":" + source + ":" + kind + ":" + sourceId)
                .getBytes(StandardCharsets.UTF_8));
    }

    static Instant startsAt(History.Meeting meeting, ZoneId zone) {
        return meeting.date().atTime(meeting.time() == null ? LocalTime.MIDNIGHT : meeting.time()).atZone(zone).toInstant();
    }

    /**
     * The agenda's publication: the exact instant when the source has it, else the day the source says, else its
     * earliest public document's, else the meeting's day (a day at the start of the working day).
     */
    static Instant agendaPublishedAt(History.Meeting meeting, ZoneId zone) {
        if (meeting.agendaPublishedAt() != null) {
            return meeting.agendaPublishedAt();
        }
        LocalDate day = meeting.agendaPublishedOn();
        if (day == null) {
            day = meeting.items().stream().filter(i -> !i.restricted()).flatMap(i -> i.documents().stream())
                    .filter(d -> !d.restricted()).map(History.Document::publishedOn).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(meeting.date());
        }
        return day.atTime(WORKING_DAY_STARTS).atZone(zone).toInstant();
    }

    /**
     * @param stored the documents fetched and stored, by their address; the others are kept as links
     */
    static HistoricPublications.Meeting meeting(String tenant, String source, History.Meeting meeting, UUID committeeId,
            String committeeName, ZoneId zone, Instant now, String by, Map<String, HistoricPublications.Stored> stored) {
        UUID meetingId = id(tenant, source, "meeting", meeting.sourceId());
        List<HistoricPublications.Item> items = new ArrayList<>();
        int position = 0;
        for (History.Item item : meeting.items()) {
            position++;
            List<HistoricPublications.Link> links = item.documents().stream()
                    .filter(d -> !d.restricted() && !stored.containsKey(d.url()))
                    .map(d -> new HistoricPublications.Link(d.title(), d.url())).toList();
            List<HistoricPublications.Stored> fetched = item.documents().stream()
                    .filter(d -> !d.restricted() && stored.containsKey(d.url()))
                    .map(d -> stored.get(d.url())).distinct().toList();
            HistoricPublications.Decision decision = item.restricted() ? null : decision(meeting, item, zone);
            items.add(new HistoricPublications.Item(id(tenant, source, "item", item.sourceId()), position, item.number(),
                    item.title(), item.restricted() ? null : item.description(), item.restricted(),
                    item.restricted() ? List.of() : links, decision,
                    new Provenance(source, item.sourceId(), now, by), item.restricted() ? List.of() : fetched));
        }
        String venue = meeting.location() == null || meeting.location().length() < 2 ? "Venue not recorded"
                : meeting.location();
        return new HistoricPublications.Meeting(meetingId, committeeId, committeeName, startsAt(meeting, zone), venue,
                agendaPublishedAt(meeting, zone), List.copyOf(items), new Provenance(source, meeting.sourceId(), now, by));
    }

    /**
     * The item's decision: the source's resolutions (its numbered list, else its paragraphs) and minutes as text;
     * an item with minutes and no decision is recorded as noted, so its minutes are published with it.
     */
    private static HistoricPublications.Decision decision(History.Meeting meeting, History.Item item, ZoneId zone) {
        boolean hasMinutes = item.minutesHtml() != null && !text(item.minutesHtml()).isEmpty();
        if (item.decisionHtml() == null && !hasMinutes) {
            return null;
        }
        List<String> resolutions = item.decisionHtml() == null ? List.of() : resolutions(item.decisionHtml());
        String status = item.decisionHtml() == null ? "NOTED" : status(item.decisionStatus());
        LocalDate decided = item.decidedOn() == null ? meeting.date() : item.decidedOn();
        LocalDate published = item.decisionPublishedOn() == null ? decided : item.decisionPublishedOn();
        // the exact instants when the source has them (CouncilFlow's own answers), else the days as the source says
        Instant publishedAt = item.decisionPublishedAt() != null ? item.decisionPublishedAt()
                : published.atTime(WORKING_DAY_STARTS).atZone(zone).toInstant();
        Instant callInEnds = item.callInEndsAt() != null ? item.callInEndsAt() : item.callInEndsOn() == null ? null
                : item.callInEndsOn().atTime(LocalTime.MAX).atZone(zone).toInstant();
        return new HistoricPublications.Decision(status, item.keyDecision(), resolutions,
                hasMinutes ? minutes(item.minutesHtml()) : null, decided, publishedAt, callInEnds);
    }

    static String status(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").strip();
        if (t.contains("not approved") || t.contains("rejected") || t.contains("refused")) {
            return "NOT_APPROVED";
        }
        if (t.startsWith("defer")) {
            return "DEFERRED";
        }
        if (t.contains("amend")) {
            return "APPROVED_AS_AMENDED";
        }
        if (t.equals("noted") || t.startsWith("note")) {
            return "NOTED";
        }
        return "RECOMMENDATIONS_APPROVED";
    }

    /** Stands for a {@code <br>} while jsoup collapses whitespace; a line break in the text read. */
    private static final String BREAK = "\uE002";

    /** The HTML with each {@code <br>} marked, so that the text read keeps its line breaks. */
    private static Document parse(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.select("br").forEach(br -> br.replaceWith(new org.jsoup.nodes.TextNode(BREAK)));
        return document;
    }

    static List<String> resolutions(String html) {
        Document document = parse(html);
        List<String> found = new ArrayList<>();
        for (Element li : document.select("li")) {
            addText(found, li.text());
        }
        if (found.isEmpty()) {
            for (Element p : document.select("p")) {
                addText(found, p.text());
            }
        }
        if (found.isEmpty()) {
            addText(found, document.text());
        }
        return found.stream().map(r -> r.length() > 5_000 ? r.substring(0, 4_999) + "…" : r).limit(100).toList();
    }

    /** Minutes as plain paragraphs, blank lines between (how the public pages show minutes). */
    static String minutes(String html) {
        Document document = parse(html);
        List<String> paragraphs = new ArrayList<>();
        for (Element block : document.select("p, li, h1, h2, h3, h4")) {
            // a block holding other blocks is read through them
            if (block.select("p, li").stream().noneMatch(inner -> inner != block)) {
                addText(paragraphs, (block.is("li") ? "- " : "") + block.text());
            }
        }
        if (paragraphs.isEmpty()) {
            addText(paragraphs, document.text());
        }
        String text = String.join("\n\n", paragraphs);
        return text.length() > 200_000 ? text.substring(0, 199_999) + "…" : text;
    }

    static String text(String html) {
        return Jsoup.parseBodyFragment(html).text().replace('\u00a0', ' ').strip();
    }

    private static void addText(List<String> to, String text) {
        String clean = text == null ? "" : text.replace('\u00a0', ' ').replaceAll("\\s+", " ")
                .replaceAll(" ?" + BREAK + " ?", "\n").replaceAll("^\n+|\n+$", "").strip();
        if (!clean.isEmpty() && !clean.equals("-")) {
            to.add(clean);
        }
    }
}
