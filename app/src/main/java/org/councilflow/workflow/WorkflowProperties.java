package org.councilflow.workflow;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * @param slaDays the shared service levels: working days allowed per stage (task key); a council's own settings
 *     override them stage by stage
 */
@Validated
@ConfigurationProperties("councilflow.workflow")
public record WorkflowProperties(@NotEmpty Map<String, @NotNull @Min(1) @Max(365) Integer> slaDays) {
}
