package org.councilflow.publication.internal;

import java.util.ArrayList;
import java.util.List;

import org.councilflow.reports.Markdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import gg.jte.Content;

/**
 * What templates show of text that people wrote: Markdown through the reports' safe renderer (an allow-list of
 * elements, no scripts, no styles), typed text as paragraphs, search snippets as marked segments. Only the Markdown
 * renderer's output is passed to templates as {@link Content} (written unescaped); everything else is plain text the
 * template escapes.
 */
public final class Markup {

    private Markup() {
    }

    /**
     * Report text as safe HTML, each block's direction taken from its own text, so that a right-to-left paragraph
     * reads right to left among left-to-right ones. {@code number} (a paragraph number, or null) starts its first
     * paragraph, as in the printed template.
     */
    public static Content markdown(String markdown, String number) {
        Document fragment = Jsoup.parseBodyFragment(Markdown.toSafeHtml(markdown));
        fragment.outputSettings().prettyPrint(false);
        Element body = fragment.body();
        body.select("p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote").attr("dir", "auto");
        if (number != null && !number.isEmpty()) {
            Element first = body.children().first();
            Element host = first != null && first.tagName().equals("p") ? first : body;
            host.prependElement("span").addClass("number").text(number);
        }
        String html = body.html();
        // trusted: the sanitiser's allow-listed output, changed above only through jsoup's DOM (text escaped by it)
        return output -> output.writeContent(html);
    }

    /**
     * An item's minutes as safe HTML: Markdown with the council's own bullets ("·", "o") as nested lists, and tables,
     * through the same sanitiser; each block's direction from its own text.
     */
    public static Content minutes(String minutes) {
        Document fragment = Jsoup.parseBodyFragment(Markdown.minutesToSafeHtml(minutes));
        fragment.outputSettings().prettyPrint(false);
        fragment.body().select("p, li, td, th, blockquote").attr("dir", "auto");
        String html = fragment.body().html();
        // trusted: the sanitiser's allow-listed output, changed above only through jsoup's DOM
        return output -> output.writeContent(html);
    }

    public static Content markdown(String markdown) {
        return markdown(markdown, null);
    }

    /** Plain text a person typed (minutes, summaries): paragraphs at blank lines, each a list of its lines. */
    public static List<List<String>> paragraphs(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return paragraphs;
        }
        for (String paragraph : text.replace("\r\n", "\n").split("\n[\\s\u00a0]*\n")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(List.of(paragraph.strip().split("\n", -1)));
            }
        }
        return paragraphs;
    }

    /** A part of a search snippet: the store's match marks (which no published text can contain) become {@code marked}. */
    public record Segment(String text, boolean marked) {
    }

    public static List<Segment> segments(String snippet) {
        List<Segment> segments = new ArrayList<>();
        String rest = snippet == null ? "" : snippet;
        while (!rest.isEmpty()) {
            int start = rest.indexOf(PublicationStore.MARK_START);
            if (start < 0) {
                segments.add(new Segment(rest, false));
                break;
            }
            if (start > 0) {
                segments.add(new Segment(rest.substring(0, start), false));
            }
            int end = rest.indexOf(PublicationStore.MARK_END, start);
            end = end < 0 ? rest.length() : end;
            segments.add(new Segment(rest.substring(start + 1, end), true));
            rest = end < rest.length() ? rest.substring(end + 1) : "";
        }
        return segments;
    }
}
