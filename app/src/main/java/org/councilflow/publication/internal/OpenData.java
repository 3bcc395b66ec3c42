package org.councilflow.publication.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.minutes.MinutesStyle;
import org.councilflow.publication.internal.Snapshots.Amendment;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.Tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A council's published decisions as open data: JSON described by {@code decisions.schema.json} (served beside
 * it), and CSV with the same fields (RFC 4180), after a UTF-8 byte-order mark so that spreadsheets read it as UTF-8.
 */
public final class OpenData {

    public static final String SCHEMA_RESOURCE = "/publication/decisions.schema.json";
    static final List<String> CSV_COLUMNS = List.of("id", "url", "title", "decisionMaker", "committeeId", "status",
            "keyDecision", "subjectToCallIn", "callInState", "callInEndsAt", "calledInAt", "dateOfDecision", "publishedAt",
            "meetingId", "meetingStartsAt", "reportUrl", "resolved", "resolutions", "minutes", "amendments",
            // the Welsh beside the English, at the end so that readers of the columns before are unaffected (ADR 0023)
            "titleCy", "decisionMakerCy", "resolvedCy", "resolutionsCy", "minutesCy");
    public static final String BYTE_ORDER_MARK = CsvTable.BYTE_ORDER_MARK;
    private static final CsvTable CSV = new CsvTable(CSV_COLUMNS);

    private OpenData() {
    }

    public static ObjectNode json(ObjectMapper mapper, Tenant council, String base, List<Published<DecisionSnapshot>> decisions,
            Instant now) {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", base + "/open-data/decisions.schema.json");
        root.put("council", council.displayName());
        root.put("councilId", council.slug());
        root.put("generatedAt", now.toString());
        ArrayNode list = root.putArray("decisions");
        for (Published<DecisionSnapshot> published : decisions) {
            DecisionSnapshot d = published.content();
            ObjectNode node = list.addObject();
            node.put("id", d.decisionId().toString());
            node.put("url", base + "/decisions/" + d.decisionId());
            node.put("title", Text.neutral(d.reportTitle()));
            node.put("decisionMaker", d.decisionMaker());
            node.put("committeeId", d.committeeId().toString());
            node.put("status", Text.label(d.status()));
            node.put("keyDecision", d.keyDecision());
            node.put("subjectToCallIn", d.subjectToCallIn());
            node.put("callInState", callInState(d, now));
            putInstant(node, "callInEndsAt", d.subjectToCallIn() ? d.callInEndsAt() : null);
            putInstant(node, "calledInAt", d.calledInAt());
            node.put("dateOfDecision", d.decidedOn().toString());
            node.put("publishedAt", d.publishedAt().toString());
            node.put("meetingId", d.meetingId().toString());
            node.put("meetingStartsAt", d.meetingStartsAt().toString());
            node.put("reportUrl", base + "/reports/" + d.reportId());
            ArrayNode resolutions = node.putArray("resolutions");
            d.resolutions().forEach(resolutions::add);
            // in the council's style: its label, each resolution's number and its sub-points
            node.put("resolved", d.styleOrDefaults().resolvedLabel());
            shown(node.putArray("resolutionsWithPoints"), d.shownResolutions());
            if (d.minutes() == null) {
                node.putNull("minutes");
            } else {
                node.put("minutes", d.minutes());
            }
            // in Welsh, where the council gave it (null or empty otherwise)
            node.put("titleCy", Text.neutral(d.reportTitleCy()));
            node.put("decisionMakerCy", d.decisionMakerCy());
            node.put("resolvedCy", d.styleOrDefaults().resolvedLabelCy());
            ArrayNode resolutionsCy = node.putArray("resolutionsCy");
            d.resolutionsCy().forEach(r -> resolutionsCy.add(r.text()));
            shown(node.putArray("resolutionsWithPointsCy"), d.shownResolutionsCy());
            node.put("minutesCy", d.minutesCy());
            if (d.imported() != null) {
                node.putObject("imported").put("source", d.imported().source()).put("sourceId", d.imported().sourceId())
                        .put("importedAt", d.imported().importedAt().toString()).put("importedBy", d.imported().importedBy());
            }
            ArrayNode amendments = node.putArray("amendments");
            for (Amendment amendment : published.amendments()) {
                amendments.addObject().put("publishedAt", amendment.publishedAt().toString()).put("note", amendment.note());
            }
        }
        return root;
    }

    private static void shown(ArrayNode shown, List<MinutesStyle.Shown> resolutions) {
        for (MinutesStyle.Shown resolution : resolutions) {
            ObjectNode r = shown.addObject().put("number", resolution.label()).put("text", resolution.text());
            ArrayNode points = r.putArray("points");
            resolution.points().forEach(p -> points.addObject().put("label", p.label()).put("text", p.text()));
        }
    }

    public static String csv(ObjectNode json) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (var decision : json.get("decisions")) {
            Map<String, String> row = new LinkedHashMap<>();
            CSV_COLUMNS.forEach(column -> row.put(column, text(column, decision.get(column), decision)));
            rows.add(row);
        }
        return CSV.write(rows);
    }

    /** A field as one cell's text: lists (resolutions, amendments) one entry per line. */
    private static String text(String column, JsonNode value, JsonNode decision) {
        if (value == null || value.isNull()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        if (column.equals("resolutions") || column.equals("resolutionsCy")) {
            // one per line as the council numbers them, each followed by its sub-points on lines of their own
            JsonNode shown = decision.get(column.equals("resolutions") ? "resolutionsWithPoints" : "resolutionsWithPointsCy");
            if (shown == null) {
                // a document of the shape before sub-points and numbers: the texts, one per line
                value.forEach(r -> lines.add(r.asText()));
                return String.join("\n", lines);
            }
            for (JsonNode r : shown) {
                lines.add(r.get("number").asText().isEmpty() ? r.get("text").asText()
                        : r.get("number").asText() + " " + r.get("text").asText());
                r.get("points").forEach(p -> lines.add(p.get("label").asText() + " " + p.get("text").asText()));
            }
            return String.join("\n", lines);
        }
        if (column.equals("amendments")) {
            value.forEach(v -> lines.add(v.get("publishedAt").asText() + " " + v.get("note").asText("")));
            return String.join("\n", lines);
        }
        return value.asText();
    }

    /** in-call-in-period, called-in or effective. */
    static String callInState(DecisionSnapshot d, Instant now) {
        if (d.calledInAt() != null) {
            return "called-in";
        }
        // as the cycle reached it: in call-in until its timer fired, whatever the wall clock says
        if (d.subjectToCallIn() && d.callInEndsAt() != null && d.effectiveAt() == null) {
            return "in-call-in-period";
        }
        return "effective";
    }

    /** A cell's text with the formula guard (see {@link CsvTable#cell}). */
    static String cell(String value) {
        return CsvTable.cell(value);
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }
}
