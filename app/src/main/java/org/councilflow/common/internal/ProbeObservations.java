package org.councilflow.common.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

import io.micrometer.observation.ObservationPredicate;

/**
 * What is observed (timed, traced, put in the logs' MDC) per request, chosen by its cost (docs/benchmarks.md,
 * section 3, the fixed cost of a request): a Flight Recorder profile of the liveness probe found three quarters of its
 * CPU in Spring Security's observation of each filter of its chain, and half of a held public page's in the
 * request's own observation.
 */
@Configuration(proxyBeanMethods = false)
class ProbeObservations {

    /**
     * Actuator's own requests (the cluster's probes every few seconds, Prometheus' scrape) are not observed: they are
     * most of a quiet pod's requests and tell nothing about its users.
     */
    @Bean
    ObservationPredicate noActuatorObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/actuator/"));
    }

    /**
     * No span per security filter and per authorization decision: every request is already timed and traced as a
     * whole, its status (401, 403) included. Authentications (the bearer token's validation) are still observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).shouldObserveAuthorizations(false)
                .build();
    }
}
