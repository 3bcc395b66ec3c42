package org.councilflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.DevServicesProperties;
import org.councilflow.support.IntegrationTest;
import org.councilflow.workflow.CycleStage;
import org.councilflow.workflow.internal.VariantStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Councils and their cycle variants held in memory for each request (ADR 0026): not read again while unchanged, not
 * dropped by the council's everyday writes, dropped at once by a change on this instance and within moments by one
 * committed elsewhere (another replica, here SQL as the database's superuser).
 */
@IntegrationTest
class HeldCouncilsIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    KnownCouncils councils;

    @Autowired
    PublicSiteChanges changes;

    @Autowired
    VariantStore variants;

    @Autowired
    PlatformTransactionManager transactions;

    Api api;

    @BeforeEach
    void listening() {
        api = new Api(rest);
        await().atMost(Duration.ofSeconds(30)).until(changes::listening);
    }

    @Test
    void aHeldCouncilIsKeptThroughItsEverydayWritesAndDroppedWhenItsSettingsChange() {
        assertThat(api.get("barnet.clerk", "/api/t/barnet/tasks").getStatusCode()).isEqualTo(HttpStatus.OK);
        Tenant held = councils.bySlug("barnet").orElseThrow();
        assertThat(councils.bySlug("barnet").orElseThrow()).as("not read again").isSameAs(held);

        assertThat(api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of("committeeId", DemoData.BARNET_CES_COMMITTEE,
                "startsAt", "2031-03-03T18:00:00Z", "venue", "Hendon Town Hall")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(councils.bySlug("barnet").orElseThrow()).as("a meeting is not the council's row").isSameAs(held);

        JsonNode council = api.get("barnet.tenant-admin", "/api/t/barnet").getBody();
        assertThat(api.put("barnet.tenant-admin", "/api/t/barnet/settings", Map.of("displayName", "Barnet Council",
                "version", council.get("version").asInt(), "settings", council.get("settings"))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(councils.bySlug("barnet").orElseThrow().displayName()).as("at once, on this instance")
                .isEqualTo("Barnet Council");
    }

    @Test
    void aCouncilSuspendedElsewhereIsRefusedWithinMomentsAndServedAgainWhenReactivated() throws SQLException {
        assertThat(api.get("barnet.clerk", "/api/t/barnet/tasks").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(councils.bySlug("barnet").orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        try {
            asAnotherReplica("UPDATE app.tenant SET status = 'SUSPENDED', status_reason = 'Contract ended' WHERE id = 'barnet'");
            await("refused once the notification arrives").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> api.get("barnet.clerk", "/api/t/barnet/tasks").getStatusCode() == HttpStatus.FORBIDDEN);
            assertThat(api.get("barnet.clerk", "/api/t/barnet/tasks").getBody().get("detail").asText())
                    .contains("suspended").contains("Contract ended");
        } finally {
            asAnotherReplica("UPDATE app.tenant SET status = 'ACTIVE', status_reason = NULL WHERE id = 'barnet'");
        }
        await("served again").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> api.get("barnet.clerk", "/api/t/barnet/tasks").getStatusCode() == HttpStatus.OK);
    }

    @Test
    void aVariantChangedElsewhereIsAppliedToTheNextStageWithinMoments() throws SQLException {
        TenantContext.runInTenant("barnet", () -> assertThat(reminderDays()).isNull());
        asAnotherReplica("INSERT INTO app.workflow_variant_stage (tenant_id, stage, reminder_days) VALUES ('barnet', 'boardReview', 2)");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> TenantContext.supplyInTenant("barnet", this::reminderDays), days -> Integer.valueOf(2).equals(days));
        TenantContext.runInTenant("tower-hamlets", () -> assertThat(reminderDays()).as("only Barnet's").isNull());
    }

    /** As a stage's start reads it: inside the council's transaction. */
    private Integer reminderDays() {
        List<org.councilflow.workflow.WorkflowVariant.StageLevel> stages = new TransactionTemplate(transactions)
                .execute(status -> variants.forCycle().stages());
        return stages.stream().filter(s -> s.stage() == CycleStage.BOARD_REVIEW).findFirst().orElseThrow().reminderDays();
    }

    private static void asAnotherReplica(String sql) throws SQLException {
        try (Connection connection = DevServices.postgres().superuserConnection(DevServicesProperties.TEST_DATABASE);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
