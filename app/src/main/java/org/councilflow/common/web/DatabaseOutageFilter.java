package org.councilflow.common.web;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the database is unreachable (restarting, failing over, out of connections) a request cannot have saved
 * anything: its transaction never committed. Whichever layer noticed first (a filter resolving the council,
 * Spring's transactions, Flowable, MyBatis, the JDBC driver), the answer is 503 with {@code Retry-After}, so that
 * clients retry instead of reporting a fault, and monitoring sees an outage rather than a bug. Outermost, so that
 * it also sees what the security filters run into.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    /** A static page (database-unavailable.html beside this class): it needs nothing that could be down. */
    private static final byte[] PAGE = page();

    private final ObjectMapper json;

    DatabaseOutageFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!connectionFailure(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
            answerUnavailable(request, response);
        }
    }

    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(PAGE);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "CouncilFlow cannot reach its database at the moment, so nothing was saved. Try again in a few seconds.");
        problem.setTitle("Temporarily unavailable");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * A lost or refused connection anywhere in the cause chain: SQLSTATE class 08, the server shutting down (57P),
     * or the pool's own "closed" connection. When the rollback after such a failure fails too, Spring reports the
     * rollback's failure and keeps the original as the application exception: both are looked at.
     */
    static boolean connectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getSQLState() == null
                    ? CLOSED_BY_POOL.equals(sql.getMessage())
                    : sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof TransactionSystemException failedRollback && failedRollback.getApplicationException() != null
                    && connectionFailure(failedRollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** What HikariCP throws, without a SQLSTATE, when a connection it already closed is used. */
    private static final String CLOSED_BY_POOL = "Connection is closed";

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static byte[] page() {
        try (java.io.InputStream page = DatabaseOutageFilter.class.getResourceAsStream("database-unavailable.html")) {
            return page.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("database-unavailable.html is missing from the class path", e);
        }
    }
}
