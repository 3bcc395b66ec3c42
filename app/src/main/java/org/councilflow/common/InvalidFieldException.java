package org.councilflow.common;

import java.util.Locale;

/** A value of a request is not acceptable; the API answers 400 with a problem document naming the field. */
public class InvalidFieldException extends IllegalArgumentException implements Refusal.Refused {

    private final String field;
    private final String problem;
    private final transient Refusal refusal;

    /**
     * @param field the field as the request named it ({@code settings.bankHolidays[0].day})
     * @param problem what is wrong with it, to follow the field's name ("must be a text")
     */
    public InvalidFieldException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
        this.refusal = null;
    }

    /** As above, the problem as a {@link Refusal} the staff UI can say in the person's language. */
    public InvalidFieldException(String field, Refusal problem) {
        super(field + " " + problem.english());
        this.field = field;
        this.problem = problem.english();
        this.refusal = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }

    @Override
    public String describe(Locale locale) {
        return refusal == null ? getMessage() : field + " " + refusal.in(locale);
    }
}
