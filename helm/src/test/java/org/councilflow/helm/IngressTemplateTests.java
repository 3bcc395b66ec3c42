package org.councilflow.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilflow.helm.RenderedChart.FULLNAME;
import static org.councilflow.helm.RenderedChart.managedServices;
import static org.councilflow.helm.RenderedChart.managedServicesAnd;
import static org.councilflow.helm.RenderedChart.render;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class IngressTemplateTests {

    private static final String NGINX = "nginx.ingress.kubernetes.io/";

    @Test
    void noIngressUnlessEnabled() {
        assertThat(render(managedServices()).all("Ingress")).isEmpty();
    }

    @Test
    void ingressPinsEachBrowserToItsPodWithACookieForTheVaadinUi() {
        JsonNode ingress = render(managedServicesAnd("ingress.enabled", true, "ingress.host", "cf.example.org"))
                .get("Ingress");
        JsonNode annotations = ingress.at("/metadata/annotations");

        assertThat(annotations.path(NGINX + "affinity").asText()).isEqualTo("cookie");
        // persistent: pods added by the autoscaler do not take over existing sessions
        assertThat(annotations.path(NGINX + "affinity-mode").asText()).isEqualTo("persistent");
        assertThat(annotations.path(NGINX + "session-cookie-name").asText()).isEqualTo("COUNCILFLOW_ROUTE");
        assertThat(annotations.path(NGINX + "session-cookie-path").asText()).isEqualTo("/");
        // the return from Keycloak's login is a cross-site top-level navigation: Strict would lose the pod
        assertThat(annotations.path(NGINX + "session-cookie-samesite").asText()).isEqualTo("Lax");
        assertThat(annotations.has(NGINX + "session-cookie-secure")).isFalse();
        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
        assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("cf.example.org");
        assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo(FULLNAME);
        assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/port/name").asText()).isEqualTo("http");
    }

    @Test
    void uploadsUpToTheApplicationsLimitPassTheProxy() {
        JsonNode annotations = render(managedServicesAnd("ingress.enabled", true)).get("Ingress")
                .at("/metadata/annotations");
        String size = annotations.path(NGINX + "proxy-body-size").asText();

        // spring.servlet.multipart.max-request-size is 26MB; ingress-nginx's default of 1m would cut appendices
        assertThat(size).endsWith("m");
        assertThat(Integer.parseInt(size.substring(0, size.length() - 1))).isGreaterThanOrEqualTo(26);
    }

    @Test
    void withTlsTheAffinityCookieIsSecure() {
        JsonNode ingress = render(managedServicesAnd("ingress.enabled", true, "ingress.tlsSecretName", "cf-tls"))
                .get("Ingress");

        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("cf-tls");
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo("councilflow.example.org");
        assertThat(ingress.at("/metadata/annotations/" + (NGINX + "session-cookie-secure").replace("/", "~1")).asText())
                .isEqualTo("true");
    }

    @Test
    void affinityCanBeLeftToAnotherControllersOwnAnnotations() {
        JsonNode annotations = render(managedServicesAnd("ingress.enabled", true, "ingress.className", "traefik",
                "ingress.sessionAffinity.enabled", false, "ingress.proxyBodySize", "",
                "ingress.annotations.traefik\\.ingress\\.kubernetes\\.io/router\\.middlewares", "cf-headers@kubernetescrd"))
                .get("Ingress").at("/metadata/annotations");

        assertThat(annotations.has(NGINX + "affinity")).isFalse();
        assertThat(annotations.has(NGINX + "proxy-body-size")).isFalse();
        assertThat(annotations.path("traefik.ingress.kubernetes.io/router.middlewares").asText())
                .isEqualTo("cf-headers@kubernetescrd");
    }
}
