package org.councilflow.documents;

/** An upload was refused (its type, its size, or what is inside it); nothing was stored. */
public class DocumentRefusedException extends RuntimeException {

    /** Why, as the problem document names it. */
    public enum Reason {
        /** not a PDF, Word or Excel document, or empty */
        NOT_ACCEPTED("not-accepted"),
        /** larger than accepted, or expands (a zip bomb) to more than is accepted */
        TOO_LARGE("too-large"),
        /** claims to be a document of its type but does not parse as one */
        UNREADABLE("unreadable"),
        /** needs a password to open */
        ENCRYPTED("encrypted"),
        /** carries JavaScript or actions that launch programs */
        ACTIVE_CONTENT("active-content");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public DocumentRefusedException(String message, boolean tooLarge) {
        this(message, tooLarge ? Reason.TOO_LARGE : Reason.NOT_ACCEPTED);
    }

    public DocumentRefusedException(String message, Reason reason) {
        super(message);
        this.reason = reason;
    }

    public boolean isTooLarge() {
        return reason == Reason.TOO_LARGE;
    }

    public Reason reason() {
        return reason;
    }
}
