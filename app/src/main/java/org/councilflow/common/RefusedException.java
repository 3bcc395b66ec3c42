package org.councilflow.common;

/**
 * A request a rule does not allow (a missing reason, a value out of range), where no single field is to blame: an
 * {@link IllegalArgumentException}, so the API answers 400 with the English text as before, carrying its
 * {@link Refusal} for the staff UI.
 */
public class RefusedException extends IllegalArgumentException implements Refusal.Refused {

    private final transient Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.english());
        this.refusal = refusal;
    }

    public static RefusedException of(String key, Object... args) {
        return new RefusedException(Refusal.of(key, args));
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }
}
