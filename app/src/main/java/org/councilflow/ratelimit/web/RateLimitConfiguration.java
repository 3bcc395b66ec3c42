package org.councilflow.ratelimit.web;

import org.councilflow.ratelimit.RateLimiter;
import org.councilflow.ratelimit.TooManyRequestsPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration
class RateLimitConfiguration {

    /** After the forwarded headers are applied (the client's address), before Spring Security (which logs in). */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, ObjectMapper json, MeterRegistry meters,
            ObjectProvider<JwtDecoder> tokens, ObjectProvider<TooManyRequestsPage> pages) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, json, meters, tokens, pages));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
