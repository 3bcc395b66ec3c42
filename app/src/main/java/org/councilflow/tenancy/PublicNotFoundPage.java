package org.councilflow.tenancy;

/**
 * The public site's "page not found" for a council that does not exist, is being onboarded or is suspended: the
 * tenant resolution filter answers those requests itself, with the page the public site renders from its template
 * (tenancy knows no HTML). The same page whichever the reason, so nothing shows which.
 */
public interface PublicNotFoundPage {

    /** A whole HTML document, already escaped; no council's name, stylesheet or words in it. */
    String html();
}
