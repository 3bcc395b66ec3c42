package org.councilflow.common;

/** A value of a request is not acceptable; the API answers 400 with a problem document naming the field. */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    /**
     * @param field the field as the request named it ({@code settings.bankHolidays[0].day})
     * @param problem what is wrong with it, to follow the field's name ("must be a text")
     */
    public InvalidFieldException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
