package org.councilflow.ratelimit.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.councilflow.ratelimit.RateLimiter;
import org.councilflow.ratelimit.RateLimiter.Decision;
import org.councilflow.ratelimit.RateLimiter.Rule;
import org.councilflow.ratelimit.TooManyRequestsPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits the public site and the login-adjacent endpoints per client, before Spring Security sees the request.
 * Login-adjacent means: starting a sign-in ({@code /oauth2/authorization/**}), the sign-in callback and login page
 * ({@code /login/**}), signing out ({@code /logout}), and API requests that fail authentication: those are
 * counted after the fact, and a client that has spent its failures gets 429 for every further API request without a
 * valid token until its window ends, so tokens cannot be guessed at speed; a valid token from that address (a
 * colleague behind the same proxy) still passes. Everything else (the API with valid tokens, the staff UI, Actuator's
 * health probes and metrics) is never limited here. The client is the request's remote address, which honours
 * {@code X-Forwarded-For} only as far as the application's forwarded-headers handling is configured.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final ObjectProvider<JwtDecoder> tokens;
    /** The public site's 429 page (publication renders it from its template; looked up late, as it may be absent). */
    private final ObjectProvider<TooManyRequestsPage> pages;

    RateLimitFilter(RateLimiter limiter, ObjectMapper json, MeterRegistry meters, ObjectProvider<JwtDecoder> tokens,
            ObjectProvider<TooManyRequestsPage> pages) {
        this.limiter = limiter;
        this.pages = pages;
        this.json = json;
        this.meters = meters;
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limiter.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        String client = request.getRemoteAddr();
        if (path.startsWith("/api/")) {
            Decision decision = limiter.check(Rule.FAILED_AUTHENTICATION, client);
            if (!decision.allowed() && !carriesValidToken(request)) {
                refuse(request, response, path, Rule.FAILED_AUTHENTICATION, decision);
                return;
            }
            chain.doFilter(request, response);
            if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                limiter.record(Rule.FAILED_AUTHENTICATION, client);
            }
            return;
        }
        Rule rule = rule(path);
        if (rule != null) {
            Decision decision = limiter.acquire(rule, client);
            if (!decision.allowed()) {
                refuse(request, response, path, rule, decision);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the request's bearer token passes the same decoder (signature, issuer, audience, expiry) that
     * authenticates the API: only asked of an address over its failure limit, so guessing costs no more than before.
     */
    private boolean carriesValidToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        JwtDecoder decoder = tokens.getIfAvailable();
        if (decoder == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            decoder.decode(authorization.substring(7).strip());
            return true;
        } catch (JwtException e) {
            return false;
        }
    }

    private static Rule rule(String path) {
        if (path.equals("/councils") || path.startsWith("/councils/")) {
            return Rule.PUBLIC_SITE;
        }
        if (path.startsWith("/oauth2/authorization/") || path.equals("/login") || path.startsWith("/login/")
                || path.equals("/logout")) {
            return Rule.LOGIN;
        }
        return null;
    }

    /** The path as the servlet container decoded and normalised it, so that encodings cannot slip past. */
    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + pathInfo;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String path, Rule rule,
            Decision decision) throws IOException {
        meters.counter("councilflow.ratelimit.refused", "rule", rule.name().toLowerCase()).increment();
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        // a shared cache in front of the public site must not serve this refusal to others
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        TooManyRequestsPage page = pages.getIfAvailable();
        if (page != null && wantsHtml(request, path)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(page.html(decision.retryAfterSeconds()));
            return;
        }
        String wait = decision.retryAfterSeconds() == 1 ? "1 second" : decision.retryAfterSeconds() + " seconds";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from your address. Try again in " + wait + ".");
        problem.setTitle("Too many requests");
        problem.setType(URI.create("about:blank"));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("retryAfterSeconds", decision.retryAfterSeconds());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * API clients always get a problem document; elsewhere a browser (asking for HTML) gets the public site's page, in
     * the site's language, if the application has one.
     */
    private static boolean wantsHtml(HttpServletRequest request, String path) {
        if (path.startsWith("/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
