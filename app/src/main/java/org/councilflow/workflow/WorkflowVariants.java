package org.councilflow.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.councilflow.common.Audited;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantSettings;
import org.councilflow.tenancy.Tenants;
import org.councilflow.workflow.WorkflowVariant.StageLevel;
import org.councilflow.workflow.internal.PlatformServiceLevels;
import org.councilflow.workflow.internal.VariantStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The council's variant of the report cycle, chosen by its tenant administrator: which optional stages run, each
 * stage's service level, who is reminded and who is told when it is overdue. Data only: the one platform-deployed
 * process reads it, and a council never deploys BPMN or DMN of its own.
 */
@Service
@Validated
@Transactional
@PreAuthorize("hasRole('TENANT_ADMIN')")
public class WorkflowVariants {

    private final VariantStore store;
    private final Tenants tenants;
    private final PlatformServiceLevels platform;
    private final ApplicationEventPublisher events;

    WorkflowVariants(VariantStore store, Tenants tenants, PlatformServiceLevels platform, ApplicationEventPublisher events) {
        this.store = store;
        this.tenants = tenants;
        this.platform = platform;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public WorkflowVariant current() {
        return store.current();
    }

    /** The platform's level of every stage at normal urgency, what an empty field of the variant means. */
    public List<StageLevel> defaults() {
        List<StageLevel> levels = new ArrayList<>();
        for (CycleStage stage : CycleStage.values()) {
            PlatformServiceLevels.Level level = platform.of(stage, "normal");
            levels.add(new StageLevel(stage, level.workingDays(), level.reminderDays(), stage.role(), level.escalateTo()));
        }
        return levels;
    }

    /**
     * Replaces the council's variant if nobody changed it (or the council's settings) since {@code version}. Cycles
     * already running keep the stages they were started with; service levels apply to stages that start from now on.
     */
    public WorkflowVariant update(@NotNull @Valid WorkflowVariant changed) {
        Set<CycleStage> seen = EnumSet.noneOf(CycleStage.class);
        for (StageLevel level : changed.stages()) {
            if (!seen.add(level.stage())) {
                throw new IllegalArgumentException("stages: " + level.stage().key() + " is listed twice");
            }
        }
        WorkflowVariant before = store.current();
        Tenant council = tenants.requireCurrent();
        Map<String, Integer> slaDays = new HashMap<>(council.settings().slaDays());
        for (CycleStage stage : CycleStage.values()) {
            slaDays.remove(stage.key());
        }
        for (StageLevel level : changed.stages()) {
            if (level.workingDays() != null) {
                slaDays.put(level.stage().key(), level.workingDays());
            }
        }
        TenantSettings settings = council.settings();
        tenants.updateSettings(council.displayName(), new TenantSettings(settings.brandingColour(), changed.boardReview(),
                settings.agendaNoticeDays(), settings.callInDays(), Map.copyOf(slaDays), settings.bankHolidays(),
                settings.languages()),
                changed.version());
        store.save(changed.preCommitteeScrutiny(), changed.stages());
        WorkflowVariant after = store.current();
        events.publishEvent(Audited.inCurrentTenant("workflow.variant-changed", "tenant", council.slug(), before, after));
        return after;
    }
}
