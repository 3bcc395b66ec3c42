package org.councilflow.common;

/**
 * A state change that the audit trail records. Features publish these as application events inside the
 * transaction of the change; the audit feature writes them in that same transaction.
 *
 * @param tenant the council concerned, or null for the current one
 */
public record Audited(String tenant, String action, String subjectType, String subjectId, Object before,
        Object after) {

    public static Audited inCurrentTenant(String action, String subjectType, String subjectId, Object before,
            Object after) {
        return new Audited(null, action, subjectType, subjectId, before, after);
    }
}
