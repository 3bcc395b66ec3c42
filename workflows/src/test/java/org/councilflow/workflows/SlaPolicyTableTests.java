package org.councilflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.councilflow.devservices.DevServices;
import org.flowable.dmn.api.DmnDecisionService;
import org.flowable.dmn.engine.DmnEngine;
import org.flowable.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

/** The shared service-level table on a bare DMN engine: one answer per stage and urgency, and sensible ones. */
class SlaPolicyTableTests {

    static DmnDecisionService decisions;

    @BeforeAll
    static void engine() {
        var postgres = DevServices.postgres();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.createFreshDatabase("councilflow_dmn_test"));
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(2);
        DmnEngine engine = DmnEngineConfiguration.createStandaloneDmnEngineConfiguration()
                .setDataSource(dataSource)
                .setDatabaseSchemaUpdate(DmnEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .buildDmnEngine();
        engine.getDmnRepositoryService().createDeployment().name("shared").addClasspathResource("dmn/sla-policy.dmn").deploy();
        decisions = engine.getDmnDecisionService();
    }

    @ParameterizedTest
    @ValueSource(strings = { "draftUpdate", "managerSignOff", "boardReview", "scheduleToCommittee", "recordDecision",
            "publishDecision", "scrutiny", "preCommitteeScrutiny" })
    void everyStageHasAServiceLevelAndUrgentIsShorterWithTheReminderBeforeTheDueDay(String stage) {
        Map<String, Object> normal = level(stage, "normal");
        Map<String, Object> urgent = level(stage, "urgent");

        assertThat(days(urgent, "workingDays")).isPositive().isLessThan(days(normal, "workingDays"));
        for (Map<String, Object> level : List.of(normal, urgent)) {
            assertThat(days(level, "reminderDays")).isNotNegative().isLessThan(days(level, "workingDays"));
            assertThat((String) level.get("escalateTo")).isIn("manager", "tenant-admin");
        }
    }

    @Test
    void theDraftStageAllowsTenWorkingDaysRemindsTwoBeforeAndTellsTheManagers() {
        assertThat(level("draftUpdate", "normal")).containsEntry("escalateTo", "manager");
        assertThat(days(level("draftUpdate", "normal"), "workingDays")).isEqualTo(10);
        assertThat(days(level("draftUpdate", "normal"), "reminderDays")).isEqualTo(2);
    }

    @Test
    void anUnknownStageHasNoServiceLevel() {
        assertThat(decisions.createExecuteDecisionBuilder().decisionKey("slaPolicy")
                .variable("stage", "lunch").variable("urgency", "normal").executeWithSingleResult()).isNullOrEmpty();
    }

    private static Map<String, Object> level(String stage, String urgency) {
        return decisions.createExecuteDecisionBuilder().decisionKey("slaPolicy")
                .variable("stage", stage).variable("urgency", urgency).executeWithSingleResult();
    }

    private static int days(Map<String, Object> level, String output) {
        return ((Number) level.get(output)).intValue();
    }
}
