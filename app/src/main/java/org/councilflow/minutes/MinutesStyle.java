package org.councilflow.minutes;

import java.util.ArrayList;
import java.util.List;

import org.councilflow.meetings.Resolution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How a council writes the resolutions in its minutes, e.g. "RESOLVED – That …" with sub-points a), b): the label in
 * front, whether several resolutions of an item are numbered, and how sub-points are marked. Also whether the council
 * publishes its minutes as draft before the next meeting approves them (ADR 0010).
 *
 * @param resolvedLabelCy the label in front of Welsh resolutions; none given is the usual Welsh minute form,
 *        "PENDERFYNWYD –" (ADR 0023)
 */
public record MinutesStyle(@NotBlank @Size(max = 60) String resolvedLabel, @NotNull Numbering numbering,
        @NotNull Points points, boolean publishDraftMinutes, @Size(max = 60) String resolvedLabelCy) {

    /** "PENDERFYNWYD –" (with an en dash): how Welsh councils' minutes write "RESOLVED –". */
    public static final String WELSH_RESOLVED_LABEL = "PENDERFYNWYD \u2013";

    public MinutesStyle {
        // a style frozen before there was a Welsh label, or sent without one, reads with the usual Welsh form
        resolvedLabelCy = resolvedLabelCy == null || resolvedLabelCy.isBlank() ? WELSH_RESOLVED_LABEL : resolvedLabelCy.strip();
    }

    /** With the usual Welsh label. */
    public MinutesStyle(String resolvedLabel, Numbering numbering, Points points, boolean publishDraftMinutes) {
        this(resolvedLabel, numbering, points, publishDraftMinutes, null);
    }

    public enum Numbering {
        /** 1., 2., … when an item has more than one resolution */
        NUMBERS,
        /** one after the other, unnumbered */
        NONE
    }

    public enum Points {
        /** a), b), c) */
        LETTERS,
        /** (i), (ii), (iii) */
        ROMAN,
        /** 1., 2., 3. */
        NUMBERS
    }

    /** "RESOLVED –" (with an en dash), numbered, sub-points a), b); minutes public once approved. */
    public static MinutesStyle defaults() {
        return new MinutesStyle("RESOLVED \u2013", Numbering.NUMBERS, Points.LETTERS, false);
    }

    /** A resolution as shown: its label ("1." or none), its text, and its sub-points with their labels. */
    public record Shown(String label, String text, List<Point> points) {
    }

    public record Point(String label, String text) {
    }

    /** The resolutions of one item in this style, in order. */
    public List<Shown> show(List<Resolution> resolutions) {
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < resolutions.size(); i++) {
            Resolution r = resolutions.get(i);
            List<Point> points = new ArrayList<>();
            for (int j = 0; j < r.points().size(); j++) {
                points.add(new Point(pointLabel(j), r.points().get(j)));
            }
            String label = numbering == Numbering.NUMBERS && resolutions.size() > 1 ? (i + 1) + "." : "";
            shown.add(new Shown(label, r.text(), List.copyOf(points)));
        }
        return List.copyOf(shown);
    }

    /** One resolution as plain text, its sub-points on lines of their own: "That …\na) …\nb) …". */
    public String text(Shown resolution) {
        StringBuilder text = new StringBuilder();
        if (!resolution.label().isEmpty()) {
            text.append(resolution.label()).append(' ');
        }
        text.append(resolution.text());
        resolution.points().forEach(p -> text.append('\n').append(p.label()).append(' ').append(p.text()));
        return text.toString();
    }

    /** The resolutions of an item as plain text, behind the council's label: "RESOLVED – That …\na) …". */
    public String text(List<Resolution> resolutions) {
        return text(resolvedLabel, resolutions);
    }

    /** Welsh resolutions as plain text, behind the council's Welsh label: "PENDERFYNWYD – Bod …\na) …". */
    public String welshText(List<Resolution> resolutions) {
        return text(resolvedLabelCy, resolutions);
    }

    /** The label in front of resolutions written in {@code language} ({@code cy}: the Welsh label, else the English). */
    public String resolvedLabel(String language) {
        return "cy".equals(language) ? resolvedLabelCy : resolvedLabel;
    }

    private String text(String label, List<Resolution> resolutions) {
        if (resolutions.isEmpty()) {
            return "";
        }
        List<Shown> shown = show(resolutions);
        StringBuilder text = new StringBuilder(label);
        if (shown.size() == 1) {
            text.append(' ').append(text(shown.get(0)));
        } else {
            shown.forEach(s -> text.append('\n').append(text(s)));
        }
        return text.toString();
    }

    String pointLabel(int index) {
        return switch (points) {
            case LETTERS -> (char) ('a' + index % 26) + ")";
            case ROMAN -> "(" + roman(index + 1) + ")";
            case NUMBERS -> (index + 1) + ".";
        };
    }

    private static String roman(int number) {
        String[] tens = {"", "x", "xx"};
        String[] ones = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
        return tens[Math.min(number / 10, 2)] + ones[number % 10];
    }
}
