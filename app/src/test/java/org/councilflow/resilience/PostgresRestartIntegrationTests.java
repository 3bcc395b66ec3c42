package org.councilflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.PostgresService;
import org.councilflow.support.CycleDriver;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * PostgreSQL restarts while a batch of report cycles is under way. Requests meanwhile are answered 503 (nothing
 * saved, try again), health reports the outage, and once the database is back every cycle completes exactly once:
 * no stage lost, none done twice.
 */
@IntegrationTest
class PostgresRestartIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    /** Actuator is on the management port (a random one in tests), never on the public one. */
    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    private String management(String path) {
        return "http://localhost:" + managementPort + path;
    }

    @Autowired
    ProcessEngine engine;

    final PostgresService postgres = DevServices.postgres();

    @AfterEach
    void databaseRunsAgain() {
        postgres.startAgain();
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    @Test
    void aBatchOfCyclesOutlivesADatabaseRestartAndEachCompletesExactlyOnce() throws Exception {
        setClock("2026-11-02T09:00:00Z");
        CycleDriver driver = new CycleDriver("http://localhost:" + port, management("/actuator/health"));
        CycleBatch batch = CycleBatch.arrange(driver, Instant.parse("2026-11-18T18:00:00Z"), 4);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> toCommittee = batch.drive(driver, clients, "recordDecision");
            await("a third of the batch's steps done").atMost(Duration.ofMinutes(2))
                    .until(() -> driver.completedSteps() >= batch.cycles().size() * 2);

            postgres.shutDown();
            await("health reports the outage").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                    .until(() -> rest.getForEntity(management("/actuator/health"), String.class).getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE);
            await("clients are told the service is unavailable").atMost(Duration.ofMinutes(1))
                    .until(() -> driver.unavailableAnswers() > 0);
            assertThat(rest.getForEntity(management("/actuator/health/liveness"), String.class).getStatusCode())
                    .as("alive all the same: restarting it would not bring the database back").isEqualTo(HttpStatus.OK);
            int doneDuringOutage = driver.completedSteps();
            postgres.startAgain();
            await("health recovers").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                    .until(() -> rest.getForEntity(management("/actuator/health"), String.class).getStatusCode() == HttpStatus.OK);
            for (Future<?> cycle : toCommittee) {
                cycle.get();
            }
            assertThat(driver.completedSteps()).as("the batch went on after the restart").isGreaterThan(doneDuringOutage);

            setClock("2026-11-18T20:00:00Z");
            for (Future<?> cycle : batch.drive(driver, clients, null)) {
                cycle.get();
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(driver.faults()).as("outage answers are 503, never another 5xx").isEmpty();
        batch.assertEachCompletedExactlyOnce(driver);
    }

    private void setClock(String instant) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse(instant)));
    }
}
