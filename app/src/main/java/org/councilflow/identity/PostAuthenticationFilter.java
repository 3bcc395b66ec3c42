package org.councilflow.identity;

import jakarta.servlet.Filter;

/**
 * A filter the security chains run once the caller is authenticated and before any authorization decision: where
 * other features put what depends on the caller (the council a request works in and the roles held there).
 * Implementations are beans but are not registered with the servlet container on their own.
 */
public interface PostAuthenticationFilter extends Filter {
}
