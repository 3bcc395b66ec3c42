package org.councilflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security alone keeps councils apart, even for a query that forgets its tenant filter. */
@IntegrationTest
class RowLevelSecurityIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aQueryWithoutATenantFilterSeesOnlyTheCurrentCouncilsRows() {
        long barnet = inTenant("barnet", () -> jdbc.sql("SELECT count(*) FROM app.committee").query(Long.class).single());
        long all = inTenant("barnet", () -> jdbc.sql("SELECT count(DISTINCT tenant_id) FROM app.committee").query(Long.class).single());
        String tenants = inTenant("tower-hamlets", () -> jdbc.sql("SELECT string_agg(DISTINCT id, ',') FROM app.tenant").query(String.class).single());

        assertThat(barnet).isEqualTo(2);
        assertThat(all).isEqualTo(1);
        assertThat(tenants).isEqualTo("tower-hamlets");
    }

    @Test
    void aTransactionOutsideAnyCouncilSeesNoTenantRows() {
        Long committees = transactions.execute(s -> jdbc.sql("SELECT count(*) FROM app.committee").query(Long.class).single());
        Long councils = transactions.execute(s -> jdbc.sql("SELECT count(*) FROM app.tenant").query(Long.class).single());

        assertThat(committees).isZero();
        assertThat(councils).isZero();
    }

    @Test
    void aCouncilCannotWriteRowsIntoAnotherCouncil() {
        assertThatThrownBy(() -> inTenant("barnet", () -> jdbc.sql(
                "INSERT INTO app.committee (id, tenant_id, name) VALUES (:id, 'tower-hamlets', 'Planted committee')")
                .param("id", UUID.randomUUID()).update()))
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void aCouncilCannotUpdateOrDeleteAnotherCouncilsRows() {
        int updated = inTenant("barnet", () -> jdbc.sql("UPDATE app.committee SET name = 'Renamed' WHERE tenant_id = 'tower-hamlets'").update());
        int deleted = inTenant("barnet", () -> jdbc.sql("DELETE FROM app.committee_member").update());
        long towerHamletsMembers = inTenant("tower-hamlets", () -> jdbc.sql("SELECT count(*) FROM app.committee_member").query(Long.class).single());

        assertThat(updated).isZero();
        assertThat(deleted).as("Barnet's own two members").isEqualTo(2);
        assertThat(towerHamletsMembers).isEqualTo(1);
    }

    @Test
    void theAuditTrailIsAppendOnly() {
        inTenant("barnet", () -> jdbc.sql("""
                INSERT INTO app.audit_event (tenant_id, actor, action, subject_type, subject_id)
                VALUES ('barnet', 'test', 'test.done', 'test', '1')""").update());

        assertThatThrownBy(() -> inTenant("barnet", () -> jdbc.sql("UPDATE app.audit_event SET actor = 'someone else'").update()))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> inTenant("barnet", () -> jdbc.sql("DELETE FROM app.audit_event").update()))
                .rootCause().hasMessageContaining("append-only");
    }

    private <T> T inTenant(String tenant, java.util.function.Supplier<T> query) {
        return TenantContext.supplyInTenant(tenant, () -> transactions.execute(status -> query.get()));
    }
}
