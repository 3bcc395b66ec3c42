package org.councilflow.common.ui;

import java.util.stream.Collectors;

import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.common.Refusal;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import jakarta.validation.ConstraintViolationException;

/**
 * Tells a person plainly what happened to what they asked for. The services enforce every rule; a refusal arrives
 * here as an exception whose message is written for people, and is shown as such; one carrying a {@link Refusal}
 * is said in the UI's language.
 */
public final class Feedback {

    private Feedback() {
    }

    /** Runs an action; if a service refuses it, says why and returns false (nothing was changed). */
    public static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            String message = describe(e);
            if (message == null) {
                throw e;
            }
            error(message);
            return false;
        }
    }

    /** The readable reason of a refusal, or null if the exception is no refusal but a fault. */
    public static String describe(RuntimeException e) {
        if (e instanceof ConstraintViolationException invalid) {
            return Words.t("feedback.notSaved", invalid.getConstraintViolations().stream()
                    .map(v -> humanise(v.getPropertyPath().toString()) + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        if (e instanceof Refusal.Refused refused && refused.refusal() != null) {
            UI ui = UI.getCurrent();
            return refused.describe(ui == null ? StaffLanguage.ENGLISH : ui.getLocale());
        }
        if (e instanceof ConflictException || e instanceof IllegalArgumentException || e instanceof NotFoundException) {
            return e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return e.getMessage() == null || e.getMessage().equals("Access Denied")
                    ? Words.t("feedback.notAllowed") : e.getMessage();
        }
        return null;
    }

    public static void error(String message) {
        Notification notification = new Notification(message, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setAssertive(true);
        notification.open();
    }

    public static void success(String message) {
        Notification notification = new Notification(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.open();
    }

    private static String humanise(String path) {
        String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return last.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
