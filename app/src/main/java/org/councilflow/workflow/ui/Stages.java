package org.councilflow.workflow.ui;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.councilflow.workflow.CycleTask;

/** The cycle's stages as staff name them, and the view where each is worked. */
final class Stages {

    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("draftUpdate", "Draft update");
        LABELS.put("managerSignOff", "Manager sign-off");
        LABELS.put("boardReview", "Improvement board review");
        LABELS.put("scheduleToCommittee", "Schedule to committee");
        LABELS.put("recordDecision", "Record decision");
        LABELS.put("publishDecision", "Publish decision");
        LABELS.put("scrutiny", "Scrutiny (called in)");
    }

    private static final Method ESCALATED = escalatedAccessor();

    private Stages() {
    }

    static String label(String stage) {
        return LABELS.getOrDefault(stage, stage);
    }

    /** Where a task of this stage is worked. */
    static String path(String stage, UUID reportId) {
        String report = "reports/" + reportId;
        return switch (stage) {
            case "draftUpdate" -> report + "/edit";
            case "managerSignOff", "boardReview" -> report + "/review";
            case "scheduleToCommittee", "recordDecision", "publishDecision" -> report + "/committee";
            default -> report + "/history";
        };
    }

    static String path(CycleTask task) {
        return path(task.stage(), task.reportId());
    }

    /**
     * Whether a task has been escalated. Escalation is being added to the workflow as a field of {@link CycleTask};
     * until it arrives this reads it if present and answers false otherwise.
     * TODO use CycleTask.escalated() directly once escalation has landed.
     */
    static boolean escalated(CycleTask task) {
        if (ESCALATED == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(ESCALATED.invoke(task));
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Method escalatedAccessor() {
        try {
            Method method = CycleTask.class.getMethod("escalated");
            return method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
