package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14 #1, defence in depth: SQL that the application's own database role runs — through any code path, an
 * expression a council managed to get evaluated included — cannot pick another council or the platform scope, nor
 * undo row-level security. Barnet is the victim, Tower Hamlets the attacker.
 */
@IntegrationTest
class TenantSettingForgeryAttackTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void settingAnotherCouncilInsideATransactionRevealsNoneOfItsRows() {
        long own = inTowerHamlets(() -> count("SELECT count(*) FROM app.committee"));
        long barnet = inTowerHamlets(() -> {
            jdbc.queryForList("SELECT set_config('councilflow.tenant', 'barnet', true)");
            return count("SELECT count(*) FROM app.committee WHERE tenant_id = 'barnet'")
                    + count("SELECT count(*) FROM app.tenant WHERE id = 'barnet'")
                    + count("SELECT count(*) FROM app.improvement_plan WHERE tenant_id = 'barnet'");
        });

        assertThat(own).as("the attacker's own two committees, before forging").isEqualTo(2);
        assertThat(barnet).isZero();
    }

    @Test
    void switchingThePlatformScopeOnRevealsNoCouncil() {
        long councils = inTowerHamlets(() -> {
            jdbc.queryForList("SELECT set_config('councilflow.platform', 'on', true)");
            return count("SELECT count(*) FROM app.tenant");
        });
        long asPlatformWithoutCouncil = inTowerHamlets(() -> {
            jdbc.queryForList("SELECT set_config('councilflow.tenant', '', true), set_config('councilflow.platform', 'on', true)");
            return count("SELECT count(*) FROM app.tenant");
        });

        assertThat(councils).as("not even its own: the settings no longer match their proof").isZero();
        assertThat(asPlatformWithoutCouncil).isZero();
    }

    @Test
    void aForgedCouncilCannotBeWrittenInto() {
        assertThatThrownBy(() -> inTowerHamlets(() -> {
            jdbc.queryForList("SELECT set_config('councilflow.tenant', 'barnet', true)");
            return jdbc.update("INSERT INTO app.committee (id, tenant_id, name) VALUES (?, 'barnet', 'Planted committee')",
                    UUID.randomUUID());
        })).rootCause().hasMessageContaining("row-level security");
        int renamed = inTowerHamlets(() -> {
            jdbc.queryForList("SELECT set_config('councilflow.tenant', 'barnet', true)");
            return jdbc.update("UPDATE app.committee SET name = 'Renamed' WHERE id = ?::uuid", DemoData.BARNET_CES_COMMITTEE);
        });

        assertThat(renamed).isZero();
    }

    @Test
    void aProofCopiedFromTheAttackersOwnTransactionDoesNotCarryAnotherCouncil() {
        long barnet = inTowerHamlets(() -> {
            String proof = jdbc.queryForObject("SELECT current_setting('councilflow.proof')", String.class);
            assertThat(proof).as("the transaction carries a proof").isNotBlank();
            jdbc.queryForList("SELECT set_config('councilflow.tenant', 'barnet', true), set_config('councilflow.proof', ?, true)",
                    proof);
            return count("SELECT count(*) FROM app.committee") + count("SELECT count(*) FROM app.tenant");
        });
        long madeUp = inTowerHamlets(() -> {
            String proof = jdbc.queryForObject("SELECT current_setting('councilflow.proof')", String.class);
            String[] part = proof.split(":");
            jdbc.queryForList("SELECT set_config('councilflow.tenant', 'barnet', true), set_config('councilflow.proof', ?, true)",
                    part[0] + ":" + part[1] + ":" + part[2] + ":" + "0".repeat(64));
            return count("SELECT count(*) FROM app.committee");
        });

        assertThat(barnet).isZero();
        assertThat(madeUp).isZero();
    }

    @Test
    void theRuntimeRoleCannotReadOrAddAProofKey() {
        assertThatThrownBy(() -> inTowerHamlets(() -> count("SELECT count(*) FROM tenant_proof.key")))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> inTowerHamlets(() -> jdbc.update(
                "INSERT INTO tenant_proof.key (id, inner_pad, outer_pad) VALUES (?, ?, ?)",
                UUID.randomUUID().toString(), new byte[64], new byte[64])))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> inTowerHamlets(() -> jdbc.queryForObject("SELECT app.tenant_proof_valid()", Boolean.class)))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void theRuntimeRoleCannotUndoRowLevelSecurity() {
        List<String> attacks = List.of(
                "ALTER TABLE app.committee NO FORCE ROW LEVEL SECURITY",
                "ALTER TABLE app.committee DISABLE ROW LEVEL SECURITY",
                "DROP POLICY tenant_isolation ON app.committee",
                "ALTER POLICY tenant_isolation ON app.committee USING (true)",
                "CREATE POLICY everything ON app.committee USING (true)",
                "CREATE OR REPLACE FUNCTION app.current_tenant() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'barnet' $$",
                "CREATE OR REPLACE FUNCTION app.tenant_proof_valid() RETURNS boolean LANGUAGE sql AS $$ SELECT true $$",
                "ALTER FUNCTION app.current_tenant() OWNER TO CURRENT_USER",
                "SET ROLE councilflow_owner",
                "CREATE TABLE app.planted (id int)");
        for (String attack : attacks) {
            assertThatThrownBy(() -> inTowerHamlets(() -> jdbc.update(attack))).as(attack)
                    .rootCause().message().containsAnyOf("must be owner", "permission denied");
        }
        long barnet = inTowerHamlets(() -> {
            jdbc.queryForList("SELECT set_config('councilflow.tenant', 'barnet', true)");
            return count("SELECT count(*) FROM app.committee");
        });

        assertThat(barnet).isZero();
    }

    @Test
    void everyPolicyAsksForTheCouncilOncePerStatement() {
        // a bare call is evaluated for every row; a scalar sub-select once, as an init plan
        Pattern bareCall = Pattern.compile("(?<!SELECT )app\\.(current_tenant|platform_scope)\\(\\)");
        List<String> policies = transactions.execute(status -> {
            jdbc.execute("SET LOCAL search_path = pg_catalog");
            return jdbc.queryForList("""
                    SELECT tablename || '.' || policyname || ': ' || coalesce(qual, '') || ' / ' || coalesce(with_check, '')
                    FROM pg_policies WHERE schemaname = 'app'""", String.class);
        });

        assertThat(policies).hasSizeGreaterThan(20);
        assertThat(policies).allSatisfy(policy -> {
            Matcher bare = bareCall.matcher(policy);
            assertThat(bare.find()).as(policy).isFalse();
        });
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private <T> T inTowerHamlets(Supplier<T> work) {
        return TenantContext.supplyInTenant("tower-hamlets", () -> transactions.execute(status -> work.get()));
    }
}
