package org.councilflow.minutes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.councilflow.meetings.Committee.MemberRole;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Who was at a meeting, as the minutes record it: the committee's members (present, apologies, a substitute and for
 * whom, absent), the officers present, and others who attended or were welcomed as witnesses, each with their role
 * ("Executive Director – People").
 *
 * @param version 0 until the attendance is first recorded; a change names the version it was made from
 */
public record Attendance(UUID meetingId, List<Member> members, List<Person> officers, List<Guest> others, int version,
        String updatedBy, Instant updatedAt) {

    public enum Presence {
        PRESENT, APOLOGIES, SUBSTITUTE, ABSENT
    }

    public enum GuestKind {
        WITNESS, OTHER
    }

    /**
     * A councillor on the committee at this meeting.
     *
     * @param substituteFor the member this one sat in for; given exactly when {@code presence} is SUBSTITUTE
     */
    public record Member(@NotBlank @Size(max = 200) String name, @NotNull MemberRole role, @NotNull Presence presence,
            @Size(min = 1, max = 200) String substituteFor) {
    }

    /**
     * An officer present, with their post ({@code roleCy}: the post in Welsh, optional; ADR 0017; left out of the JSON
     * where there is none, so that an English-only council's attendance reads back as it was sent).
     */
    public record Person(@NotBlank @Size(max = 200) String name, @Size(max = 300) String role,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 300) String roleCy) {

        public Person(String name, String role) {
            this(name, role, null);
        }
    }

    /**
     * Someone else at the meeting: a witness welcomed to it, or another attendee (e.g. a member not on the committee),
     * with the role they came in ({@code roleCy}: in Welsh, optional).
     */
    public record Guest(@NotBlank @Size(max = 200) String name, @Size(max = 300) String role, @NotNull GuestKind kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 300) String roleCy) {

        public Guest(String name, String role, GuestKind kind) {
            this(name, role, kind, null);
        }
    }

    /** What the clerk records. */
    public record Draft(@NotNull @Size(max = 100) List<@Valid @NotNull Member> members,
            @NotNull @Size(max = 100) List<@Valid @NotNull Person> officers,
            @NotNull @Size(max = 100) List<@Valid @NotNull Guest> others) {
    }
}
