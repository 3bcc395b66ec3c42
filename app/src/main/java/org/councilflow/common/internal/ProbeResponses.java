package org.councilflow.common.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpointWebExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The cluster's liveness and readiness probes answered by the first filter of the management port (ADR 0025): the
 * same answer Actuator gives ({@code {"status":"UP"}}, 503 when the group is down or out of service), from the same
 * health groups, without Spring Security's operations chain, Spring MVC's handler lookup across the application's
 * mappings and Actuator's operation invoker, which made a probe cost ten times a held public page (docs/benchmarks.md
 * section 3b). The probes were open to anyone who reaches the management port before; they still are, and say no more.
 * Anything else (another path, HEAD, a query, an unusual Accept, a group that shows details) goes on to Actuator.
 *
 * <p>Imported into the management server's context only, by {@code META-INF/spring/…ManagementContextConfiguration.imports}
 * (the context Actuator is served from), and deliberately not a {@code @Configuration} or
 * {@code @ManagementContextConfiguration}: either is a component to the application's scan, which would put the
 * filter on the public port as well (ActuatorExposureAttackTests).
 */
class ProbeResponses {

    static final String ACTUATOR_V3 = "application/vnd.spring-boot.actuator.v3+json";

    @Bean
    FilterRegistrationBean<Filter> probeResponsesFilter(ObjectProvider<HealthEndpointWebExtension> health,
            WebEndpointProperties endpoints, ManagementServerProperties server) {
        HealthEndpointWebExtension extension = health.getIfAvailable();
        String base = (server.getBasePath() == null ? "" : server.getBasePath()) + endpoints.getBasePath() + "/health/";
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                extension == null ? (request, response, chain) -> chain.doFilter(request, response)
                        : new ProbeFilter(extension, base + "liveness", base + "readiness"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("probeResponses");
        return registration;
    }

    static final class ProbeFilter implements Filter {

        private static final ObjectMapper json = new ObjectMapper();

        private final HealthEndpointWebExtension health;
        private final String liveness;
        private final String readiness;
        /** The body of each status, written once: a status is one of a handful of codes. */
        private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

        ProbeFilter(HealthEndpointWebExtension health, String liveness, String readiness) {
            this.health = health;
            this.liveness = liveness;
            this.readiness = readiness;
        }

        @Override
        public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) servletRequest;
            String group = group(request);
            String contentType = group == null ? null : contentType(request.getHeader("Accept"));
            if (contentType == null) {
                chain.doFilter(servletRequest, servletResponse);
                return;
            }
            WebEndpointResponse<HealthComponent> answer = health.health(ApiVersion.V3, WebServerNamespace.MANAGEMENT,
                    SecurityContext.NONE, group);
            // only a bare status is answered here; a group configured to show its components is Actuator's to write
            if (!(answer.getBody() instanceof CompositeHealth composite) || composite.getComponents() != null) {
                chain.doFilter(servletRequest, servletResponse);
                return;
            }
            byte[] body = bodies.computeIfAbsent(composite.getStatus().getCode(), ProbeFilter::body);
            HttpServletResponse response = (HttpServletResponse) servletResponse;
            response.setStatus(answer.getStatus());
            response.setContentType(contentType);
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        private String group(HttpServletRequest request) {
            if (!"GET".equals(request.getMethod()) || request.getQueryString() != null) {
                return null;
            }
            String uri = request.getRequestURI();
            return uri.equals(liveness) ? "liveness" : uri.equals(readiness) ? "readiness" : null;
        }

        /** Actuator's own choice for the Accept headers probes send (none, any, Actuator's or plain JSON); else none. */
        static String contentType(String accept) {
            if (accept == null || accept.isBlank() || accept.contains("*/*") || accept.contains(ACTUATOR_V3)) {
                return ACTUATOR_V3;
            }
            return accept.contains("application/json") && !accept.contains("application/vnd.") ? "application/json" : null;
        }

        private static byte[] body(String status) {
            try {
                return json.writeValueAsBytes(Map.of("status", status));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
