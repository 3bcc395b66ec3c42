package org.councilflow.publication.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.publication.PublicationProperties;
import org.councilflow.tenancy.PublicSiteChanges;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public site's responses, held in memory as they were sent (bytes and headers, the security headers included)
 * and sent again as they are while nothing of the council changed (ADR 0021): a council's stamp from
 * {@link PublicSiteChanges} moves on every publication, amendment, retraction, import or change of the council, on
 * every replica. A held response also ends when its own {@code max-age} does (a call-in period ending changes a page
 * by itself). Conditional requests get 304 from what is held, without rendering.
 *
 * <p>Runs after the rate limiter and before Spring Security: what is sent again went through the public chain once.
 * Only plain addresses of one council are held ({@code /councils/{slug}/…}, no dot segments, no path parameters), keyed
 * by that address, its query and the reader's language cookie, so one council's bytes can only ever answer for its own
 * address; only 200 responses that a shared cache could keep ({@code public}, a {@code max-age}, no cookie set).
 */
class PublicPageCache extends OncePerRequestFilter {

    private static final Pattern ADDRESS = Pattern.compile("^/councils/([a-z][a-z0-9]*(?:-[a-z0-9]+)*)((?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*/?)$");
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age=(\\d{1,9})(?:$|[,\\s])");
    /** Set by the container or per response: never replayed. */
    private static final Set<String> NOT_HELD = Set.of("content-length", "content-type", "date", "transfer-encoding",
            "connection", "keep-alive", "age", "set-cookie");
    private static final int MAX_QUERY = 512;
    private static final String HELD = "/councils/{slug}/** (held)";

    /** What decides a response: the council, its address, the query and the reader's remembered language. */
    private record Key(String council, String path, String query, String language) {
    }

    private record Held(long stamp, long storedAt, long expiresAt, String contentType, List<String[]> headers,
            String etag, long lastModified, byte[] body) {

        int weight() {
            int weight = 256 + body.length;
            for (String[] header : headers) {
                weight += 48 + header[0].length() + header[1].length();
            }
            return weight;
        }
    }

    private final PublicSiteChanges changes;
    private final Cache<Key, Held> held;
    private final long largest;
    private final Counter hits;
    private final Counter misses;
    private final Counter notModified;

    PublicPageCache(PublicSiteChanges changes, PublicationProperties properties, MeterRegistry meters) {
        this.changes = changes;
        long bytes = properties.pageCache().toBytes();
        this.largest = Math.min(1 << 20, bytes / 16);
        this.held = bytes <= 0 ? null : Caffeine.newBuilder().maximumWeight(bytes)
                .weigher((Key key, Held value) -> value.weight() + 2 * (key.path().length()
                        + (key.query() == null ? 0 : key.query().length())))
                .expireAfterWrite(properties.maxAge()).build();
        this.hits = meters.counter("councilflow.publication.page-cache", "result", "hit");
        this.misses = meters.counter("councilflow.publication.page-cache", "result", "miss");
        this.notModified = meters.counter("councilflow.publication.page-cache", "result", "not-modified");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return held == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Key key = key(request);
        if (key == null || !changes.listening()) {
            chain.doFilter(request, response);
            return;
        }
        long stamp = changes.stamp(key.council()); // before reading: a change while rendering makes what is read stale
        long now = System.currentTimeMillis();
        Held known = held.getIfPresent(key);
        if (known != null && known.stamp() == stamp && now < known.expiresAt()) {
            hits.increment();
            // no handler ran: the request's metrics and trace name the public site rather than "UNKNOWN"
            ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(HELD));
            send(known, request, response, now);
            return;
        }
        if ("HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        misses.increment();
        ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
        chain.doFilter(new Unconditional(request), rendered);
        Held fresh = holdable(stamp, now, rendered, response);
        if (fresh == null || response.isCommitted()) {
            rendered.copyBodyToResponse();
            return;
        }
        held.put(key, fresh);
        response.reset(); // sent as a held response is sent, 304 included
        send(fresh, request, response, now);
    }

    private static Key key(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher address = ADDRESS.matcher(path);
        String query = request.getQueryString();
        if (!address.matches() || (query != null && query.length() > MAX_QUERY)) {
            return null;
        }
        String language = null;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (Language.COOKIE.equals(cookie.getName())) {
                    if (cookie.getValue() == null || cookie.getValue().length() > 8) {
                        return null;
                    }
                    language = cookie.getValue();
                }
            }
        }
        return new Key(address.group(1), path, query, language);
    }

    /** The response as held, if a shared cache could keep it as well. */
    private Held holdable(long stamp, long now, ContentCachingResponseWrapper rendered, HttpServletResponse response) {
        if (rendered.getStatus() != HttpServletResponse.SC_OK || rendered.getContentSize() > largest
                || response.containsHeader(HttpHeaders.SET_COOKIE)) {
            return null;
        }
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cacheControl == null || !cacheControl.contains("public") || cacheControl.contains("no-store")
                || cacheControl.contains("private") || cacheControl.contains("no-cache")) {
            return null;
        }
        Matcher maxAge = MAX_AGE.matcher(cacheControl);
        long seconds = maxAge.find() ? Long.parseLong(maxAge.group(1)) : 0;
        if (seconds <= 0) {
            return null;
        }
        List<String[]> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_HELD.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new String[] { name, value });
                }
            }
        }
        HttpHeaders dates = new HttpHeaders();
        String modified = response.getHeader(HttpHeaders.LAST_MODIFIED);
        if (modified != null) {
            dates.set(HttpHeaders.LAST_MODIFIED, modified);
        }
        long lastModified = dates.getLastModified();
        return new Held(stamp, now, now + seconds * 1000, rendered.getContentType(), List.copyOf(headers),
                response.getHeader(HttpHeaders.ETAG), lastModified, rendered.getContentAsByteArray());
    }

    private void send(Held page, HttpServletRequest request, HttpServletResponse response, long now) throws IOException {
        for (String[] header : page.headers()) {
            response.addHeader(header[0], header[1]);
        }
        response.setHeader(HttpHeaders.AGE, Long.toString((now - page.storedAt()) / 1000));
        if (unchanged(page, request)) {
            notModified.increment();
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(page.body());
        }
    }

    /** As Spring decides it for a rendered response: If-None-Match first, else If-Modified-Since. */
    private static boolean unchanged(Held page, HttpServletRequest request) {
        Enumeration<String> noneMatch = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        if (noneMatch != null && noneMatch.hasMoreElements()) {
            if (page.etag() == null) {
                return false;
            }
            String etag = weakless(page.etag());
            for (String value : Collections.list(noneMatch)) {
                for (String tag : value.split(",")) {
                    String candidate = tag.strip();
                    if (candidate.equals("*") || weakless(candidate).equals(etag)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (page.lastModified() < 0) {
            return false;
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since >= 0 && page.lastModified() / 1000 <= since / 1000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String weakless(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /** The request without its conditions: what is rendered to be held must be the whole response. */
    private static final class Unconditional extends HttpServletRequestWrapper {
        private static final Set<String> CONDITIONS = Set.of("if-none-match", "if-modified-since", "if-match",
                "if-unmodified-since");

        Unconditional(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return CONDITIONS.contains(name.toLowerCase(java.util.Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CONDITIONS.contains(name.toLowerCase(java.util.Locale.ROOT)) ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return CONDITIONS.contains(name.toLowerCase(java.util.Locale.ROOT)) ? -1 : super.getDateHeader(name);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** After the rate limiter (every request is counted), before Spring Security (a held page needs none of it). */
        @Bean
        FilterRegistrationBean<PublicPageCache> publicPageCache(PublicSiteChanges changes, PublicationProperties properties,
                MeterRegistry meters) {
            FilterRegistrationBean<PublicPageCache> registration =
                    new FilterRegistrationBean<>(new PublicPageCache(changes, properties, meters));
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 5);
            registration.addUrlPatterns("/councils/*");
            return registration;
        }
    }
}
