package org.councilflow.common;

/**
 * The request collides with the current state: a duplicate, a stale version, a task someone else completed. The
 * message says what happened and, where known, who did it.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
