package org.councilflow.common.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import io.micrometer.observation.ObservationPredicate;

/**
 * Actuator's own requests (the cluster's probes every few seconds, Prometheus' scrape) are not observed: no trace,
 * no span in the logs' MDC, no timer with its histogram. They are most of a quiet pod's requests and tell nothing
 * about its users; without the observation a probe costs a fraction (docs/benchmarks.md, section 3, fixed cost).
 */
@Configuration(proxyBeanMethods = false)
class ProbeObservations {

    @Bean
    ObservationPredicate noActuatorObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/actuator/"));
    }
}
