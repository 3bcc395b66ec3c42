package org.councilflow.documents.web;

import org.councilflow.documents.DocumentRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(basePackages = "org.councilflow")
class DocumentProblems {

    @ExceptionHandler(DocumentRefusedException.class)
    ProblemDetail refused(DocumentRefusedException e) {
        HttpStatus status = e.isTooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage() + ". Nothing was stored.");
        problem.setTitle(e.isTooLarge() ? "File too large" : "File type not accepted");
        return problem;
    }
}
