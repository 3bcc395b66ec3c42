package org.councilflow.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One resolution of a committee on an item, as the council words it: its text ("That the Committee notes …") and its
 * sub-points in order (shown as a), b) … or (i), (ii) … in the council's style), kept apart rather than run together.
 */
public record Resolution(@NotBlank @Size(max = MAX_TEXT) String text,
        @NotNull @Size(max = MAX_POINTS) List<@NotBlank @Size(max = MAX_TEXT) String> points) {

    public static final int MAX_TEXT = 5000;
    public static final int MAX_POINTS = 26;
    public static final int MAX_RESOLUTIONS = 100;

    public Resolution {
        points = points == null ? List.of() : List.copyOf(points);
    }

    public static Resolution of(String text, String... points) {
        return new Resolution(text, List.of(points));
    }

    /**
     * Resolutions as a form of the cycle sends them: each a text, or an object with {@code text} and {@code points}
     * (texts). Anything else is refused naming the rule, so nothing is dropped silently.
     */
    public static List<Resolution> fromForm(Object value) {
        if (value == null) {
            return List.of();
        }
        String rule = "resolutions must be a list of at most " + MAX_RESOLUTIONS + " texts, or objects with a text and"
                + " at most " + MAX_POINTS + " points, each of up to 5,000 characters";
        if (!(value instanceof List<?> list) || list.size() > MAX_RESOLUTIONS) {
            throw new IllegalArgumentException(rule);
        }
        List<Resolution> resolutions = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String text && isText(text)) {
                resolutions.add(new Resolution(text.strip(), List.of()));
            } else if (item instanceof Map<?, ?> map && map.keySet().stream().allMatch(k -> "text".equals(k) || "points".equals(k))
                    && map.get("text") instanceof String text && isText(text)
                    && (map.get("points") == null || map.get("points") instanceof List<?> points && points.size() <= MAX_POINTS
                            && points.stream().allMatch(p -> p instanceof String s && isText(s)))) {
                List<String> points = map.get("points") == null ? List.of()
                        : ((List<?>) map.get("points")).stream().map(p -> ((String) p).strip()).toList();
                resolutions.add(new Resolution(text.strip(), points));
            } else {
                throw new IllegalArgumentException(rule);
            }
        }
        return List.copyOf(resolutions);
    }

    private static boolean isText(String text) {
        return !text.isBlank() && text.length() <= MAX_TEXT;
    }
}
