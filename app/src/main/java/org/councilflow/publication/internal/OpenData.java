package org.councilflow.publication.internal;

import java.time.Instant;
import java.util.List;

import org.councilflow.publication.internal.Snapshots.Amendment;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.Tenant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A council's published decisions as open data: JSON described by {@code decisions.schema.json} (served beside
 * it), and CSV with the same fields (RFC 4180).
 */
public final class OpenData {

    public static final String SCHEMA_RESOURCE = "/publication/decisions.schema.json";
    static final List<String> CSV_COLUMNS = List.of("id", "url", "title", "decisionMaker", "committeeId", "status",
            "keyDecision", "subjectToCallIn", "callInState", "callInEndsAt", "calledInAt", "dateOfDecision", "publishedAt",
            "meetingId", "meetingStartsAt", "reportUrl", "resolutions", "minutes", "amendments");

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
            if (d.minutes() == null) {
                node.putNull("minutes");
            } else {
                node.put("minutes", d.minutes());
            }
            ArrayNode amendments = node.putArray("amendments");
            for (Amendment amendment : published.amendments()) {
                amendments.addObject().put("publishedAt", amendment.publishedAt().toString()).put("note", amendment.note());
            }
        }
        return root;
    }

    public static String csv(ObjectNode json) {
        StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (var decision : json.get("decisions")) {
            List<String> cells = CSV_COLUMNS.stream().map(column -> {
                var value = decision.get(column);
                if (value == null || value.isNull()) {
                    return "";
                }
                if (column.equals("resolutions")) {
                    List<String> lines = new java.util.ArrayList<>();
                    value.forEach(v -> lines.add(v.asText()));
                    return String.join("\n", lines);
                }
                if (column.equals("amendments")) {
                    List<String> lines = new java.util.ArrayList<>();
                    value.forEach(v -> lines.add(v.get("publishedAt").asText() + " " + v.get("note").asText("")));
                    return String.join("\n", lines);
                }
                return value.asText();
            }).map(OpenData::cell).toList();
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    /** in-call-in-period, called-in or effective. */
    static String callInState(DecisionSnapshot d, Instant now) {
        if (d.calledInAt() != null) {
            return "called-in";
        }
        if (d.subjectToCallIn() && d.callInEndsAt() != null && now.isBefore(d.callInEndsAt())) {
            return "in-call-in-period";
        }
        return "effective";
    }

    /**
     * One CSV cell, quoted when it must be. A text that a spreadsheet would run as a formula gets a leading
     * apostrophe, so that opening the file runs nothing.
     */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }
}
