package org.councilflow.support;

import org.councilflow.devservices.KeycloakService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.Role;
import org.councilflow.tenancy.CouncilChoice;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;

/**
 * The staff UI without a browser (Karibu Testing), its views built by the application's Spring context against the
 * real database. A demo user is signed in as the UI's OIDC login would sign them in, and the views run inside their
 * council as the tenant resolution filter would run them: with the roles held there as authorities.
 */
public final class StaffUi {

    private static final String FRONTEND_FOLDER = "vaadin.vaadin.frontend.frontend.folder";
    private static final List<Class<? extends com.vaadin.flow.router.RouterLayout>> LAYOUTS = new ArrayList<>();
    private static final Routes ROUTES = routes();

    private StaffUi() {
    }

    /**
     * The application's views and error pages. Karibu's own discovery sees public classes only; ours are
     * package-private, as views should be.
     */
    @SuppressWarnings("unchecked")
    private static Routes routes() {
        java.util.Set<Class<? extends com.vaadin.flow.component.Component>> views = new java.util.HashSet<>();
        java.util.Set<Class<? extends com.vaadin.flow.router.HasErrorParameter<?>>> errors = new java.util.HashSet<>();
        try (io.github.classgraph.ScanResult scan = new io.github.classgraph.ClassGraph().enableClassInfo()
                .enableAnnotationInfo().ignoreClassVisibility().acceptPackages("org.councilflow").scan()) {
            scan.getClassesWithAnnotation(com.vaadin.flow.router.Route.class.getName())
                    .forEach(info -> views.add((Class<? extends com.vaadin.flow.component.Component>) info.loadClass()));
            scan.getClassesWithAnnotation(com.vaadin.flow.router.Layout.class.getName())
                    .forEach(info -> LAYOUTS.add((Class<? extends com.vaadin.flow.router.RouterLayout>) info.loadClass()));
            scan.getClassesImplementing(com.vaadin.flow.router.HasErrorParameter.class.getName()).filter(info -> !info.isAbstract())
                    .forEach(info -> errors.add((Class<? extends com.vaadin.flow.router.HasErrorParameter<?>>) info.loadClass()));
        }
        return new Routes(views, errors, true);
    }

    /** Work that may throw, run as a signed-in person inside the UI. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} in a fresh UI as the demo user, in the council the user holds roles in (the first). */
    public static void as(ApplicationContext context, String username, Work work) {
        CurrentUser user = CurrentUser.fromClaims(claims(username));
        as(context, username, user.tenantRoles().isEmpty() ? null : user.tenantRoles().firstKey(), work);
    }

    public static void as(ApplicationContext context, String username, String council, Work work) {
        Map<String, Object> claims = claims(username);
        CurrentUser user = CurrentUser.fromClaims(claims);
        List<GrantedAuthority> authorities = new ArrayList<>(user.platformAuthorities(
                context.getBean(org.councilflow.identity.IdentityProperties.class).platformAdmins()));
        if (council != null) {
            user.rolesIn(council).forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        }
        OidcIdToken token = new OidcIdToken("test-token", Instant.now(), Instant.now().plusSeconds(300), claims);
        OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(
                new DefaultOidcUser(authorities, token, "preferred_username"), authorities, "keycloak");
        // the application's own strategy (another test class may have changed the static holder's since)
        SecurityContextHolderStrategy strategy = context.getBean(SecurityContextHolderStrategy.class);
        SecurityContextHolderStrategy global = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext security = strategy.createEmptyContext();
        security.setAuthentication(authentication);
        strategy.setContext(security);
        global.setContext(security);
        Runnable inUi = () -> {
            // Karibu's servlet points Vaadin's frontend folder elsewhere through a system property, which the
            // application's own servlet would read when it starts: put it back at once
            String frontend = System.getProperty(FRONTEND_FOLDER);
            try {
                MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
            } finally {
                if (frontend == null) {
                    System.clearProperty(FRONTEND_FOLDER);
                } else {
                    System.setProperty(FRONTEND_FOLDER, frontend);
                }
            }
            try {
                applyLayouts();
                FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinServletRequest.getCurrent()).getRequest();
                request.setUserPrincipalInt(authentication);
                request.setUserInRole((principal, role) -> authorities.stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
                var session = VaadinSession.getCurrent().getSession();
                Map<String, String> councils = new LinkedHashMap<>();
                user.tenantRoles().keySet().forEach(slug -> councils.put(slug, slug));
                session.setAttribute(CouncilChoice.AVAILABLE, councils);
                if (council != null) {
                    session.setAttribute(CouncilChoice.CHOSEN, council);
                }
                UI.getCurrent().getPage().reload();
                UI.getCurrent().navigate("");
                work.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                MockVaadin.tearDown();
                strategy.clearContext();
                global.clearContext();
            }
        };
        if (council == null) {
            inUi.run();
        } else {
            TenantContext.runInTenant(council, inUi);
        }
    }

    /** Karibu registers routes without the application's {@code @Layout}: register it, then the routes again. */
    private static void applyLayouts() {
        var registry = com.vaadin.flow.server.startup.ApplicationRouteRegistry.getInstance(
                com.vaadin.flow.server.VaadinService.getCurrent().getContext());
        LAYOUTS.forEach(registry::setLayout);
        var routes = com.vaadin.flow.router.RouteConfiguration.forRegistry(registry);
        for (Class<? extends com.vaadin.flow.component.Component> view : ROUTES.getRoutes()) {
            routes.removeRoute(view);
            routes.setAnnotatedRoute(view);
        }
    }

    /**
     * The claims of a demo user's ID token, with the groups the realm gives them: {@code <council>.<role>}, and the
     * few special users of the README.
     */
    static Map<String, Object> claims(String username) {
        List<String> groups = new ArrayList<>();
        switch (username) {
            case "barnet.author-manager" -> groups.addAll(List.of("/tenants/barnet/author", "/tenants/barnet/manager"));
            case "partner.director" -> groups.addAll(List.of("/tenants/barnet/board-chair", "/tenants/tower-hamlets/manager"));
            case "platform.admin" -> groups.add("/platform/platform-admin");
            default -> {
                int dot = username.indexOf('.');
                String council = username.substring(0, dot);
                Role role = Role.fromGroupName(username.substring(dot + 1))
                        .orElseThrow(() -> new IllegalArgumentException("No demo user " + username));
                groups.add("/tenants/" + council + "/" + role.groupName());
            }
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", username.equals("platform.admin") ? KeycloakService.DEMO_PLATFORM_ADMIN_ID : "test-" + username);
        claims.put("preferred_username", username);
        claims.put("name", username);
        claims.put("groups", groups);
        return claims;
    }

    /** The roles a demo user holds in a council. */
    public static Set<Role> roles(String username, String council) {
        return CurrentUser.fromClaims(claims(username)).rolesIn(council);
    }
}
