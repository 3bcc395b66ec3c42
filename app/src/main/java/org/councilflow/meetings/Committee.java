package org.councilflow.meetings;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A committee of the council, e.g. "Children, Education &amp; Safeguarding Committee".
 *
 * @param scrutiny whether this committee hears call-ins of decisions
 * @param nameCy its name in Welsh, where the council gives one (ADR 0017)
 */
public record Committee(UUID id, String name, String purpose, boolean scrutiny, List<Member> members, int version,
        String nameCy) {

    public enum MemberRole {
        CHAIR, VICE_CHAIR, MEMBER, CO_OPTED
    }

    /** @param username the member's CouncilFlow login, when they have one */
    public record Member(@NotBlank @Size(max = 200) String name, @NotNull MemberRole role, @Size(max = 200) String username) {
    }

    /** What a tenant administrator sends to create or change a committee ({@code nameCy}: its Welsh name, optional). */
    public record Draft(
            @NotBlank @Size(min = 2, max = 200) String name,
            @Size(max = 4000) String purpose,
            boolean scrutiny,
            @NotNull @Size(max = 100) List<@Valid @NotNull Member> members,
            @Size(min = 2, max = 200) String nameCy) {

        public Draft(String name, String purpose, boolean scrutiny, List<Member> members) {
            this(name, purpose, scrutiny, members, null);
        }
    }
}
