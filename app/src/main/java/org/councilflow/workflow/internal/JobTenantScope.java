package org.councilflow.workflow.internal;

import org.councilflow.tenancy.TenantContext;
import org.flowable.job.api.JobInfo;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.flowable.job.service.impl.asyncexecutor.JobExecutionObservation;
import org.flowable.job.service.impl.asyncexecutor.JobExecutionObservationProvider;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place a background job enters its council: the async executor starts observing a job before it locks
 * and runs it (each in its own transaction) and stops in {@code finally}, so every transaction of the job hands the
 * job's tenant to PostgreSQL's row-level security. Shared jobs (no tenant) run in no council.
 */
public class JobTenantScope implements JobExecutionObservationProvider {

    @Override
    public JobExecutionObservation create(JobInfo job) {
        return new JobExecutionObservation() {

            private TenantContext.Scope scope;

            @Override
            public void start() {
                scope = TenantContext.enter(job.getTenantId());
            }

            @Override
            public void stop() {
                if (scope != null) {
                    scope.close();
                    scope = null;
                }
            }

            @Override
            public Scope lockScope() {
                return () -> {
                };
            }

            @Override
            public void lockError(Throwable lockException) {
            }

            @Override
            public Scope executionScope() {
                return () -> {
                };
            }

            @Override
            public void executionError(Throwable exception) {
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        EngineConfigurationConfigurer<SpringProcessEngineConfiguration> jobTenantScope() {
            JobTenantScope scope = new JobTenantScope();
            return configuration -> {
                if (configuration.getAsyncExecutor() instanceof AbstractAsyncExecutor executor) {
                    executor.setJobExecutionObservationProvider(scope);
                } else {
                    throw new IllegalStateException("Expected Flowable's async executor to be configured before its "
                            + "configurers run; jobs would run without their council");
                }
            };
        }
    }
}
