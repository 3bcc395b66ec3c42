package org.councilflow.common.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Request parameters and form fields (a multipart upload's title, a query) are held to the same rule as JSON text
 * ({@link StrictJson}): no NUL character and no lone surrogate. A refusal names the parameter (400), where the
 * database would otherwise have refused the text (409 or 500).
 */
@ControllerAdvice(basePackages = "org.councilflow")
class TextParameters {

    @InitBinder
    void text(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String problem = text == null ? null : StrictJson.problem(text);
                if (problem != null) {
                    throw new UnacceptableParameterException(problem);
                }
                setValue(text);
            }
        });
    }

    static final class UnacceptableParameterException extends IllegalArgumentException {

        UnacceptableParameterException(String problem) {
            super(problem);
        }
    }
}
