package org.councilflow.tenancy.web;

import java.util.List;
import java.util.Map;

import org.councilflow.tenancy.Invitations.RefusedFieldException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A value the identity provider refused is the client's mistake: 400 naming the field, as for our own checks. */
@Order(Ordered.HIGHEST_PRECEDENCE) // before the general advice, which would answer it as any IllegalArgumentException
@RestControllerAdvice(assignableTypes = {TenantUserController.class, InvitationController.class})
class InvitationProblems {

    @ExceptionHandler(RefusedFieldException.class)
    ProblemDetail refused(RefusedFieldException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some values are not valid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }
}
