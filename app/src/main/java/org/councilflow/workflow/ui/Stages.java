package org.councilflow.workflow.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.councilflow.workflow.CycleTask;
import org.councilflow.common.ui.Words;

/** The cycle's stages as staff name them, and the view where each is worked. */
final class Stages {

    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("draftUpdate", "Draft update");
        LABELS.put("managerSignOff", "Manager sign-off");
        LABELS.put("boardReview", "Improvement board review");
        LABELS.put("preCommitteeScrutiny", "Pre-committee scrutiny");
        LABELS.put("scheduleToCommittee", "Schedule to committee");
        LABELS.put("recordDecision", "Record decision");
        LABELS.put("publishDecision", "Publish decision");
        LABELS.put("scrutiny", "Scrutiny (called in)");
    }

    private Stages() {
    }

    static String label(String stage) {
        if ("answerChallenge".equals(stage)) {
            return Words.t("stage.answerChallenge");
        }
        return LABELS.containsKey(stage) ? Words.t("stage." + stage) : stage;
    }

    /** Where a task of this stage is worked. */
    static String path(String stage, UUID reportId) {
        String report = "reports/" + reportId;
        return switch (stage) {
            case "draftUpdate" -> report + "/edit";
            case "managerSignOff", "boardReview", "answerChallenge" -> report + "/review";
            case "scheduleToCommittee", "recordDecision", "publishDecision" -> report + "/committee";
            default -> report + "/history";
        };
    }

    static String path(CycleTask task) {
        return path(task.stage(), task.reportId());
    }

    /** Whether a task went past its due date and was escalated. */
    static boolean escalated(CycleTask task) {
        return task.escalated();
    }
}
