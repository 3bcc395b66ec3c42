package org.councilflow.portability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * @param maxArchiveSize the largest council archive a platform administrator may restore
 * @param maxExpandedSize what its entries may expand to at most, together (a zip bomb stops there)
 */
@Validated
@ConfigurationProperties("councilflow.portability")
public record PortabilityProperties(@NotNull DataSize maxArchiveSize, @NotNull DataSize maxExpandedSize) {
}
