package org.councilflow.publication.internal;

import java.util.Locale;

import org.councilflow.tenancy.Tenant;

/**
 * What every public page shares besides its template ({@code layout/page.jte}: semantic HTML that works without
 * JavaScript, a skip link, the language of the rendering): the council's stylesheet with its colour in the banner and
 * whichever of black or white text reads best on it, and the pages' Content-Security-Policy.
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

    static String resource(String name) {
        try (var in = Html.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + name, e);
        }
    }

    /** Plain text a person typed (minutes, summaries): paragraphs at blank lines, line breaks kept, all escaped. */
    public static String paragraphs(String text) {
        return Templates.render("part/paragraphs", text);
    }

    /** A link in the page's own council: {@code path} is below {@code /councils/{slug}}. */
    public static String href(Tenant council, String path) {
        return "/councils/" + council.slug() + path;
    }

    /** The 404 page for anything not published; {@code council} (its stylesheet) is null outside any council. */
    public static String notFound(Tenant council, Localizer l) {
        return Templates.render(new Pages.NotFoundPage(new Frame(council, l)));
    }

    /** The rate limit's refusal (429): wait that many seconds; {@code council} is null outside any council. */
    public static String tooManyRequests(Tenant council, Localizer l, long retryAfterSeconds) {
        return Templates.render(new Pages.TooManyRequestsPage(new Frame(council, l), retryAfterSeconds));
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
