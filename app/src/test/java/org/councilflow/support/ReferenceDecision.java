package org.councilflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The published decision details page of Barnet, 12 September 2018 (in {@code reference/}), as its fields. */
public record ReferenceDecision(String title, Map<String, String> fields, String minutes, List<String> resolutions) {

    private static final Pattern FIELD = Pattern.compile("^(Decision Maker|Decision status|Is Key decision\\?"
            + "|Is subject to call in\\?|Publication date|Date of decision|Decided at meeting): (.+)$");
    private static final Pattern RESOLUTION = Pattern.compile("^\\s*(\\d+)\\.\\s+(.+)$");

    public static ReferenceDecision read() {
        String text;
        try (InputStream in = ReferenceDecision.class.getResourceAsStream("/reference/barnet-decision-details-2018-09-12.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = text.lines().toList();
        String title = lines.stream().filter(l -> l.startsWith("UPDATE REPORT")).findFirst().orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder minutes = new StringBuilder();
        List<String> resolutions = new ArrayList<>();
        boolean inDecisions = false;
        for (String raw : lines) {
            String line = raw.replace('\u00a0', ' ');
            Matcher field = FIELD.matcher(line);
            if (field.matches()) {
                fields.put(field.group(1), field.group(2).strip());
                inDecisions = false;
            } else if (line.equals("Decisions:")) {
                inDecisions = true;
            } else if (inDecisions) {
                Matcher resolution = RESOLUTION.matcher(line);
                if (resolution.matches()) {
                    resolutions.add(resolution.group(2).strip());
                } else if (resolutions.isEmpty()) {
                    minutes.append(line).append('\n');
                }
            }
        }
        return new ReferenceDecision(title, fields, minutes.toString().strip(), resolutions);
    }

    /** Text as a reader sees it: no-break spaces and runs of white space as one space. */
    public static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
