package org.councilflow.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/** @param maxSize the largest document accepted (uploads above it are refused before anything is stored) */
@Validated
@ConfigurationProperties("councilflow.documents")
public record DocumentsProperties(@NotNull DataSize maxSize) {
}
