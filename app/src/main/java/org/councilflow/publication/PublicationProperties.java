package org.councilflow.publication;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * @param maxAge how long a shared cache (a proxy, a CDN) may serve a public page without asking again; pages change
 *     only by a new publication, and a conditional request costs little, so minutes rather than hours
 */
@Validated
@ConfigurationProperties("councilflow.publication")
public record PublicationProperties(@NotNull Duration maxAge) {
}
