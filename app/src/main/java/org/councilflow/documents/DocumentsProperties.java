package org.councilflow.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * @param maxSize the largest document accepted (uploads above it are refused before anything is stored)
 * @param maxEntries the most parts a Word or Excel package may have
 * @param maxExpandedSize the most a Word or Excel package may expand to (the sum of its parts' sizes as its directory
 *        declares them), and the most a PDF's page contents may decompress to
 * @param maxCompressionRatio how many times its compressed size a part larger than a megabyte may expand to (zeros
 *        deflate about a thousand to one; XML rarely beyond fifty)
 */
@Validated
@ConfigurationProperties("councilflow.documents")
public record DocumentsProperties(
        @NotNull DataSize maxSize,
        @DefaultValue("10000") @Min(10) @Max(1_000_000) int maxEntries,
        @DefaultValue("512MB") @NotNull DataSize maxExpandedSize,
        @DefaultValue("100") @Min(2) @Max(1100) int maxCompressionRatio) {
}
