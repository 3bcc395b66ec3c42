package org.councilflow.reports;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/** @param zone the councils' time zone, in which reports say when they were submitted and signed off */
@Validated
@ConfigurationProperties("councilflow.reports")
public record ReportsProperties(@NotNull ZoneId zone) {
}
