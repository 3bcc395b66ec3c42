package org.councilflow.workflow.web;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Two people acting on the same task at the same moment: the engine notices when the loser's transaction commits,
 * after the service has had its say. One wins; the other is told, and nothing of theirs is saved.
 */
@RestControllerAdvice(basePackages = "org.councilflow")
class EngineProblems {

    @ExceptionHandler(FlowableOptimisticLockingException.class)
    ProblemDetail concurrent(FlowableOptimisticLockingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else acted on this task at the same moment and got there first; reload it. Nothing you sent was saved.");
        problem.setTitle("Conflict");
        return problem;
    }
}
