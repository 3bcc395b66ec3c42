package org.councilflow.workflow.internal;

import java.util.Map;

import org.councilflow.identity.Role;
import org.councilflow.workflow.CycleStage;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.dmn.api.DmnDecisionService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The platform's default service levels: the shared DMN table {@code slaPolicy}, deployed without a tenant. It is
 * always evaluated without a tenant id, so no council's own DMN deployment could ever be chosen.
 */
@Component
public class PlatformServiceLevels {

    /** A stage's level at an urgency. */
    public record Level(int workingDays, int reminderDays, Role escalateTo) {
    }

    private final DmnDecisionService decisions;

    PlatformServiceLevels(@Lazy DmnDecisionService decisions) {
        this.decisions = decisions;
    }

    public Level of(CycleStage stage, String urgency) {
        Map<String, Object> level = decisions.createExecuteDecisionBuilder().decisionKey("slaPolicy")
                .variable("stage", stage.key()).variable("urgency", urgency).executeWithSingleResult();
        if (level == null || level.isEmpty()) {
            throw new FlowableException("The service-level table has no row for stage " + stage.key() + " at urgency " + urgency);
        }
        String role = String.valueOf(level.get("escalateTo"));
        return new Level(((Number) level.get("workingDays")).intValue(), ((Number) level.get("reminderDays")).intValue(),
                Role.fromGroupName(role).orElseThrow(() -> new FlowableException("The service-level table names an unknown role: " + role)));
    }
}
