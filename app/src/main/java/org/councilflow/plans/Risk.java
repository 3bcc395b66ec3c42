package org.councilflow.plans;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An entry of the risk register, e.g. FS021 "Base budget pressure": residual score 16, up from 6.
 *
 * @param movement how the residual score moved since the previous period; null when there was none
 */
public record Risk(UUID id, String reference, String title, String owner, int inherentLikelihood, int inherentImpact,
        int residualLikelihood, int residualImpact, Integer previousResidualScore, String mitigation, int version) {

    public enum Movement {
        UP, UNCHANGED, DOWN
    }

    @JsonProperty
    public int inherentScore() {
        return inherentLikelihood * inherentImpact;
    }

    @JsonProperty
    public int residualScore() {
        return residualLikelihood * residualImpact;
    }

    @JsonProperty
    public Movement movement() {
        if (previousResidualScore == null) {
            return null;
        }
        int change = Integer.compare(residualScore(), previousResidualScore);
        return change > 0 ? Movement.UP : change < 0 ? Movement.DOWN : Movement.UNCHANGED;
    }

    public record Entry(
            @NotBlank @Size(max = 40) String reference,
            @NotBlank @Size(min = 2, max = 300) String title,
            @Size(max = 200) String owner,
            @Min(1) @Max(5) int inherentLikelihood,
            @Min(1) @Max(5) int inherentImpact,
            @Min(1) @Max(5) int residualLikelihood,
            @Min(1) @Max(5) int residualImpact,
            @Min(1) @Max(25) Integer previousResidualScore,
            @Size(max = 20000) String mitigation) {
    }
}
