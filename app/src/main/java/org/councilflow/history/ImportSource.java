package org.councilflow.history;

/** Where a history import reads from. */
public enum ImportSource {
    /** A ModernGov site's {@code mgWebService.asmx}, read over HTTP. */
    MODERNGOV_URL,
    /** Saved answers of that web service, for an offline import. */
    MODERNGOV_XML,
    /** CouncilFlow's documented JSON layout (docs/import-format.md), for councils on other systems. */
    JSON
}
