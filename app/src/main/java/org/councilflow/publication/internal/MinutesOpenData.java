package org.councilflow.publication.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.councilflow.minutes.MinutesStyle;
import org.councilflow.publication.internal.Snapshots.Amendment;
import org.councilflow.publication.internal.Snapshots.MinutesSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.Tenant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Published minutes as open data: a meeting's minutes as JSON, and every published resolution of the council as
 * JSON and CSV, one row per resolution with its sub-points inside the cell (one per line), so that a resolution with
 * points a), b) is one resolution, not three.
 */
public final class MinutesOpenData {

    static final List<String> CSV_COLUMNS = List.of("meetingId", "meetingStartsAt", "committee", "committeeId",
            "minutesStatus", "minutesVersion", "itemNumber", "itemTitle", "resolutionNumber", "resolved", "text",
            "points", "url", "committeeCy", "itemTitleCy", "textCy", "pointsCy", "resolvedCy");
    private static final CsvTable CSV = new CsvTable(CSV_COLUMNS);

    private MinutesOpenData() {
    }

    /** One meeting's published minutes, with their version and the amendments since the first publication. */
    public static ObjectNode minutes(ObjectMapper mapper, String base, Published<MinutesSnapshot> published) {
        ObjectNode root = mapper.valueToTree(published.content());
        root.put("url", base + "/meetings/" + published.content().meetingId() + "/minutes.json");
        root.put("firstPublishedAt", published.firstPublishedAt().toString());
        root.put("publishedAt", published.publishedAt().toString());
        ArrayNode amendments = root.putArray("amendments");
        for (Amendment amendment : published.amendments()) {
            amendments.addObject().put("version", amendment.version()).put("publishedAt", amendment.publishedAt().toString())
                    .put("note", amendment.note());
        }
        return root;
    }

    /** Every published resolution, meeting by meeting (latest first), item by item, in order. */
    public static ObjectNode resolutions(ObjectMapper mapper, Tenant council, String base,
            List<Published<MinutesSnapshot>> minutes, Instant now) {
        ObjectNode root = mapper.createObjectNode();
        root.put("council", council.displayName());
        root.put("councilId", council.slug());
        root.put("generatedAt", now.toString());
        ArrayNode list = root.putArray("resolutions");
        for (Published<MinutesSnapshot> published : minutes) {
            MinutesSnapshot m = published.content();
            for (MinutesSnapshot.Item item : m.items()) {
                // the Welsh beside the English by position (ADR 0017); a resolution given in one language only has
                // the other's fields empty
                int count = Math.max(item.resolutions().size(), item.resolutionsCy().size());
                for (int i = 0; i < count; i++) {
                    MinutesStyle.Shown resolution = i < item.resolutions().size() ? item.resolutions().get(i)
                            : new MinutesStyle.Shown(item.resolutionsCy().get(i).label(), null, List.of());
                    MinutesStyle.Shown welsh = i < item.resolutionsCy().size() ? item.resolutionsCy().get(i) : null;
                    ObjectNode row = list.addObject();
                    row.put("meetingId", m.meetingId().toString());
                    row.put("meetingStartsAt", m.startsAt().toString());
                    row.put("committee", m.committeeName());
                    row.put("committeeId", m.committeeId().toString());
                    row.put("minutesStatus", m.status());
                    row.put("minutesVersion", m.minutesVersion());
                    row.put("itemNumber", item.number());
                    row.put("itemTitle", Text.neutral(item.title()));
                    row.put("resolutionNumber", resolution.label());
                    row.put("resolved", m.resolvedLabel());
                    row.put("text", resolution.text());
                    ArrayNode points = row.putArray("points");
                    resolution.points().forEach(p -> points.addObject().put("label", p.label()).put("text", p.text()));
                    row.put("url", base + "/meetings/" + m.meetingId() + "/minutes.json");
                    row.put("committeeCy", m.committeeNameCy());
                    row.put("itemTitleCy", Text.neutral(item.titleCy()));
                    row.put("textCy", welsh == null ? null : welsh.text());
                    ArrayNode pointsCy = row.putArray("pointsCy");
                    if (welsh != null) {
                        welsh.points().forEach(p -> pointsCy.addObject().put("label", p.label()).put("text", p.text()));
                    }
                    row.put("resolvedCy", m.resolvedLabel("cy"));
                }
            }
        }
        return root;
    }

    /** The resolutions as CSV (RFC 4180, with a byte-order mark): sub-points inside their resolution's cell. */
    public static String csv(ObjectNode resolutions) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (var resolution : resolutions.get("resolutions")) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : CSV_COLUMNS) {
                row.put(column, column.equals("points") || column.equals("pointsCy")
                        ? StreamSupport.stream(resolution.get(column).spliterator(), false)
                                .map(p -> p.get("label").asText() + " " + p.get("text").asText())
                                .collect(Collectors.joining("\n"))
                        : resolution.get(column).isNull() ? "" : resolution.get(column).asText());
            }
            rows.add(row);
        }
        return CSV.write(rows);
    }
}
