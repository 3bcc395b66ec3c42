package org.councilflow.common;

/**
 * The request collides with the current state: a duplicate, a stale version, a task someone else completed. The
 * message says what happened and, where known, who did it; raised with a {@link Refusal}, the staff UI says it in
 * the person's language.
 */
public class ConflictException extends RuntimeException implements Refusal.Refused {

    private final transient Refusal refusal;

    public ConflictException(String message) {
        super(message);
        this.refusal = null;
    }

    public ConflictException(Refusal refusal) {
        super(refusal.english());
        this.refusal = refusal;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }
}
