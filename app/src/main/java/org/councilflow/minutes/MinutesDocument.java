package org.councilflow.minutes;

import java.util.List;
import java.util.UUID;

import org.councilflow.meetings.AgendaItemKind;
import org.councilflow.meetings.Resolution;

/**
 * The minutes of a whole meeting as frozen into a version: who was there, and every agenda item in order with its
 * number, heading, declarations, minutes and resolutions, in the council's style of the moment.
 */
public record MinutesDocument(Attendance attendance, List<Item> items, MinutesStyle style) {

    /**
     * @param title the item's heading (a report's own title for a report from the cycle)
     * @param exemptParagraph the paragraph of Schedule 12A that makes it exempt, null when it is not
     * @param titleCy the heading in Welsh and {@code welsh} the minutes and resolutions in Welsh, where given (null in
     *        versions frozen before there was Welsh)
     */
    public record Item(UUID itemId, String number, AgendaItemKind kind, String title, UUID reportId,
            Integer exemptParagraph, List<Declaration> declarations, String minutes, List<Resolution> resolutions,
            String titleCy, ItemMinutes.Welsh welsh) {

        public Item(UUID itemId, String number, AgendaItemKind kind, String title, UUID reportId,
                Integer exemptParagraph, List<Declaration> declarations, String minutes, List<Resolution> resolutions) {
            this(itemId, number, kind, title, reportId, exemptParagraph, declarations, minutes, resolutions, null, null);
        }

        public boolean exempt() {
            return exemptParagraph != null;
        }
    }
}
