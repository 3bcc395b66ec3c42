package org.councilflow.workflow;

import java.util.Arrays;
import java.util.Optional;

import org.councilflow.identity.Role;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The stages of the shared report cycle, by their task key in the BPMN, with the role whose holders work them. */
public enum CycleStage {
    DRAFT_UPDATE("draftUpdate", "Draft update", Role.AUTHOR),
    MANAGER_SIGN_OFF("managerSignOff", "Manager sign-off", Role.MANAGER),
    BOARD_REVIEW("boardReview", "Improvement board review", Role.BOARD_CHAIR),
    PRE_COMMITTEE_SCRUTINY("preCommitteeScrutiny", "Pre-committee scrutiny", Role.CLERK),
    SCHEDULE_TO_COMMITTEE("scheduleToCommittee", "Schedule to committee", Role.CLERK),
    RECORD_DECISION("recordDecision", "Record decision", Role.CLERK),
    PUBLISH_DECISION("publishDecision", "Publish decision", Role.CLERK),
    SCRUTINY("scrutiny", "Scrutiny of a called-in decision", Role.CLERK);

    private final String key;
    private final String title;
    private final Role role;

    CycleStage(String key, String title, Role role) {
        this.key = key;
        this.title = title;
        this.role = role;
    }

    /** The task key in the BPMN and the name in the API. */
    @JsonValue
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** Whose holders may work the stage. */
    public Role role() {
        return role;
    }

    public static Optional<CycleStage> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    @JsonCreator
    static CycleStage fromJson(String key) {
        return fromKey(key).orElseThrow(() -> new IllegalArgumentException("Unknown stage '" + key + "'"));
    }
}
