package org.councilflow.publication.internal;

/** What can be published on the public site. */
public enum PublicationKind {
    MEETING, REPORT, DECISION, JOURNEY, MINUTES
}
