package org.councilflow.publication.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.councilflow.publication.internal.Snapshots.Amendment;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.tenancy.Tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A council's published meetings and their agendas as open data: JSON, and CSV with one row per agenda item (items
 * in order, by the council's own numbers; exempt items by heading only). The CSV starts with a UTF-8 byte-order mark
 * so that a spreadsheet reads "–" and "’" as they are.
 */
public final class MeetingsOpenData {

    static final List<String> CSV_COLUMNS = List.of("meetingId", "meetingUrl", "committee", "meetingTitle", "startsAt",
            "endsAt", "location", "venue", "status", "statusNote", "agendaVersion", "itemNumber", "itemPosition", "kind",
            "title", "description", "reportOf", "exempt", "exemptParagraph", "withdrawn", "reportUrl", "documents",
            "committeeCy", "meetingTitleCy", "titleCy", "descriptionCy", "venueCy");
    private static final CsvTable CSV = new CsvTable(CSV_COLUMNS);

    private MeetingsOpenData() {
    }

    /**
     * @param reports the published reports of a meeting by item position (titles of agendas published before items
     *     carried their own)
     */
    public static ObjectNode json(ObjectMapper mapper, Tenant council, String base, List<Published<MeetingSnapshot>> meetings,
            Function<MeetingSnapshot, Map<Integer, Published<ReportSnapshot>>> reports, Instant now) {
        ObjectNode root = mapper.createObjectNode();
        root.put("council", council.displayName());
        root.put("councilId", council.slug());
        root.put("generatedAt", now.toString());
        ArrayNode list = root.putArray("meetings");
        for (Published<MeetingSnapshot> published : meetings) {
            MeetingSnapshot m = published.content();
            ObjectNode node = list.addObject();
            node.put("id", m.meetingId().toString());
            node.put("url", base + "/meetings/" + m.meetingId());
            node.put("committeeId", m.committeeId().toString());
            node.put("committee", m.committeeName());
            node.put("title", m.title());
            // the Welsh beside the English (ADR 0017): open data carries both, whatever language the request chose
            node.put("committeeCy", m.committeeNameCy());
            node.put("titleCy", m.titleCy());
            node.put("startsAt", m.startsAt().toString());
            node.put("endsAt", m.endsAt() == null ? null : m.endsAt().toString());
            node.put("location", m.location() == null ? "VENUE" : m.location());
            node.put("venue", m.venue());
            node.put("venueCy", m.venueCy());
            node.put("onlineLink", m.onlineLink());
            node.put("webcastLink", m.webcastLink());
            node.put("status", m.status() == null ? "SCHEDULED" : m.status());
            node.put("statusNote", m.statusNote());
            node.put("agendaVersion", published.version());
            node.put("agendaPublishedAt", published.firstPublishedAt().toString());
            ArrayNode amendments = node.putArray("amendments");
            for (Amendment amendment : published.amendments()) {
                amendments.addObject().put("publishedAt", amendment.publishedAt().toString()).put("note", amendment.note());
            }
            Map<Integer, Published<ReportSnapshot>> byPosition = reports.apply(m);
            ArrayNode items = node.putArray("items");
            for (MeetingSnapshot.Item item : m.items()) {
                item(items.addObject(), base, m, item, byPosition.get(item.position()));
            }
        }
        return root;
    }

    private static void item(ObjectNode node, String base, MeetingSnapshot m, MeetingSnapshot.Item item,
            Published<ReportSnapshot> report) {
        node.put("number", item.label());
        node.put("position", item.position());
        node.put("kind", item.kind() == null ? "CYCLE_REPORT" : item.kind());
        node.put("title", item.title() != null ? item.title()
                : report != null ? report.content().document().header().title() : null);
        node.put("description", item.description());
        node.put("titleCy", item.titleCy() != null ? item.titleCy() : report != null ? welshTitle(report.content()) : null);
        node.put("descriptionCy", item.descriptionCy());
        node.put("reportOf", item.reportOf());
        node.put("exempt", item.exempt());
        if (item.exemptParagraph() == null) {
            node.putNull("exemptParagraph");
        } else {
            node.put("exemptParagraph", item.exemptParagraph());
        }
        node.put("withdrawn", item.withdrawn());
        node.put("url", item.reportId() == null ? null : base + "/meetings/" + m.meetingId() + "/items/" + item.position());
        node.put("reportUrl", item.reportId() == null ? null : base + "/reports/" + item.reportId());
        ArrayNode documents = node.putArray("documents");
        for (MeetingSnapshot.ItemDocument document : item.documents()) {
            documents.addObject().put("title", document.title()).put("titleCy", document.titleCy()).put("kind", document.kind())
                    .put("url", documentUrl(base, m, document));
        }
    }

    private static String welshTitle(ReportSnapshot report) {
        var welsh = report.document().welsh();
        return welsh == null || welsh.title() == null || welsh.title().isBlank() ? null : welsh.title();
    }

    /** Where anyone gets the document: the public site's copy of a file, or the link as the clerk gave it. */
    public static String documentUrl(String base, MeetingSnapshot m, MeetingSnapshot.ItemDocument document) {
        return document.file() != null ? base + "/meetings/" + m.meetingId() + "/documents/" + document.id() : document.link();
    }

    public static String csv(ObjectNode json) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode meeting : json.get("meetings")) {
            for (JsonNode item : meeting.get("items")) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("meetingId", text(meeting.get("id")));
                row.put("meetingUrl", text(meeting.get("url")));
                row.put("committee", text(meeting.get("committee")));
                row.put("meetingTitle", text(meeting.get("title")));
                for (String field : List.of("startsAt", "endsAt", "location", "venue", "status", "statusNote", "agendaVersion")) {
                    row.put(field, text(meeting.get(field)));
                }
                row.put("itemNumber", text(item.get("number")));
                row.put("itemPosition", text(item.get("position")));
                for (String field : List.of("kind", "title", "description", "reportOf", "exempt", "exemptParagraph",
                        "withdrawn", "reportUrl")) {
                    row.put(field, text(item.get(field)));
                }
                List<String> documents = new ArrayList<>();
                item.get("documents").forEach(d -> documents.add(d.get("title").asText() + " ("
                        + d.get("kind").asText() + "): " + d.get("url").asText()));
                row.put("documents", String.join("\n", documents));
                row.put("committeeCy", text(meeting.get("committeeCy")));
                row.put("meetingTitleCy", text(meeting.get("titleCy")));
                row.put("titleCy", text(item.get("titleCy")));
                row.put("descriptionCy", text(item.get("descriptionCy")));
                row.put("venueCy", text(meeting.get("venueCy")));
                rows.add(row);
            }
        }
        return CSV.write(rows);
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asText();
    }
}
