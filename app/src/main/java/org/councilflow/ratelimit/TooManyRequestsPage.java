package org.councilflow.ratelimit;

/**
 * The page a browser gets when the rate limit refuses it (429): the rate-limit filter answers those requests itself,
 * with the page the public site renders from its template in the site's language (ratelimit knows no HTML). Without
 * such a page the filter answers with a problem document instead.
 */
public interface TooManyRequestsPage {

    /**
     * A whole HTML document, already escaped; no council's name or stylesheet in it (the filter runs before a council
     * is known).
     *
     * @param retryAfterSeconds whole seconds until the client may try again (the {@code Retry-After} header's value)
     */
    String html(long retryAfterSeconds);
}
