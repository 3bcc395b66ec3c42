package org.councilflow.reports;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.councilflow.reports.ReportDocument.Block;
import org.councilflow.reports.ReportDocument.Section;

/**
 * What changed between two versions of a report, part by part: header fields, the summary, each recommendation by
 * its number, and each paragraph by its own number (or its place, for an unnumbered one).
 */
public record ReportDiff(int from, int to, List<Change> changes) {

    public enum Kind {
        ADDED, REMOVED, CHANGED
    }

    /** @param location where in the report, e.g. {@code recommendation 2} or {@code body, paragraph 1.11} */
    public record Change(String part, String location, Kind kind, String before, String after) {
    }

    public static ReportDiff between(int from, ReportDocument before, int to, ReportDocument after) {
        List<Change> changes = new ArrayList<>();
        compareHeader(before, after, changes);
        compare("summary", "summary", before.summary(), after.summary(), changes);
        compareList("recommendations", "recommendation ", before.recommendations(), after.recommendations(), changes);
        Map<String, Section> oldSections = byKey(before.sections());
        Map<String, Section> newSections = byKey(after.sections());
        for (String key : ReportDocument.SECTION_KEYS) {
            compareSection(key, oldSections.get(key), newSections.get(key), changes);
        }
        return new ReportDiff(from, to, changes);
    }

    /**
     * This diff with the appendices' changes added, by number: a title or a file's bytes changed (its SHA-256, shown
     * by its first twelve hex digits, beside the title), added or removed.
     */
    public ReportDiff withAppendices(List<Report.FrozenAppendix> before, List<Report.FrozenAppendix> after) {
        List<Change> all = new ArrayList<>(changes);
        Map<Integer, Report.FrozenAppendix> old = new LinkedHashMap<>();
        before.forEach(a -> old.put(a.number(), a));
        Map<Integer, Report.FrozenAppendix> now = new LinkedHashMap<>();
        after.forEach(a -> now.put(a.number(), a));
        java.util.TreeSet<Integer> numbers = new java.util.TreeSet<>(old.keySet());
        numbers.addAll(now.keySet());
        for (int number : numbers) {
            compare("appendices", "appendix " + number, describe(old.get(number)), describe(now.get(number)), all);
        }
        return new ReportDiff(from, to, all);
    }

    private static String describe(Report.FrozenAppendix appendix) {
        if (appendix == null) {
            return null;
        }
        String hash = appendix.sha256() == null ? "" : appendix.sha256().substring(0, Math.min(12, appendix.sha256().length()));
        return appendix.title() + " (SHA-256 " + hash + ")";
    }

    private static void compareHeader(ReportDocument before, ReportDocument after, List<Change> changes) {
        compare("header", "reporting period start", str(before.periodStart()), str(after.periodStart()), changes);
        compare("header", "reporting period end", str(before.periodEnd()), str(after.periodEnd()), changes);
        compare("header", "sequence number", str(before.sequenceNumber()), str(after.sequenceNumber()), changes);
        for (RecordComponent field : ReportDocument.Header.class.getRecordComponents()) {
            compare("header", field.getName(), str(read(field, before.header())), str(read(field, after.header())), changes);
        }
    }

    private static void compareSection(String key, Section before, Section after, List<Change> changes) {
        Map<String, Block> oldBlocks = blocks(before);
        Map<String, Block> newBlocks = blocks(after);
        compare(key, "heading", before == null ? null : before.heading(), after == null ? null : after.heading(), changes);
        for (Map.Entry<String, Block> entry : oldBlocks.entrySet()) {
            Block now = newBlocks.get(entry.getKey());
            compare(key, entry.getKey(), entry.getValue().markdown(), now == null ? null : now.markdown(), changes);
        }
        for (Map.Entry<String, Block> entry : newBlocks.entrySet()) {
            if (!oldBlocks.containsKey(entry.getKey())) {
                compare(key, entry.getKey(), null, entry.getValue().markdown(), changes);
            }
        }
    }

    /** Blocks by a stable location: their own number, else their place among the section's unnumbered blocks. */
    private static Map<String, Block> blocks(Section section) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        if (section == null) {
            return blocks;
        }
        int unnumbered = 0;
        for (Block block : section.blocks()) {
            String kind = block.kind() == ReportDocument.Kind.HEADING ? "heading " : "paragraph ";
            String location = block.number() != null && !block.number().isBlank()
                    ? kind + block.number()
                    : "unnumbered " + kind.strip() + " " + (++unnumbered);
            while (blocks.containsKey(location)) {
                location = location + "'";
            }
            blocks.put(location, block);
        }
        return blocks;
    }

    private static void compareList(String part, String prefix, List<String> before, List<String> after,
            List<Change> changes) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            compare(part, prefix + (i + 1), i < before.size() ? before.get(i) : null,
                    i < after.size() ? after.get(i) : null, changes);
        }
    }

    private static void compare(String part, String location, String before, String after, List<Change> changes) {
        if (Objects.equals(before, after)) {
            return;
        }
        Kind kind = before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
        changes.add(new Change(part, location, kind, before, after));
    }

    private static Map<String, Section> byKey(List<Section> sections) {
        Map<String, Section> map = new LinkedHashMap<>();
        sections.forEach(section -> map.putIfAbsent(section.key(), section));
        return map;
    }

    private static Object read(RecordComponent field, Object record) {
        try {
            return field.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
