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
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case NOT_ACCEPTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNREADABLE, ENCRYPTED, ACTIVE_CONTENT -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage() + ". Nothing was stored.");
        problem.setTitle(switch (e.reason()) {
            case TOO_LARGE -> "File too large";
            case NOT_ACCEPTED -> "File type not accepted";
            case UNREADABLE, ENCRYPTED, ACTIVE_CONTENT -> "File refused";
        });
        problem.setProperty("reason", e.reason().code());
        return problem;
    }
}
