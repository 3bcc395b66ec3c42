package org.councilflow.meetings;

import java.util.UUID;

/**
 * A document of an agenda item, under its own title: an uploaded file ({@code documentId}) or a link.
 *
 * @param exempt not for publication (the item itself may be public)
 * @param titleCy its title in Welsh, where given
 */
public record AgendaDocument(UUID id, int position, String title, Kind kind, UUID documentId, String filename,
        String link, boolean exempt, String titleCy) {

    public enum Kind {
        REPORT("Report"), APPENDIX("Appendix"), MINUTES("Minutes"), PRESENTATION("Presentation"),
        BACKGROUND_PAPER("Background paper");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
