package org.councilflow.workflow;

import java.util.UUID;

/**
 * Which of the inbox's tasks to show, for a paged, sorted view of it.
 *
 * @param scope all (mine and claimable), mine only, or claimable only
 * @param stage a stage's task key, or null for every stage
 * @param text words the report's title must contain, or null
 * @param overdueOnly only tasks past their due date
 * @param reportId only the tasks of one report, or null
 */
public record InboxQuery(Scope scope, String stage, String text, boolean overdueOnly, UUID reportId) {

    public static final InboxQuery EVERYTHING = new InboxQuery(Scope.ALL, null, null, false, null);

    public enum Scope {
        ALL, MINE, CLAIMABLE
    }

    public enum Sort {
        CREATED, DUE, STAGE
    }

    public InboxQuery {
        scope = scope == null ? Scope.ALL : scope;
        text = text == null || text.isBlank() ? null : text.strip();
        stage = stage == null || stage.isBlank() ? null : stage;
    }

    public static InboxQuery forReport(UUID reportId) {
        return new InboxQuery(Scope.ALL, null, null, false, reportId);
    }
}
