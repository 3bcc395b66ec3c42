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

    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:1.0625rem;line-height:1.5;color:#0b0c0c;background:#fff}
            .wrap{max-width:62rem;margin:0 auto;padding:0 1rem}
            .skip{position:absolute;left:-10000px;top:auto}
            .skip:focus{left:1rem;top:.5rem;z-index:10;background:#fd0;color:#0b0c0c;padding:.5rem 1rem;outline:3px solid #0b0c0c}
            header.brand{background:var(--brand);color:var(--on-brand);padding:.75rem 0}
            header.brand a{color:var(--on-brand);font-weight:bold;font-size:1.3rem;text-decoration:none}
            header.brand a:hover,header.brand a:focus{text-decoration:underline}
            header.brand p{margin:.25rem 0 0}
            nav.site{border-bottom:1px solid #b1b4b6}
            nav.site ul,ul.plain{list-style:none;margin:0;padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
            nav.crumbs ol{list-style:none;margin:.75rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem;font-size:.95rem}
            nav.crumbs li+li::before{content:"›";margin-right:.5rem}
            main{padding:1rem 0 3rem;overflow-wrap:break-word}
            a{color:#1d4e89}a:visited{color:#4c2c92}
            a:focus,button:focus,input:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
            h1{font-size:2rem;line-height:1.2;margin:.5rem 0 1rem}h2{font-size:1.5rem;margin:2rem 0 .75rem}h3{font-size:1.2rem}
            .caption{display:block;color:#484949;font-size:1.1rem;font-weight:normal;margin-bottom:.25rem}
            dl.fields{display:grid;grid-template-columns:minmax(10rem,max-content) 1fr;gap:.4rem 1.25rem;margin:1rem 0}
            dl.fields dt{font-weight:bold}dl.fields dd{margin:0}
            table{border-collapse:collapse;width:100%;margin:1rem 0}
            caption{text-align:left;font-weight:bold;padding:.25rem 0}
            th,td{border-bottom:1px solid #b1b4b6;text-align:left;vertical-align:top;padding:.5rem .75rem .5rem 0}
            thead th{white-space:nowrap}td:first-child{overflow-wrap:anywhere}table.docs td+td{white-space:nowrap}
            .notice{border-left:5px solid #1d4e89;padding:.5rem 1rem;margin:1rem 0;background:#f3f2f1}
            .state{font-weight:bold}
            mark{background:#fff2a8;color:#0b0c0c;font-weight:bold}
            ol.timeline{list-style:none;padding:0;border-left:4px solid var(--brand);margin-left:.5rem}
            ol.timeline>li{padding:0 0 1rem 1.25rem}
            .number{font-weight:bold;margin-right:.5rem}
            table.report-header th{width:25%}
            form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:1rem 0}
            form.search label{display:block;font-weight:bold;width:100%}
            input[type=search]{font:inherit;padding:.4rem;border:2px solid #0b0c0c;min-width:16rem;flex:1}
            button{font:inherit;padding:.45rem 1rem;background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18;cursor:pointer}
            footer{border-top:1px solid #b1b4b6;padding:1rem 0 2rem;font-size:.95rem}
            """;

    private static final java.util.regex.Pattern STYLE = java.util.regex.Pattern.compile("<style>(.*?)</style>",
            java.util.regex.Pattern.DOTALL);

    private Html() {
    }

    /**
     * The page's Content-Security-Policy: no script, nothing loaded from elsewhere, not framed, forms only to the
     * site (search), and exactly the page's own inline stylesheets, by their hashes (each council's colour is in its
     * stylesheet, so the hash is the page's). A stylesheet injected into a page would not apply.
     */
    public static String contentSecurityPolicy(String page) {
        StringBuilder styles = new StringBuilder("'self'");
        java.util.regex.Matcher style = STYLE.matcher(page);
        try {
            java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
            while (style.find()) {
                styles.append(" 'sha256-").append(java.util.Base64.getEncoder().encodeToString(
                        sha256.digest(style.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)))).append('\'');
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return "default-src 'none'; style-src " + styles + "; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors 'none'";
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
                .append("<style>:root{--brand:").append(brand(council)).append(";--on-brand:").append(onBrand(brand(council)))
                .append("}\n").append(CSS).append("</style></head><body>")
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

    /** The 404 page: the same for a council that does not exist, a suspended one, and anything not published. */
    public static String notFound() {
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Page not found</title>"
                + "<style>body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:2rem;line-height:1.5}</style>"
                + "</head><body><main><h1>Page not found</h1><p>There is nothing published at this address. If you typed"
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
