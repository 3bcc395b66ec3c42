package org.councilflow.reports;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Renders report text (Markdown) to HTML that is safe to show anyone: raw HTML in the text is escaped, link
 * targets other than http(s) and mailto are dropped, and the result passes an allow-list of elements and
 * attributes (no scripts, no event handlers, no styles).
 */
public final class Markdown {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final Safelist allowed = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("a", "rel")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    /** A bulleted line as councils write them: "- ", "· ", "• " at the first level, "o " or an indented bullet below. */
    private static final Pattern BULLET = Pattern.compile("^([ \\t]*)([-*+\u00b7\u2022\u25aa\u25e6o])[ \\t\u00a0]+(\\S.*)$");
    private static final Pattern ORDERED = Pattern.compile("^( {0,3})(\\d{1,9}[.)])([ \\t]+)\\S.*");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");

    private Markdown() {
    }

    /**
     * Minutes as councils write them, rendered as {@link #toSafeHtml}: besides Markdown's own lists, lines that start
     * with "·" or "•" are bullets, and "o" (after a bullet) or an indented bullet is a point of the bullet above (two
     * levels), so that pasted minutes keep their structure rather than becoming lines of characters.
     */
    public static String minutesToSafeHtml(String minutes) {
        return toSafeHtml(councilBullets(minutes));
    }

    /** The minutes' council bullets as Markdown list items; every other line unchanged. */
    public static String councilBullets(String minutes) {
        if (minutes == null || minutes.isEmpty()) {
            return minutes;
        }
        StringBuilder out = new StringBuilder();
        boolean inList = false;
        boolean blankSince = false;
        boolean fenced = false;
        // where the text of the last first-level item starts: a point below it is indented at least that far
        int parentContent = 2;
        for (String line : minutes.split("\n", -1)) {
            if (FENCE.matcher(line).matches()) {
                fenced = !fenced;
            }
            Matcher bullet = fenced ? null : BULLET.matcher(line);
            if (bullet != null && bullet.matches()) {
                String marker = bullet.group(2);
                boolean subMarker = marker.equals("o") || marker.equals("\u25e6") || marker.equals("\u25aa");
                int indent = bullet.group(1).replace("\t", "    ").length();
                // "o" is a point only right below a bullet (or indented under one): otherwise it is a word
                if (subMarker && !(inList && (!blankSince || indent > 0))) {
                    out.append(line).append('\n');
                    inList = false;
                    blankSince = false;
                    continue;
                }
                boolean nested = inList && (subMarker || indent >= 2);
                if (nested) {
                    out.append(" ".repeat(Math.max(parentContent, 2))).append("- ");
                } else {
                    out.append("- ");
                    parentContent = 2;
                }
                out.append(bullet.group(3)).append('\n');
                inList = true;
                blankSince = false;
                continue;
            }
            Matcher ordered = fenced ? null : ORDERED.matcher(line);
            if (ordered != null && ordered.matches() && ordered.group(3).replace("\t", "    ").length() > 4) {
                // "1)     The Leader …" pasted from a word processor: a numbered point, not code indented in one
                line = ordered.group(1) + ordered.group(2) + " " + line.substring(ordered.end(3));
                ordered = ORDERED.matcher(line);
                ordered.matches();
            }
            out.append(line).append('\n');
            if (ordered != null && ordered.matches()) {
                int spaces = ordered.group(3).length();
                parentContent = ordered.group(1).length() + ordered.group(2).length() + (spaces <= 4 ? spaces : 1);
                inList = true;
                blankSince = false;
            } else if (line.isBlank()) {
                blankSince = true;
            } else if (fenced || !(line.startsWith(" ") || line.startsWith("\t"))) {
                inList = false;
                blankSince = false;
            }
        }
        return out.substring(0, out.length() - 1);
    }

    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        return Jsoup.clean(renderer.render(parser.parse(markdown)), allowed);
    }
}
