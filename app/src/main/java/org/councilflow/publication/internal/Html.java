package org.councilflow.publication.internal;

import java.util.List;
import java.util.Locale;

import org.councilflow.tenancy.Tenant;
import org.springframework.web.util.HtmlUtils;

/**
 * The frame of every public page: semantic HTML that works without JavaScript, a skip link, British English, the
 * council's colour in its banner with whichever of black or white text reads best on it. Every text that came from
 * a person is escaped here or rendered by the safe Markdown renderer; nothing else reaches the page.
 */
public final class Html {

    /** The site's stylesheet (a static resource); each council serves it with its colours in front. */
    private static final String CSS = resource("/publication/site.css");

    /** No script, nothing from elsewhere, stylesheets only from the site itself (no inline style), not framed. */
    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private Html() {
    }

    /**
     * The page's Content-Security-Policy: no script, nothing loaded from elsewhere, not framed, forms only to the
     * site (search), and stylesheets only from the site's own files. A stylesheet injected into a page would not apply.
     */
    public static String contentSecurityPolicy(String page) {
        return POLICY;
    }

    /** The council's stylesheet: its colours, then the site's stylesheet. */
    public static String css(Tenant council) {
        return ":root{--brand:" + brand(council) + ";--on-brand:" + onBrand(brand(council)) + "}\n" + CSS;
    }

    /** Its address carries its content's hash: a new colour or a new stylesheet is a new address, cached for good. */
    public static String stylesheet(Tenant council) {
        return href(council, "/site-" + hash(css(council)) + ".css");
    }

    /** The first 20 hex digits of the text's SHA-256: a new name whenever the content changes. */
    static String hash(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (var in = Html.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + name, e);
        }
    }

    public static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(Text.neutral(text), "UTF-8");
    }

    /** Plain text a person typed (minutes, summaries): paragraphs at blank lines, line breaks kept, all escaped. */
    public static String paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.replace("\r\n", "\n").split("\n[\\s\u00a0]*\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p dir=\"auto\">").append(esc(paragraph.strip()).replace("\n", "<br>")).append("</p>");
            }
        }
        return html.toString();
    }

    /** A link in the page's own council: {@code path} is below {@code /councils/{slug}}. */
    public static String href(Tenant council, String path) {
        return "/councils/" + council.slug() + path;
    }

    public record Crumb(String label, String path) {
    }

    /** The whole page. {@code main} is HTML already made safe; {@code head} adds alternate links. */
    public static String page(Tenant council, String title, List<Crumb> crumbs, String head, String main) {
        StringBuilder html = new StringBuilder(main.length() + 6000);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" – ").append(esc(council.displayName())).append("</title>")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Decisions of ")
                .append(esc(council.displayName())).append("\" href=\"").append(href(council, "/decisions.atom")).append("\">")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Meetings of ")
                .append(esc(council.displayName())).append("\" href=\"").append(href(council, "/meetings.atom")).append("\">")
                .append(head == null ? "" : head)
                .append("<link rel=\"stylesheet\" href=\"").append(stylesheet(council)).append("\"></head><body>")
                .append("<a class=\"skip\" href=\"#main\">Skip to main content</a>")
                .append("<header class=\"brand\"><div class=\"wrap\"><a href=\"").append(href(council, ""))
                .append("\">").append(esc(council.displayName())).append("</a><p>Committee meetings, reports and decisions</p></div></header>")
                .append("<nav class=\"site\" aria-label=\"Site\"><div class=\"wrap\"><ul>")
                .append(navItem(council, "/meetings", "Meetings"))
                .append(navItem(council, "/decisions", "Decisions"))
                .append(navItem(council, "/improvement-journey", "Improvement journey"))
                .append(navItem(council, "/search", "Search"))
                .append(navItem(council, "/open-data", "Open data"))
                .append("</ul></div></nav><div class=\"wrap\">");
        if (!crumbs.isEmpty()) {
            html.append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>");
            for (Crumb crumb : crumbs) {
                html.append("<li><a href=\"").append(esc(href(council, crumb.path()))).append("\">").append(esc(crumb.label()))
                        .append("</a></li>");
            }
            html.append("</ol></nav>");
        }
        html.append("<main id=\"main\" tabindex=\"-1\">").append(main).append("</main></div>")
                .append("<footer><div class=\"wrap\"><p>Published by ").append(esc(council.displayName()))
                .append(" with CouncilFlow. <a href=\"").append(href(council, "/open-data"))
                .append("\">Open data, feeds and calendars</a>.</p></div></footer></body></html>");
        return html.toString();
    }

    /** The 404 page for anything not published; {@code council} (its stylesheet) is null outside any council. */
    public static String notFound(Tenant council) {
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Page not found</title>"
                + (council == null ? "" : "<link rel=\"stylesheet\" href=\"" + stylesheet(council) + "\">")
                + "</head><body class=\"bare\"><main><h1>Page not found</h1><p>There is nothing published at this address. If you typed"
                + " the address, check it is correct; if you followed a link, the page may not be available.</p>"
                + "</main></body></html>";
    }

    private static String navItem(Tenant council, String path, String label) {
        return "<li><a href=\"" + href(council, path) + "\">" + label + "</a></li>";
    }

    private static String brand(Tenant council) {
        String colour = council.settings().brandingColour();
        return colour != null && colour.matches("^#[0-9a-fA-F]{6}$") ? colour.toLowerCase(Locale.ROOT) : "#1f5fa8";
    }

    /** Black or white, whichever contrasts more with the council's colour (one of them always reaches 4.5:1). */
    static String onBrand(String colour) {
        double luminance = luminance(colour);
        double white = 1.05 / (luminance + 0.05);
        double black = (luminance + 0.05) / 0.05;
        return white >= black ? "#ffffff" : "#000000";
    }

    static double luminance(String colour) {
        double r = channel(Integer.parseInt(colour.substring(1, 3), 16));
        double g = channel(Integer.parseInt(colour.substring(3, 5), 16));
        double b = channel(Integer.parseInt(colour.substring(5, 7), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
