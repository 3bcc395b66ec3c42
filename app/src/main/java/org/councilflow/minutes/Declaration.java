package org.councilflow.minutes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A member's declaration of interest in an agenda item, as the minutes record it.
 *
 * @param nature what the interest is ("Governor of a school named in the report")
 * @param leftRoom whether the member left the room for the item
 * @param natureCy the same in Welsh, optional: shown on Welsh pages, frozen with the English (ADR 0017)
 */
public record Declaration(@NotBlank @Size(max = 200) String member, @NotNull Kind kind,
        @NotBlank @Size(max = 4000) String nature, boolean leftRoom, @Size(max = 4000) String natureCy) {

    /** A declaration in English only. */
    public Declaration(String member, Kind kind, String nature, boolean leftRoom) {
        this(member, kind, nature, leftRoom, null);
    }

    /** The kinds of interest of the members' code of conduct. */
    public enum Kind {
        DISCLOSABLE_PECUNIARY("Disclosable pecuniary interest"),
        OTHER_REGISTRABLE("Other registrable interest"),
        NON_REGISTRABLE("Non-registrable interest");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
