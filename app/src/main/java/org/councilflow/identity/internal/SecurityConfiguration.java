package org.councilflow.identity.internal;

import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.IdentityProperties;
import org.councilflow.identity.PostAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The REST API takes Keycloak-issued bearer tokens (stateless); health probes are open. The staff UI's chain,
 * which logs people in with the authorization code flow against the same realm, is in {@code identity.ui}.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems,
            ObjectProvider<PostAuthenticationFilter> postAuthentication, IdentityProperties identity) throws Exception {
        postAuthentication.orderedStream().forEach(filter -> http.addFilterBefore(filter, AuthorizationFilter.class));
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/platform/**").hasRole("PLATFORM_ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter(identity)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.API_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(SecurityHeaders.permissionsPolicy()))
                .build();
    }

    /**
     * The public site: read-only, no sign-in, no session (so a proxy may cache it); any credentials sent are ignored.
     * The council comes from the path, set by the post-authentication filters like the API's.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicSiteSecurity(HttpSecurity http, ObjectProvider<PostAuthenticationFilter> postAuthentication)
            throws Exception {
        postAuthentication.orderedStream().forEach(filter -> http.addFilterBefore(filter, AuthorizationFilter.class));
        return http.securityMatcher("/councils/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/councils/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/councils/**").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.METHOD_NOT_ALLOWED)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // nothing to load or keep: no session is looked for, none made (ADR 0021)
                .securityContext(context -> context.requireExplicitSave(true)
                        .securityContextRepository(new NullSecurityContextRepository()))
                .logout(logout -> logout.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter(SecurityHeaders.publicPagePolicy())
                        .addHeaderWriter(SecurityHeaders.permissionsPolicy()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operationsSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html",
                        "/error")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/error").permitAll()
                        // served on the management port only (management.server.port); the public port answers 404:
                        // counts and timings only, no council's data, scraped by Prometheus inside the cluster
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the probes' fixed cost (ADR 0021): nothing to load, keep, replay or log out of
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    static JwtAuthenticationConverter jwtAuthenticationConverter(IdentityProperties identity) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName("preferred_username");
        converter.setJwtGrantedAuthoritiesConverter(jwt -> CurrentUser.fromClaims(jwt.getClaims())
                .platformAuthorities(identity.platformAdmins()));
        return converter;
    }
}
