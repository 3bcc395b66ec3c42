package org.councilflow.common;

/** The thing asked for does not exist in the caller's council (or the caller may not know that it does). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
