package org.councilflow.meetings;

/** What an agenda item is: the procedural items councils open their agendas with, and the business. */
public enum AgendaItemKind {
    APOLOGIES("Apologies for absence"),
    DECLARATIONS("Declarations of interest"),
    PREVIOUS_MINUTES("Minutes of the previous meeting"),
    URGENT_BUSINESS("Urgent business"),
    EXCLUSION("Exclusion of the press and public"),
    /** A report from the cycle: what it publishes is its signed-off version. */
    CYCLE_REPORT("Report"),
    /** Any other report, not written through the cycle. */
    REPORT("Report"),
    VERBAL_UPDATE("Verbal update");

    private final String label;

    AgendaItemKind(String label) {
        this.label = label;
    }

    /** The usual heading of an item of this kind, and what the staff UI calls it. */
    public String label() {
        return label;
    }
}
