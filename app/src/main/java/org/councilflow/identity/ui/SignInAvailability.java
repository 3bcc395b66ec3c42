package org.councilflow.identity.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.councilflow.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Before sending someone to the identity provider's sign-in page, checks that it answers. If it does not, the
 * person gets a page saying so (503, {@code Retry-After}) instead of the browser's "cannot connect" error. People
 * already signed in, and API tokens already issued, carry on working meanwhile: their sessions and the signing
 * keys are held here. The answer is remembered for a few seconds, so a crowd signing in asks once. Only in the
 * staff UI's security chain (not a servlet filter of its own).
 */
class SignInAvailability extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 30;
    private static final Duration REMEMBER = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SignInAvailability.class);

    /**
     * Static pages (sign-in-unavailable.html beside this class, and its Welsh _cy), in the language the sign-in would
     * have asked for; a link's empty address is the sign-in asked for.
     */
    private static final byte[] PAGE = page("sign-in-unavailable.html");
    private static final byte[] PAGE_CY = page("sign-in-unavailable_cy.html");

    private final URI discovery;
    private final Function<HttpServletRequest, String> language;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicReference<Probe> last = new AtomicReference<>(new Probe(true, 0));

    private record Probe(boolean answered, long at) {
    }

    SignInAvailability(IdentityProperties identity, Function<HttpServletRequest, String> language) {
        this.language = language;
        this.discovery = URI.create(identity.issuerUri().toString().replaceAll("/$", "") + "/.well-known/openid-configuration");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/oauth2/authorization/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (identityProviderAnswers()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.apply(request));
        response.getOutputStream().write("cy".equals(language.apply(request)) ? PAGE_CY : PAGE);
    }

    boolean identityProviderAnswers() {
        Probe known = last.get();
        long now = System.nanoTime();
        if (known.at() != 0 && now - known.at() < REMEMBER.toNanos()) {
            return known.answered();
        }
        boolean answered = probe();
        if (known.answered() && !answered) {
            log.warn("The identity provider at {} does not answer: sign-in is unavailable", discovery);
        } else if (!known.answered() && answered) {
            log.info("The identity provider at {} answers again: sign-in is available", discovery);
        }
        last.set(new Probe(answered, now));
        return answered;
    }

    private boolean probe() {
        HttpRequest request = HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] page(String name) {
        try (java.io.InputStream page = SignInAvailability.class.getResourceAsStream(name)) {
            return page.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(name + " is missing from the class path", e);
        }
    }
}
