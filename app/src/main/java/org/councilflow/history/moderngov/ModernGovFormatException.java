package org.councilflow.history.moderngov;

/** The source's XML could not be read as ModernGov's (malformed, unsafe, too large, or a required element missing). */
public class ModernGovFormatException extends IllegalArgumentException {

    public ModernGovFormatException(String message) {
        super(message);
    }
}
