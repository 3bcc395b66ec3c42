package org.councilflow.documents;

/** An upload was refused (its type or size); nothing was stored. */
public class DocumentRefusedException extends RuntimeException {

    private final boolean tooLarge;

    public DocumentRefusedException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public boolean isTooLarge() {
        return tooLarge;
    }
}
