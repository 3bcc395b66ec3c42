package org.councilflow.workflow;

import java.util.List;

import org.councilflow.common.InvalidFieldException;
import org.councilflow.common.Refusal;
import org.councilflow.meetings.Resolution;

/**
 * The Welsh fields of the committee stage's form (ADR 0023): {@code resolutionsCy} in the shape of
 * {@code resolutions}, {@code minutesCy} a text; both optional, with the English's limits, and a wrong one refused
 * naming its field.
 */
final class WelshDecision {

    private WelshDecision() {
    }

    static List<Resolution> resolutions(Object value) {
        try {
            return Resolution.fromForm(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("form.resolutionsCy", Refusal.of("decision.resolutionsForm"));
        }
    }

    /** The Welsh minutes, or null for none (blank too). */
    static String minutes(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > 200_000) {
            throw new InvalidFieldException("form.minutesCy", Refusal.of("decision.minutesText"));
        }
        return text.isBlank() ? null : text;
    }
}
