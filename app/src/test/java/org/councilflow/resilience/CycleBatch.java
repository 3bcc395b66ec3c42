package org.councilflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.CycleDriver;
import org.councilflow.support.DemoData;
import org.councilflow.support.DevServicesProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A batch of report cycles in two councils, each scheduled to a meeting of its council, and the check that after
 * whatever happened on the way each went through every stage exactly once.
 */
record CycleBatch(List<CycleDriver.Cycle> cycles) {

    static final Duration PATIENCE = Duration.ofMinutes(5);

    /** {@code perCouncil} reports in Barnet and in Tower Hamlets, and a meeting at {@code meetingAt} in each. */
    static CycleBatch arrange(CycleDriver driver, Instant meetingAt, int perCouncil) {
        JsonNode document = referenceReport();
        List<CycleDriver.Cycle> cycles = new ArrayList<>();
        for (String[] council : new String[][] { { "barnet", DemoData.BARNET_PLAN, DemoData.BARNET_CES_COMMITTEE },
                { "tower-hamlets", DemoData.TOWER_HAMLETS_PLAN, DemoData.TOWER_HAMLETS_CABINET } }) {
            String tenant = council[0];
            String meeting = driver.create("/api/t/" + tenant + "/meetings", tenant + ".clerk", Map.of(
                    "committeeId", council[2], "startsAt", meetingAt.toString(), "venue", "Town Hall"));
            for (int i = 0; i < perCouncil; i++) {
                String report = driver.create("/api/t/" + tenant + "/reports", tenant + ".author",
                        Map.of("planId", council[1], "document", document));
                cycles.add(new CycleDriver.Cycle(tenant, report, meeting));
            }
        }
        return new CycleBatch(List.copyOf(cycles));
    }

    /** Each cycle on a client thread of its own, until its open stage is {@code stopBefore} (null: to the end). */
    List<Future<?>> drive(CycleDriver driver, ExecutorService clients, String stopBefore) {
        return cycles.stream().<Future<?>>map(cycle -> clients.submit(() -> driver.drive(cycle, stopBefore, PATIENCE))).toList();
    }

    void assertEachCompletedExactlyOnce(CycleDriver driver) {
        JdbcClient superuser = JdbcClient.create(DevServices.postgres().superuserDataSource(DevServicesProperties.TEST_DATABASE));
        List<String> keys = cycles.stream().map(CycleDriver.Cycle::reportId).toList();
        List<UUID> reportIds = keys.stream().map(UUID::fromString).toList();

        assertThat(superuser.sql("SELECT business_key_ || ' ' || coalesce(end_act_id_, 'running') FROM act_hi_procinst "
                + "WHERE business_key_ IN (:keys)").param("keys", keys).query(String.class).list())
                .as("one cycle per report, each ended with its decision in effect")
                .containsExactlyInAnyOrderElementsOf(keys.stream().map(key -> key + " decisionEffective").toList());
        assertThat(superuser.sql("SELECT p.business_key_ || ' ' || t.task_def_key_ || ' x' || count(*) FROM act_hi_taskinst t "
                + "JOIN act_hi_procinst p ON p.proc_inst_id_ = t.proc_inst_id_ WHERE p.business_key_ IN (:keys) "
                + "GROUP BY p.business_key_, t.task_def_key_ HAVING count(*) <> 1").param("keys", keys).query(String.class).list())
                .as("no stage done twice").isEmpty();
        assertThat(superuser.sql("SELECT count(*) FROM act_ru_task t JOIN act_hi_procinst p ON p.proc_inst_id_ = t.proc_inst_id_ "
                + "WHERE p.business_key_ IN (:keys)").param("keys", keys).query(Long.class).single())
                .as("no task left open").isZero();
        assertThat(superuser.sql("SELECT count(*) FROM app.decision WHERE report_id IN (:ids)").param("ids", reportIds)
                .query(Long.class).single()).as("one decision per report").isEqualTo(cycles.size());
        assertThat(superuser.sql("SELECT report_id::text || ' x' || count(*) FROM app.report_version WHERE report_id IN (:ids) "
                + "GROUP BY report_id HAVING count(*) <> 1").param("ids", reportIds).query(String.class).list())
                .as("one version frozen per report (it was submitted once)").isEmpty();
        for (CycleDriver.Cycle cycle : cycles) {
            List<String> stages = driver.history(cycle);
            // in any order: the engine's clock stands still in these tests, so every stage of a phase has the same times
            assertThat(stages).as("the history of report " + cycle.reportId()).containsExactlyInAnyOrder("draftUpdate",
                    "managerSignOff", "boardReview", "scheduleToCommittee", "recordDecision", "publishDecision");
        }
    }

    private static JsonNode referenceReport() {
        try {
            return new ObjectMapper().readTree(CycleBatch.class.getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
