package org.councilflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApplicationIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    org.flywaydb.core.Flyway flyway;

    /** Actuator is on the management port (a random one in tests), never on the public one. */
    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    private String management(String path) {
        return "http://localhost:" + managementPort + path;
    }

    @Test
    void runsOnPostgresqlWithOurMigrationsInSchemaAppAndFlowableTablesInPublic() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        // Flyway migrates as the schema's owner, whose history the application's own role cannot even read
        assertThat(flyway.info().current()).isNotNull();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(jdbc.sql("SELECT has_table_privilege('app.flyway_schema_history', 'SELECT')").query(Boolean.class)
                .single()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'act_ru_task'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Autowired
    org.flowable.engine.RepositoryService processes;

    @Test
    void theEngineDeploysTheSharedReportCycleFromTheWorkflowsModuleWithoutTenant() {
        var definition = processes.createProcessDefinitionQuery().processDefinitionKey("reportCycle").latestVersion()
                .singleResult();

        assertThat(definition).isNotNull();
        assertThat(definition.getTenantId()).isEmpty();
        assertThat(definition.hasGraphicalNotation()).isTrue();
    }

    @Test
    void theApplicationsDatabaseRoleCannotBypassRowLevelSecurity() {
        record RoleFlags(boolean rolsuper, boolean rolbypassrls) {
        }
        RoleFlags flags = jdbc.sql("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query(RoleFlags.class).single();

        assertThat(flags.rolsuper()).isFalse();
        assertThat(flags.rolbypassrls()).isFalse();
    }

    @Test
    void livenessAndReadinessAreUpAndPublic() {
        assertThat(rest.getForEntity(management("/actuator/health/liveness"), String.class).getBody()).contains("\"UP\"");
        assertThat(rest.getForEntity(management("/actuator/health/readiness"), String.class).getBody()).contains("\"UP\"");
    }

    @Test
    void otherActuatorEndpointsAreNotOpen() {
        assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).as("not on the public port")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity(management("/actuator/env"), String.class).getStatusCode())
                .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
}
