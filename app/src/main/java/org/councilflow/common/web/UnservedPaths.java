package org.councilflow.common.web;

import java.net.URI;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * API and Actuator addresses that no endpoint serves answer 404 with a problem document. Without this, Vaadin's
 * catch-all mapping (one step later) would answer them with the staff UI's start page and a new session: a 200 that
 * lies to API clients, and memory spent for anyone who asks. Actuator lives on the management port only, so on the
 * public port every {@code /actuator/**} address lands here. A known path with the wrong method still gets 405, from
 * the controllers' own mapping, which is asked first.
 */
@Configuration(proxyBeanMethods = false)
class UnservedPaths {

    @Bean
    SimpleUrlHandlerMapping unservedPathsMapping(ObjectMapper json) {
        HttpRequestHandler notFound = (request, response) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "Nothing is served at this address. The API's operations are listed at /v3/api-docs.");
            problem.setTitle("Not found");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            json.writeValue(response.getOutputStream(), problem);
        };
        // before Vaadin's root mapping (Ordered.LOWEST_PRECEDENCE - 1), after every controller's
        return new SimpleUrlHandlerMapping(Map.of("/api/**", notFound, "/actuator/**", notFound, "/actuator", notFound),
                Ordered.LOWEST_PRECEDENCE - 2);
    }
}
