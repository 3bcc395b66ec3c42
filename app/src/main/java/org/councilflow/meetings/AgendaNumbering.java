package org.councilflow.meetings;

/** How a council numbers the items of its agendas unless the clerk writes a number (the clerk always may). */
public enum AgendaNumbering {
    /** 1, 2, 3 */
    NUMBERS,
    /** 1.1, 1.2, 1.3: the items of the agenda as points of its first part */
    DECIMAL,
    /** Item 1, Item 2, Item 3 */
    ITEM;

    /** The number of the item at {@code place} (from 1) in this style. */
    public String number(int place) {
        return switch (this) {
            case NUMBERS -> Integer.toString(place);
            case DECIMAL -> "1." + place;
            case ITEM -> "Item " + place;
        };
    }
}
