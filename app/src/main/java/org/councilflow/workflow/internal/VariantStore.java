package org.councilflow.workflow.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.councilflow.identity.Role;
import org.councilflow.tenancy.PublicSiteChanges;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.tenancy.Tenants;
import org.councilflow.workflow.CycleStage;
import org.councilflow.workflow.WorkflowVariant;
import org.councilflow.workflow.WorkflowVariant.StageLevel;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Repository;

/**
 * The current council's variant of the cycle. Board review and each stage's working days are the council's settings
 * ({@code app.tenant}), read through here; the rest is in {@code app.workflow_variant(_stage)}. Row-level security
 * keeps each council to its own rows.
 */
@Repository
public class VariantStore {

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final PublicSiteChanges changes;

    private record Held(long stamp, WorkflowVariant variant) {
    }

    /** What {@link #forCycle()} holds: by council, while its row and variant are unchanged. */
    private final Cache<String, Held> held = Caffeine.newBuilder().maximumSize(2_000).build();

    VariantStore(JdbcClient jdbc, @Lazy Tenants tenants, PublicSiteChanges changes) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.changes = changes;
    }

    /**
     * The current council's variant as the cycle applies it when a cycle or stage starts, held in memory while
     * PostgreSQL says nothing of the council's row or variant changed (V71, V72; ADR 0026): every stage's start read it
     * again before. Editing reads {@link #current()}, always from the database.
     */
    public WorkflowVariant forCycle() {
        String slug = TenantContext.require();
        long stamp = changes.councilStamp(slug);
        Held known = held.getIfPresent(slug);
        if (known != null && known.stamp() == stamp) {
            return known.variant();
        }
        WorkflowVariant variant = current();
        if (changes.listening()) {
            held.put(slug, new Held(stamp, variant));
        }
        return variant;
    }

    /** The current council's variant; stages it leaves at the platform's defaults are listed with empty fields. */
    public WorkflowVariant current() {
        Tenant council = tenants.requireCurrent();
        String tenant = council.slug();
        boolean scrutiny = jdbc.sql("SELECT pre_committee_scrutiny FROM app.workflow_variant WHERE tenant_id = :t")
                .param("t", tenant).query(Boolean.class).optional().orElse(false);
        Map<CycleStage, StageLevel> stored = new EnumMap<>(CycleStage.class);
        jdbc.sql("SELECT stage, reminder_days, remind_role, escalate_to FROM app.workflow_variant_stage WHERE tenant_id = :t")
                .param("t", tenant)
                .query((rs, n) -> {
                    CycleStage stage = CycleStage.fromKey(rs.getString("stage")).orElseThrow();
                    Integer reminder = (Integer) rs.getObject("reminder_days");
                    return new StageLevel(stage, null, reminder, role(rs.getString("remind_role")),
                            role(rs.getString("escalate_to")));
                }).list().forEach(level -> stored.put(level.stage(), level));
        List<StageLevel> stages = new ArrayList<>();
        for (CycleStage stage : CycleStage.values()) {
            StageLevel level = stored.get(stage);
            stages.add(new StageLevel(stage, council.settings().slaDays().get(stage.key()),
                    level == null ? null : level.reminderDays(), level == null ? null : level.remindRole(),
                    level == null ? null : level.escalateTo()));
        }
        return new WorkflowVariant(council.version(), council.settings().boardReviewEnabled(), scrutiny, stages);
    }

    /** Replaces what this table holds of the current council's variant (the settings part is saved by the caller). */
    public void save(boolean preCommitteeScrutiny, List<StageLevel> stages) {
        String tenant = TenantContext.require();
        jdbc.sql("""
                INSERT INTO app.workflow_variant (tenant_id, pre_committee_scrutiny) VALUES (:t, :s)
                ON CONFLICT (tenant_id) DO UPDATE SET pre_committee_scrutiny = excluded.pre_committee_scrutiny""")
                .param("t", tenant).param("s", preCommitteeScrutiny).update();
        jdbc.sql("DELETE FROM app.workflow_variant_stage WHERE tenant_id = :t").param("t", tenant).update();
        for (StageLevel level : stages) {
            if (level.reminderDays() == null && level.remindRole() == null && level.escalateTo() == null) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO app.workflow_variant_stage (tenant_id, stage, reminder_days, remind_role, escalate_to)
                    VALUES (:t, :stage, :reminder, :remind, :escalate)""")
                    .param("t", tenant).param("stage", level.stage().key()).param("reminder", level.reminderDays(), Types.INTEGER)
                    .param("remind", level.remindRole() == null ? null : level.remindRole().groupName(), Types.VARCHAR)
                    .param("escalate", level.escalateTo() == null ? null : level.escalateTo().groupName(), Types.VARCHAR)
                    .update();
        }
    }

    private static Role role(String name) {
        return name == null ? null : Role.fromGroupName(name).orElseThrow();
    }
}
