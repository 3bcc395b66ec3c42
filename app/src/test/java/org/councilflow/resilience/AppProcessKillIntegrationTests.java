package org.councilflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.CycleDriver;
import org.councilflow.support.DemoData;
import org.councilflow.support.DevServicesProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application's process is killed (SIGKILL) in the middle of a batch of report cycles and started again. Its
 * clients wait for it and carry on; every cycle completes exactly once. The process runs from this test JVM's
 * class path, against the run's shared PostgreSQL and Keycloak.
 */
class AppProcessKillIntegrationTests {

    static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");
    static final Instant MEETING = Instant.parse("2026-11-18T18:00:00Z");

    final int port = DevServices.freePort();
    /** Actuator's port, the same after the restart: the clients watch its health there. */
    final int managementPort = DevServices.freePort();
    final Path logs = Path.of("target", "app-process");
    AppProcess app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void killedMidBatchAndRestartedEveryCycleCompletesExactlyOnce() throws Exception {
        app = AppProcess.start(port, managementPort, MONDAY, DevServicesProperties.get(), logs.resolve("first.log"));
        DemoData.reset(DevServices.postgres(), DevServicesProperties.TEST_DATABASE);
        CycleDriver driver = new CycleDriver(app.baseUrl(), app.managementUrl() + "/actuator/health");
        CycleBatch batch = CycleBatch.arrange(driver, MEETING, 4);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> toCommittee = batch.drive(driver, clients, "recordDecision");
            await("a third of the batch's steps done").atMost(Duration.ofMinutes(2))
                    .until(() -> driver.completedSteps() >= batch.cycles().size() * 2);

            app.kill();
            int doneBeforeTheRestart = driver.completedSteps();
            await("clients notice nobody answers").atMost(Duration.ofMinutes(1)).until(() -> driver.unavailableAnswers() > 0);
            app = AppProcess.start(port, managementPort, MONDAY, DevServicesProperties.get(), logs.resolve("restarted.log"));
            for (Future<?> cycle : toCommittee) {
                cycle.get();
            }
            assertThat(driver.completedSteps()).as("the batch went on after the restart").isGreaterThan(doneBeforeTheRestart);

            app.setClock(MEETING.plus(Duration.ofHours(2)));
            for (Future<?> cycle : batch.drive(driver, clients, null)) {
                cycle.get();
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(driver.faults()).as("no 5xx from the application").isEmpty();
        batch.assertEachCompletedExactlyOnce(driver);
    }
}
