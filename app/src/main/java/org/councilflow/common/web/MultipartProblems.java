package org.councilflow.common.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body is parsed before a controller is chosen, and there an advice limited to our packages (as
 * {@link ProblemDetailsAdvice} is) does not apply: without this, a malformed or boundary-less multipart request
 * was a 500. Nothing is stored from such a request.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartProblems {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return ProblemDetailsAdvice.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                "The upload is larger than the largest request accepted. Nothing was stored.");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformed(MultipartException e) {
        return ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The multipart/form-data body could not be read (a missing boundary or a truncated part). Nothing was stored.");
    }
}
