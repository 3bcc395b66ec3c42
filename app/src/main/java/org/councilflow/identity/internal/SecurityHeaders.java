package org.councilflow.identity.internal;

import org.springframework.http.MediaType;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/** What browsers may do with CouncilFlow's responses, per kind of response; each chain adds its own. */
public final class SecurityHeaders {

    /** No page of CouncilFlow uses any of these browser features. */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

    /** The API answers JSON and files, never pages: nothing in them may load or run anything, nor be framed. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * The public site's HTML has no script at all and no inline style; its stylesheets are the site's own files
     * ({@code style-src 'self'}).
     */
    public static final String PUBLIC_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * The staff UI (Vaadin) builds its pages with scripts and inline styles of its own, so its policy only refuses
     * framing (clickjacking), plugins and a changed base address.
     */
    public static final String STAFF_UI_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    private SecurityHeaders() {
    }

    public static HeaderWriter permissionsPolicy() {
        return new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY);
    }

    /** The public policy on HTML responses that did not set their own (PDFs, feeds and files keep their viewers). */
    static HeaderWriter publicPagePolicy() {
        return (request, response) -> {
            String type = response.getContentType();
            if (type != null && type.startsWith(MediaType.TEXT_HTML_VALUE)
                    && !response.containsHeader("Content-Security-Policy")) {
                response.setHeader("Content-Security-Policy", PUBLIC_POLICY);
            }
            if (!response.containsHeader("Referrer-Policy")) {
                // links out of the public site tell the other site where from, not which page
                response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            }
        };
    }
}
