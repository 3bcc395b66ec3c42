package org.councilflow.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.councilflow.CouncilFlowApplication;
import org.councilflow.devservices.DevServices;
import org.councilflow.support.DevServicesInitializer;
import org.councilflow.support.DevServicesProperties;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two instances of the application against one PostgreSQL, both running Flowable's async executor: a batch of
 * background jobs runs exactly once between them, and when one instance dies holding jobs (its connections cut,
 * its work in flight rolled back, its locks left behind, as after SIGKILL) the other picks them up once the locks
 * expire. The engine's clock is moved past the lock expiry instead of waiting for it.
 */
class ReplicasIntegrationTests {

    static final int HALF = 20;

    final JdbcClient superuser = superuser();
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    @AfterEach
    void stop() {
        if (a != null && a.isActive()) {
            ProcessEngine engine = a.getBean(ProcessEngine.class);
            engine.getRepositoryService().createDeploymentQuery().deploymentName("replica-probe").list()
                    .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
        }
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { b, a }) {
            if (instance != null && instance.isActive()) {
                instance.close();
            }
        }
        superuser.sql("DROP TABLE IF EXISTS public.replica_probe").update();
    }

    @Test
    void aBatchOfJobsRunsExactlyOnceAcrossTwoInstancesAndNoneIsStuckWhenOneDies() {
        superuser.sql("CREATE TABLE public.replica_probe (process_instance text NOT NULL, replica text NOT NULL)").update();
        superuser.sql("GRANT SELECT, INSERT ON public.replica_probe TO " + DevServices.postgres().username()).update();
        Probe probeA = new Probe("a");
        Probe probeB = new Probe("b");
        a = start("a", probeA);
        b = start("b", probeB);
        ProcessEngine engineA = a.getBean(ProcessEngine.class);
        ProcessEngine engineB = b.getBean(ProcessEngine.class);
        engineA.getRepositoryService().createDeployment().name("replica-probe")
                .addClasspathResource("replicas/replica-probe.bpmn20.xml").deploy();

        // both alive: jobs created on either instance, run by whichever gets them
        for (int i = 0; i < HALF; i++) {
            startProbe(i % 2 == 0 ? engineA : engineB);
        }
        await("the first half ran").atMost(Duration.ofMinutes(2)).until(() -> recorded(null) == HALF);
        assertThat(runsPerInstance()).hasSize(HALF).allSatisfy(run -> assertThat(run).as("ran exactly once").isEqualTo(1));

        // b takes the second half on and is busy with it when it dies
        probeB.blockFromNow = true;
        for (int i = 0; i < HALF; i++) {
            startProbe(engineB);
        }
        await("b holds jobs and none waits unclaimed").atMost(Duration.ofMinutes(2)).until(() -> probeB.blocked.get() > 0
                && superuser.sql("SELECT count(*) FROM public.act_ru_job WHERE lock_owner_ IS NULL").query(Long.class).single() == 0);
        long lockedByB = lockedBy("replica-b");
        kill(b, probeB);
        assertThat(lockedByB).as("jobs b held when it died").isPositive();
        assertThat(lockedBy("replica-b")).as("a killed instance leaves its locks behind").isEqualTo(lockedByB);

        // past the lock expiry: instance a's reset of expired jobs hands them back, and a runs them
        engineA.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
        try {
            await("every job ran").atMost(Duration.ofMinutes(2)).until(() -> recorded(null) == 2L * HALF);
        } finally {
            engineA.getProcessEngineConfiguration().getClock().reset();
        }

        assertThat(runsPerInstance()).hasSize(2 * HALF).allSatisfy(run -> assertThat(run).as("ran exactly once").isEqualTo(1));
        assertThat(engineA.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("replicaProbe")
                .finished().count()).isEqualTo(2L * HALF);
        var management = engineA.getManagementService();
        assertThat(management.createJobQuery().list()).as("no job of a process left behind")
                .noneMatch(job -> job.getProcessInstanceId() != null);
        assertThat(management.createDeadLetterJobQuery().count()).as("none dead").isZero();
    }

    private static void startProbe(ProcessEngine engine) {
        engine.getRuntimeService().createProcessInstanceBuilder().processDefinitionKey("replicaProbe")
                .tenantId("barnet").fallbackToDefaultTenant().overrideProcessDefinitionTenantId("barnet").start();
    }

    private List<Integer> runsPerInstance() {
        return superuser.sql("SELECT count(*) FROM public.replica_probe GROUP BY process_instance").query(Integer.class).list();
    }

    private long lockedBy(String owner) {
        return superuser.sql("SELECT count(*) FROM public.act_ru_job WHERE lock_owner_ = ?").param(owner).query(Long.class).single();
    }

    /** As the database's superuser: set-up outside the application under test (the database exists first). */
    private static JdbcClient superuser() {
        DevServicesProperties.get();
        return JdbcClient.create(DevServices.postgres().superuserDataSource(DevServicesProperties.TEST_DATABASE));
    }

    private long recorded(String replica) {
        return replica == null
                ? superuser.sql("SELECT count(*) FROM public.replica_probe").query(Long.class).single()
                : superuser.sql("SELECT count(*) FROM public.replica_probe WHERE replica = ?").param(replica).query(Long.class).single();
    }

    private ConfigurableApplicationContext start(String name, Probe probe) {
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(CouncilFlowApplication.class)
                .initializers(new DevServicesInitializer())
                .run("--server.port=0",
                        "--management.server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.hikari.data-source-properties.ApplicationName=replica-" + name,
                        "--flowable.async-executor-activate=true",
                        "--flowable.process.async.executor.lock-owner=replica-" + name,
                        // a killed process hands nothing back
                        "--flowable.process.async.executor.unlock-owned-jobs=" + !"b".equals(name),
                        "--flowable.process.async.executor.default-async-job-acquire-wait-time=PT0.2S",
                        "--flowable.process.async.executor.default-timer-job-acquire-wait-time=PT0.2S",
                        "--flowable.process.async.executor.reset-expired-jobs-interval=PT0.5S");
        probe.jdbc = new JdbcTemplate(instance.getBean(DataSource.class));
        ProbeDelegate.PROBES.put("replica-" + name, probe);
        return instance;
    }

    /** As SIGKILL leaves things: the instance's connections cut (in-flight work rolled back), its locks left. */
    private void kill(ConfigurableApplicationContext instance, Probe probe) {
        ((HikariDataSource) instance.getBean(DataSource.class)).close();
        superuser.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")
                .param("replica-" + probe.replica)
                .query().listOfRows();
        probe.gate.countDown(); // the blocked job threads find no database any more
        instance.close();
    }

    /**
     * The probe process's service task. A class, not an expression: expressions reach only the report cycle's beans
     * (ADR 0001). It finds the probe of the instance whose executor runs the job by the executor's lock owner.
     */
    public static class ProbeDelegate implements JavaDelegate {
        static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();

        @Override
        public void execute(DelegateExecution execution) {
            String owner = CommandContextUtil.getProcessEngineConfiguration().getAsyncExecutor().getLockOwner();
            try {
                PROBES.get(owner).record(execution);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while blocked", e);
            }
        }
    }

    /** The background work: records, in the job's transaction, that it ran and where. */
    public static class Probe {
        final String replica;
        final AtomicInteger blocked = new AtomicInteger();
        final CountDownLatch gate = new CountDownLatch(1);
        volatile boolean blockFromNow;
        volatile JdbcTemplate jdbc;

        Probe(String replica) {
            this.replica = replica;
        }

        public void record(DelegateExecution execution) throws InterruptedException {
            if (blockFromNow) {
                blocked.incrementAndGet();
                gate.await(); // busy when it dies, holding the job's lock
            }
            jdbc.update("INSERT INTO public.replica_probe (process_instance, replica) VALUES (?, ?)",
                    execution.getProcessInstanceId(), replica);
        }
    }
}
