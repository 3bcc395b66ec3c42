package org.councilflow.tenancy.web;

import org.councilflow.tenancy.PlatformTenants.OnboardingFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(assignableTypes = PlatformTenantController.class)
class TenancyProblems {

    private static final Logger log = LoggerFactory.getLogger(TenancyProblems.class);

    @ExceptionHandler(OnboardingFailedException.class)
    ProblemDetail onboardingFailed(OnboardingFailedException e) {
        log.warn("{}", e.getMessage(), e.getCause());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Onboarding failed");
        return problem;
    }
}
