package org.councilflow.common.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.councilflow.common.ConflictException;
import org.councilflow.common.InvalidFieldException;
import org.councilflow.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ConstraintViolationException;

/** Every API error as an RFC 9457 problem document with a message a person can act on. */
@RestControllerAdvice(basePackages = "org.councilflow")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Changed by someone else",
                "Someone else changed this since you loaded it. Reload it; your changes were not saved over theirs.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return fieldProblem(e.field(), e.problem());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some values are not valid.");
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList());
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "Conflict",
                "This would duplicate or break something that already exists. Nothing was changed.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        // method security says only "Access Denied"; our own refusals say why (e.g. four-eyes)
        String detail = e.getMessage() == null || e.getMessage().equals("Access Denied")
                ? "Your roles in this council do not allow this." : e.getMessage();
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some values are not valid.");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some values are not valid.");
        problem.setProperty("errors", e.getAllErrors().stream()
                .map(error -> Map.of("message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /** A body that is no JSON, or whose JSON does not fit: the field it went wrong in, where Jackson knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictJson.UnacceptableTextException text) {
                return ResponseEntity.badRequest().body(fieldProblem(text.field(), text.problem()));
            }
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(fieldProblem(StrictJson.path(mapping), expectation(mapping)));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request body could not be read as the JSON this operation expects."));
    }

    /** A request parameter that cannot be taken (a NUL character, a word where a number is expected). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        Throwable cause = e.getMostSpecificCause();
        String problem = cause instanceof TextParameters.UnacceptableParameterException text ? text.getMessage()
                : "is not a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        return ResponseEntity.badRequest().body(fieldProblem(name == null ? "parameter" : name, problem));
    }

    private static ProblemDetail fieldProblem(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message + ".");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    /** What the field should have held, in words rather than Java types. */
    private static String expectation(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getOriginalMessage() != null
                && format.getOriginalMessage().startsWith("must be")) {
            return format.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return "is not valid here";
        }
        if (type == String.class || type == Character.class) {
            return "must be a text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date such as 2027-01-12";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time such as 2027-01-12T18:00:00Z";
        }
        if (type == java.util.UUID.class) {
            return "must be an id (a UUID)";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object with the fields this operation expects";
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
