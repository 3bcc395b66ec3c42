package org.councilflow.tenancy.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.PostAuthenticationFilter;
import org.councilflow.identity.Role;
import org.councilflow.tenancy.CouncilChoice;
import org.councilflow.tenancy.KnownCouncils;
import org.councilflow.tenancy.PublicCouncils;
import org.councilflow.tenancy.PublicNotFoundPage;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.tenancy.TenantStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The one place where a request enters a council. The API names it in the path ({@code /api/t/{tenant}/…}); the
 * staff UI keeps the council the person picked in their session. Either way it is accepted only if the validated
 * token grants the caller a role there and the council is active; then the request runs inside that tenant, with
 * the roles held there as its authorities, and leaves it in {@code finally}. The public site ({@code /councils/{slug}/…})
 * names the council in its path and is open to anyone while the council is active, with no roles.
 */
@Component
class TenantResolutionFilter extends OncePerRequestFilter implements PostAuthenticationFilter {

    private static final Pattern API_TENANT_PATH = Pattern.compile("^/api/t/([^/]+)(/.*)?$");
    /** The public site: anyone, no sign-in, the council named in the path. */
    private static final Pattern PUBLIC_SITE_PATH = Pattern.compile("^/councils/([^/]+)(/.*)?$");
    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

    /** The councils by slug, held in memory while their rows are unchanged (ADR 0026). */
    private final KnownCouncils councils;
    private final ObjectMapper json;
    private final SecurityContextHolderStrategy securityContexts;
    /** The public site's 404 page (publication renders it; looked up late, as publication depends on tenancy). */
    private final ObjectProvider<PublicNotFoundPage> notFound;
    /** The public site's councils, held in memory while unchanged. */
    private final PublicCouncils publicCouncils;
    private final TransactionTemplate readOnly;

    TenantResolutionFilter(KnownCouncils councils, ObjectMapper json, CurrentUsers users, ObjectProvider<PublicNotFoundPage> notFound,
            PublicCouncils publicCouncils, PlatformTransactionManager transactions) {
        this.notFound = notFound;
        this.publicCouncils = publicCouncils;
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        this.readOnly = template;
        this.councils = councils;
        this.json = json;
        this.securityContexts = users.securityContexts();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<CurrentUser> user = CurrentUsers.from(securityContexts.getContext().getAuthentication());
        Matcher api = API_TENANT_PATH.matcher(path);
        Matcher site = PUBLIC_SITE_PATH.matcher(path);
        if (site.matches()) {
            enterPublicSite(site.group(1), request, response, chain);
        } else if (api.matches()) {
            enterFromApiPath(api.group(1), user, request, response, chain);
        } else if (path.startsWith("/api/")) {
            chain.doFilter(request, response);
        } else {
            enterFromUiSession(user, request, response, chain);
        }
    }

    private void enterFromApiPath(String slug, Optional<CurrentUser> user, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (user.isEmpty()) {
            chain.doFilter(request, response); // the authorization rules answer 401
            return;
        }
        if (!SLUG.matcher(slug).matches()) {
            problem(request, response, HttpStatus.NOT_FOUND, "No council '" + abbreviate(slug) + "'.");
            return;
        }
        Set<Role> roles = user.get().rolesIn(slug);
        if (roles.isEmpty()) {
            // the same answer whether or not the council exists: nothing about other councils leaks
            problem(request, response, HttpStatus.FORBIDDEN, "You have no role in council '" + slug + "'.");
            return;
        }
        Tenant tenant = councils.bySlug(slug).orElse(null);
        if (tenant == null || tenant.status() == TenantStatus.PROVISIONING) {
            problem(request, response, HttpStatus.NOT_FOUND, "No council '" + slug + "'.");
            return;
        }
        if (tenant.status() == TenantStatus.SUSPENDED) {
            problem(request, response, HttpStatus.FORBIDDEN, suspendedMessage(tenant));
            return;
        }
        runInTenant(slug, roles, request, response, chain);
    }

    /**
     * The public site of an active council, whoever asks: the request runs in that council with no roles. A council
     * that does not exist, is being onboarded or is suspended gets the same plain 404 page, so nothing shows which.
     */
    private void enterPublicSite(String slug, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Tenant tenant = SLUG.matcher(slug).matches() ? publicCouncils.bySlug(slug).orElse(null) : null;
        if (tenant == null || tenant.status() != TenantStatus.ACTIVE) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "public, max-age=60");
            response.getWriter().write(notFound.getObject().html());
            return;
        }
        try {
            TenantContext.callInTenant(slug, () -> {
                // one read-only transaction for the whole page, however many reads it makes (ADR 0021)
                readOnly.execute(status -> {
                    try {
                        chain.doFilter(request, response);
                    } catch (IOException | ServletException e) {
                        throw new WrappedFailure(e);
                    }
                    return null;
                });
                return null;
            });
        } catch (WrappedFailure e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /** Carries a checked failure of the filter chain out of the transaction's callback. */
    private static final class WrappedFailure extends RuntimeException {
        WrappedFailure(Exception cause) {
            super(cause);
        }
    }

    private void enterFromUiSession(Optional<CurrentUser> user, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (user.isEmpty() || session == null || user.get().tenantRoles().isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String> available = CouncilChoice.available(session);
        if (!available.keySet().equals(user.get().tenantRoles().keySet())) {
            available = councilNames(user.get());
            session.setAttribute(CouncilChoice.AVAILABLE, available);
        }
        String slug = CouncilChoice.chosen(session).filter(available::containsKey)
                .orElseGet(() -> user.get().tenantRoles().firstKey());
        session.setAttribute(CouncilChoice.CHOSEN, slug);
        Tenant tenant = councils.bySlug(slug).orElse(null);
        if (tenant == null || tenant.status() == TenantStatus.PROVISIONING) {
            request.setAttribute(CouncilChoice.REFUSAL, "Council '" + slug + "' is not on CouncilFlow.");
            chain.doFilter(request, response);
        } else if (tenant.status() == TenantStatus.SUSPENDED) {
            request.setAttribute(CouncilChoice.REFUSAL, suspendedMessage(tenant));
            chain.doFilter(request, response);
        } else {
            runInTenant(slug, user.get().rolesIn(slug), request, response, chain);
        }
    }

    /** The display names of the user's councils, each read inside its own tenant (row-level security holds). */
    private LinkedHashMap<String, String> councilNames(CurrentUser user) {
        LinkedHashMap<String, String> names = new LinkedHashMap<>();
        for (String slug : user.tenantRoles().keySet()) {
            names.put(slug, councils.bySlug(slug).map(Tenant::displayName).orElse(slug));
        }
        return names;
    }

    private static String suspendedMessage(Tenant tenant) {
        return tenant.displayName() + " is suspended on CouncilFlow"
                + (tenant.statusReason() == null ? "" : ": " + tenant.statusReason())
                + ". Nothing has been deleted; contact the CouncilFlow operator.";
    }

    private void runInTenant(String slug, Set<Role> roles, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        SecurityContext outer = securityContexts.getContext();
        SecurityContext inner = securityContexts.createEmptyContext();
        inner.setAuthentication(withTenantRoles(outer.getAuthentication(), roles));
        securityContexts.setContext(inner);
        try {
            TenantContext.callInTenant(slug, () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        } finally {
            securityContexts.setContext(outer);
        }
    }

    private static Authentication withTenantRoles(Authentication authentication, Set<Role> roles) {
        List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return new JwtAuthenticationToken(jwt.getToken(), authorities, jwt.getName());
        }
        if (authentication instanceof OAuth2AuthenticationToken oauth) {
            return new OAuth2AuthenticationToken(oauth.getPrincipal(), authorities, oauth.getAuthorizedClientRegistrationId());
        }
        return authentication;
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String abbreviate(String value) {
        String safe = value.replaceAll("[^A-Za-z0-9._-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }

    /** Runs inside the security chains only, never as a servlet filter of its own. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<TenantResolutionFilter> tenantResolutionFilterRegistration(TenantResolutionFilter filter) {
            FilterRegistrationBean<TenantResolutionFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setEnabled(false);
            return registration;
        }
    }
}
