package org.councilflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.job.api.Job;
import org.flowable.job.service.JobServiceConfiguration;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.flowable.job.service.impl.asyncexecutor.ExecuteAsyncRunnable;

/**
 * Runs a council's timers that are due by the engine's (moved) clock, each the way the async executor runs a job:
 * the same runnable, with the application's job observation that enters the job's council. Tests run them
 * themselves instead of waiting for the executor's poller.
 */
public final class DueTimers {

    private DueTimers() {
    }

    /** @return how many timers ran */
    public static int run(ProcessEngine engine, String tenant) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobServiceConfiguration jobs = configuration.getJobServiceConfiguration();
        AbstractAsyncExecutor executor = (AbstractAsyncExecutor) configuration.getAsyncExecutor();
        int ran = 0;
        for (Job timer : engine.getManagementService().createTimerJobQuery().jobTenantId(tenant).executable().list()) {
            Job job = engine.getManagementService().moveTimerToExecutableJob(timer.getId());
            new ExecuteAsyncRunnable(job, jobs, jobs.getJobEntityManager(), null,
                    executor.getJobExecutionObservationProvider()).run();
            ran++;
        }
        assertThat(engine.getManagementService().createTimerJobQuery().jobTenantId(tenant).withException().list())
                .as("timers that failed (the executor would retry them)").extracting(Job::getExceptionMessage).isEmpty();
        assertThat(engine.getManagementService().createJobQuery().jobTenantId(tenant).withException().list())
                .as("jobs that failed").extracting(Job::getExceptionMessage).isEmpty();
        return ran;
    }
}
