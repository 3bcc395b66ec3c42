package org.councilflow.common;

import org.springframework.security.access.AccessDeniedException;

/** A person's roles allow the action but a rule about them does not (four-eyes), with its {@link Refusal}. */
public class RefusedAccessException extends AccessDeniedException implements Refusal.Refused {

    private final transient Refusal refusal;

    public RefusedAccessException(Refusal refusal) {
        super(refusal.english());
        this.refusal = refusal;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }
}
